"""A project found wherever raingan is run from, kept to its own files: install into a prefix and run from an
empty folder, `init` then `build`, build selection and parallel builds, and paths that lead out of a project
(through "..", an absolute path or a symlink) refused by render, validate and build."""
import json
import os
import shutil
import subprocess
import tempfile
import unittest

from cli_support import RAINGAN, SOURCE, run, scratch


def write_json(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(data, handle, ensure_ascii=False)


class InstalledPrefix(unittest.TestCase):
    def test_installed_program_finds_its_share_folder_from_an_empty_folder(self):
        build = os.path.dirname(RAINGAN)
        # Outside the source tree, whose own project would otherwise be found above the empty folder.
        prefix = tempfile.mkdtemp(prefix="raingan-prefix-")
        self.addCleanup(shutil.rmtree, prefix, True)
        result = subprocess.run(["cmake", "--install", build, "--prefix", prefix], stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT)
        self.assertEqual(result.returncode, 0, result.stdout.decode())
        program = os.path.join(prefix, "bin", "raingan")
        share = os.path.join(prefix, "share", "raingan")
        for part in ("fonts/fonts.json", "templates/memo.xml", "templates/README.md",
                     "datasets/schemas/memo.schema.json", "datasets/memo-work-standards.json"):
            self.assertTrue(os.path.isfile(os.path.join(share, part)), part)
        empty = os.path.join(prefix, "empty")
        os.makedirs(empty)
        version = subprocess.run([program, "--version"], stdout=subprocess.PIPE, check=True).stdout.decode()
        self.assertRegex(version, r"^raingan [0-9]+\.[0-9]+\.[0-9]+\n$")
        with open(os.path.join(empty, "note.txt"), "w", encoding="utf-8") as handle:
            handle.write("สวัสดีครับ\n")
        result = subprocess.run([program, "text", "note.txt", "-o", "note.pdf"], cwd=empty,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        # The fonts map came from the share folder: TH Sarabun PSK is set in its stand-in, and the message
        # says which face and where the official files were looked for.
        self.assertIn("text is set in \"Laksaman\"", result.stderr.decode())
        self.assertIn(os.path.join(share, "fonts"), result.stderr.decode())
        # A dataset kept in the empty folder is checked against the installed schema of its kind.
        shutil.copy(os.path.join(share, "datasets", "memo-work-standards.json"), empty)
        result = subprocess.run([program, "validate", "memo-work-standards.json"], cwd=empty,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        result = subprocess.run([program, "render", os.path.join(share, "templates", "memo.xml"),
                                 "memo-work-standards.json", "-o", "memo.pdf"], cwd=empty,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        with open(os.path.join(empty, "memo.pdf"), "rb") as handle:
            self.assertTrue(handle.read().startswith(b"%PDF-"))


class InitAndBuild(unittest.TestCase):
    def test_init_then_build_in_an_empty_folder(self):
        folder = scratch("init")
        status, out, err = run("init", "report", cwd=folder)
        self.assertEqual(status, 0, err)
        project = os.path.join(folder, "report")
        status, out, err = run("build", cwd=project)
        self.assertEqual(status, 0, err)
        self.assertIn("built output/allocation-summary.pdf (1 page)\n", out)
        self.assertIn("1 of 1 document built into", out)
        pdf = os.path.join(project, "output", "allocation-summary.pdf")
        text = subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, "-"], stdout=subprocess.PIPE,
                              check=True).stdout.decode()
        self.assertIn("โรงเรียนบ้านหนองกุลา", text)
        self.assertIn("๕๖๑,๐๐๐.๕๐", text)
        # A second init into the same folder refuses instead of overwriting.
        status, _, err = run("init", "report", cwd=folder)
        self.assertEqual(status, 2)
        self.assertIn("not an empty folder", err)

    def test_build_named_entries_in_parallel_from_another_folder(self):
        folder = scratch("select")
        run("init", "p", cwd=folder)
        project = os.path.join(folder, "p")
        manifest = os.path.join(project, "datasets", "manifest.json")
        with open(manifest, encoding="utf-8") as handle:
            data = json.load(handle)
        entry = data["documents"][0]
        data["documents"] = [dict(entry, output=name + ".pdf") for name in ("a", "b", "c")]
        write_json(manifest, data)
        status, out, err = run("build", "c", "a.pdf", "-j", "2", "--root", project, cwd=folder)
        self.assertEqual(status, 0, err)
        self.assertEqual(sorted(os.listdir(os.path.join(project, "output"))), ["a.pdf", "c.pdf"])
        self.assertLess(out.index("built output/a.pdf"), out.index("built output/c.pdf"))
        self.assertIn("2 of 2 documents built", out)
        status, _, err = run("build", "nothing", "--root", project, cwd=folder)
        self.assertEqual(status, 2)
        self.assertIn("no document named 'nothing' (it has a, b, c)", err)


class Confinement(unittest.TestCase):
    def setUp(self):
        self.folder = scratch("confine")
        run("init", "p", cwd=self.folder)
        self.project = os.path.join(self.folder, "p")
        self.secret = os.path.join(self.folder, "elsewhere", "secret.png")
        os.makedirs(os.path.dirname(self.secret))
        shutil.copy(os.path.join(SOURCE, "datasets", "photos", "annual-report-2569",
                                 sorted(os.listdir(os.path.join(SOURCE, "datasets", "photos",
                                                                "annual-report-2569")))[0]), self.secret)

    def manifest(self, documents):
        write_json(os.path.join(self.project, "datasets", "manifest.json"),
                   {"kind": "build-manifest", "documents": documents})

    def test_manifest_outputs_outside_output_are_refused(self):
        outside = os.path.join(self.folder, "x.pdf")
        self.manifest([{"dataset": "allocation-summary.json", "template": "allocation-summary.xml",
                        "output": "../x.pdf"},
                       {"dataset": "allocation-summary.json", "template": "allocation-summary.xml",
                        "output": outside}])
        status, _, err = run("build", cwd=self.project)
        self.assertEqual(status, 1)
        self.assertIn("documents[0].output: expected a file name inside", err)
        self.assertIn("documents[1].output: expected a file name inside", err)
        self.assertFalse(os.path.exists(os.path.join(self.project, "x.pdf")))
        self.assertFalse(os.path.exists(outside))

    def test_manifest_inputs_outside_the_project_are_refused(self):
        stray = os.path.join(self.folder, "elsewhere", "stray.json")
        shutil.copy(os.path.join(self.project, "datasets", "allocation-summary.json"), stray)
        link = os.path.join(self.project, "datasets", "linked.json")
        os.symlink(stray, link)
        self.manifest([{"dataset": "../../elsewhere/stray.json", "template": "allocation-summary.xml",
                        "output": "a.pdf"},
                       {"dataset": "linked.json", "template": "allocation-summary.xml", "output": "b.pdf"}])
        status, _, err = run("build", "--keep-going", cwd=self.project)
        self.assertEqual(status, 1)
        self.assertIn("dataset " + os.path.join(self.project, "datasets", "../../elsewhere/stray.json"), err)
        self.assertIn("dataset " + link + " (which leads to " + os.path.realpath(stray) + ")", err)
        self.assertIn("--allow-read", err)
        self.assertEqual(os.listdir(os.path.join(self.project, "output")), [])
        status, _, err = run("build", "--keep-going", "--allow-read", os.path.dirname(stray), cwd=self.project)
        self.assertEqual(status, 0, err)

    def test_an_image_path_that_leads_out_is_refused_by_validate_and_render(self):
        datasets = os.path.join(self.project, "datasets")
        schema_path = os.path.join(datasets, "schemas", "allocation-summary.schema.json")
        with open(schema_path, encoding="utf-8") as handle:
            schema = json.load(handle)
        schema["properties"]["photo"] = {"type": "string", "format": "file"}
        write_json(schema_path, schema)
        template = os.path.join(self.project, "templates", "allocation-summary.xml")
        with open(template, encoding="utf-8") as handle:
            text = handle.read()
        text = text.replace("  <signature", '  <image src="{{ dataset_dir }}/{{ photo }}" width="4cm"/>\n  <signature')
        with open(template, "w", encoding="utf-8") as handle:
            handle.write(text)
        with open(os.path.join(datasets, "allocation-summary.json"), encoding="utf-8") as handle:
            data = json.load(handle)
        os.symlink(self.secret, os.path.join(datasets, "inside.png"))
        for photo in ("../../elsewhere/secret.png", self.secret, "inside.png"):
            data["photo"] = photo
            path = os.path.join(datasets, "bad.json")
            write_json(path, data)
            status, out, err = run("validate", path, cwd=self.folder)
            self.assertEqual(status, 1, out)
            self.assertIn(path + ": photo: file ", err)
            self.assertIn("is outside the folders raingan reads from", err)
            target = os.path.join(self.project, "output", "bad.pdf")
            status, _, err = run("render", template, path, "-o", target, cwd=self.folder)
            self.assertEqual(status, 1, err)
            self.assertIn("is outside the folders raingan reads from", err)
            self.assertFalse(os.path.exists(target))
        # A photo inside the project is fine.
        shutil.copy(self.secret, os.path.join(datasets, "photo.png"))
        data["photo"] = "photo.png"
        write_json(path, data)
        status, _, err = run("render", template, path, "-o", os.path.join(self.folder, "good.pdf"), cwd="/")
        self.assertEqual(status, 0, err)


if __name__ == "__main__":
    unittest.main()
