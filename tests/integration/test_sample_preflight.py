"""Preflight over the samples: `raingan build --strict` builds every sample with no finding (the manual's
structure chart and flowcharts included, drawn from its dataset), --strict turns a finding into an error that names the page and the template line and writes nothing, and the
source texts the samples were transcribed from still render with `raingan text` as fixtures."""
import json
import os
import re
import shutil
import unittest

from cli_support import SOURCE, run, scratch

def unexpected_warnings(err):
    """Warnings other than the two every sample build may print on a machine without the official faces and
    the Garuda emblem: the stand-in font used, and the optional emblem left out."""
    return [line for line in err.splitlines()
            if "warning: " in line and "garuda" not in line and "its stand-in" not in line]


def sample_root():
    """A project folder whose datasets, templates and fonts are the repository's, with its own output/."""
    root = scratch("preflight-samples")
    for name in ("datasets", "templates", "fonts"):
        if os.path.exists(os.path.join(SOURCE, name)):
            os.symlink(os.path.join(SOURCE, name), os.path.join(root, name))
    return root


class StrictSampleBuild(unittest.TestCase):
    def test_every_sample_passes_preflight(self):
        root = sample_root()
        try:
            status, out, err = run("build", "--root", root, "--strict", "--keep-going", timeout=600)
            with open(os.path.join(SOURCE, "datasets", "manifest.json"), encoding="utf-8") as handle:
                documents = json.load(handle)["documents"]
            self.assertEqual(status, 0, err)
            failures = re.findall(r"^failed (\S+):$", err, re.MULTILINE)
            findings = [line.strip() for line in err.splitlines() if line.startswith("  ")]
            self.assertEqual(failures, [], err)
            self.assertEqual(findings, [], err)
            built = re.findall(r"^built (\S+) ", out, re.MULTILINE)
            self.assertEqual(len(built), len(documents), out + err)
            self.assertEqual(unexpected_warnings(err), [], err)
            # The raw source texts are no longer sample deliverables.
            self.assertFalse(any(entry.get("text") for entry in documents))
            self.assertFalse(any(name.startswith("output/seed-") for name in built))
        finally:
            shutil.rmtree(root, ignore_errors=True)


class StrictRender(unittest.TestCase):
    def setUp(self):
        self.folder = scratch("preflight-render")
        self.template = os.path.join(self.folder, "t.xml")
        self.dataset = os.path.join(self.folder, "d.json")
        self.output = os.path.join(self.folder, "out.pdf")
        with open(self.dataset, "w", encoding="utf-8") as handle:
            json.dump({"kind": "preflight-sample"}, handle)
        schemas = os.path.join(self.folder, "schemas")
        os.makedirs(schemas)
        with open(os.path.join(schemas, "preflight-sample.schema.json"), "w", encoding="utf-8") as handle:
            json.dump({"type": "object", "properties": {"kind": {"const": "preflight-sample"}}}, handle)
        self.schemas = schemas

    def tearDown(self):
        shutil.rmtree(self.folder, ignore_errors=True)

    def write(self, body):
        with open(self.template, "w", encoding="utf-8") as handle:
            handle.write('<document dataset-kind="preflight-sample">\n<page size="A4" header-offset="1.9cm"/>\n'
                         '<section>\n<header><p>- <page-number/> -</p></header>\n' + body +
                         '\n</section>\n</document>\n')

    def render(self, *extra):
        return run("render", self.template, self.dataset, "-o", self.output, "--schemas", self.schemas, *extra)

    def test_a_missing_figure_is_reported_with_its_caption(self):
        self.write('<p>ก่อนภาพ</p>\n<image missing="แผนผัง"><caption>ภาพที่ ๑ แผนผัง</caption></image>')
        status, out, err = self.render()
        self.assertEqual(status, 0, err)
        self.assertRegex(err, r"warning: .*t\.xml: page 1 \(๑\), line 6: missing-figure: the figure \"แผนผัง\"")
        os.remove(self.output)
        status, out, err = self.render("--strict")
        self.assertEqual(status, 1, err)
        self.assertIn("line 6: missing-figure: the figure \"แผนผัง\" has no picture", err)
        self.assertFalse(os.path.exists(self.output))


class SourceTextFixtures(unittest.TestCase):
    def test_the_seed_texts_render_with_raingan_text(self):
        folder = scratch("preflight-texts")
        try:
            texts = os.path.join(SOURCE, "datasets", "texts")
            names = sorted(name for name in os.listdir(texts) if name.endswith(".txt"))
            self.assertEqual(len(names), 4)
            for name in names:
                output = os.path.join(folder, name.replace(".txt", ".pdf"))
                status, out, err = run("text", os.path.join(texts, name), "-o", output, "--align", "justify")
                self.assertEqual(status, 0, err)
                self.assertRegex(out, r"\d+ pages")
                self.assertEqual(unexpected_warnings(err), [], err)
        finally:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    unittest.main()
