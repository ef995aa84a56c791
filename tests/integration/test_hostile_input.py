"""Hostile input through the real CLI: files that are not regular files (devices, pipes), option values that
would switch a limit off (NaN, infinities, fractions, a flag given twice) and dates typed with a Buddhist-Era
year. Each must fail at once with a clear message and exit status 1 (input) or 2 (usage), leave an earlier
output byte-identical with nothing beside it, and finish within a few seconds."""
import json
import os
import resource
import signal
import subprocess
import sys
import time
import unittest

from cli_support import RAINGAN, SOURCE, file_bytes, leftovers, scratch

FIXTURES = os.path.join(SOURCE, "tests", "fixtures", "bad")
SCHEMAS = os.path.join(FIXTURES, "schemas")
TEMPLATE = os.path.join(FIXTURES, "sample.xml")
SAMPLE = os.path.join(FIXTURES, "sample.json")
MEMORY_LIMIT = 1024 * 1024 * 1024  # an endless reader would pass this at once


def bounded_run(*arguments, seconds=20):
    """Runs raingan with its address space capped and a time limit; a hang or an endless read fails the test."""
    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    # AddressSanitizer needs terabytes of address space and runs several times slower; there a longer time
    # limit alone bounds the run.
    capped = not os.environ.get("RAINGAN_SANITIZED")
    result = subprocess.run([RAINGAN, *arguments], cwd=SOURCE, timeout=seconds if capped else seconds * 5,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, preexec_fn=limit if capped else None)
    return result.returncode, result.stdout.decode("utf-8"), result.stderr.decode("utf-8", "replace")


class HostileInput(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        folder = scratch("hostile-good")
        good = os.path.join(folder, "good.pdf")
        status, _, err = bounded_run("render", "--schemas", SCHEMAS, TEMPLATE, SAMPLE, "-o", good)
        if status != 0:
            raise AssertionError("the good sample does not render: " + err)
        cls.previous = file_bytes(good)

    def setUp(self):
        self.folder = scratch("hostile")
        self.output = os.path.join(self.folder, "out", "document.pdf")
        os.makedirs(os.path.dirname(self.output))

    def fails(self, *arguments, status=1):
        """Runs raingan over an earlier good output; asserts the exit status, the output unchanged and nothing
        new beside it. Returns stderr."""
        with open(self.output, "wb") as handle:
            handle.write(self.previous)
        folder = os.path.dirname(self.output)
        code, _, err = bounded_run(*arguments)
        self.assertEqual(code, status, "exit status %d; stderr: %s" % (code, err))
        self.assertEqual(file_bytes(self.output), self.previous)
        self.assertEqual(leftovers(folder), [])
        self.assertEqual(os.listdir(folder), ["document.pdf"])
        return err

    def sample_with(self, **fields):
        with open(SAMPLE, encoding="utf-8") as handle:
            data = json.load(handle)
        data.update(fields)
        path = os.path.join(self.folder, "data.json")
        with open(path, "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False)
        return path

    def render_fails(self, *arguments, template=TEMPLATE, dataset=SAMPLE, status=1):
        return self.fails("render", "--schemas", SCHEMAS, *arguments, template, dataset, "-o", self.output,
                          status=status)

    # Files that are not regular files

    def test_devices_as_datasets(self):
        for device in ("/dev/zero", "/dev/urandom"):
            code, _, err = bounded_run("validate", device)
            self.assertEqual(code, 1, err)
            self.assertIn(device + ": expected a dataset file, found a device, not a regular file", err)
            err = self.render_fails(dataset=device)
            self.assertIn(device + ": expected a dataset file, found a device", err)

    def test_device_as_template_and_text(self):
        self.assertIn("/dev/zero: expected a template file, found a device", self.render_fails(template="/dev/zero"))
        err = self.fails("text", "/dev/zero", "-o", self.output)
        self.assertIn("/dev/zero: expected a text file, found a device, not a regular file", err)

    def test_pipes_do_not_hang(self):
        fifo = os.path.join(self.folder, "photo.png")
        os.mkfifo(fifo)
        err = self.render_fails(dataset=self.sample_with(photo="photo.png"))
        self.assertIn(fifo + ": expected an image file, found a pipe", err)
        code, _, err = bounded_run("validate", fifo)
        self.assertEqual(code, 1)
        self.assertIn("found a pipe, not a regular file", err)

    # Options

    def test_numbers_that_would_remove_a_limit(self):
        for flag, value, expected in (("--max-pages", "nan", "expects a whole number from 1 to 1000000"),
                                      ("--max-pages", "1.5", "expects a whole number"),
                                      ("--max-template-steps", "nan", "expects a whole number"),
                                      ("--max-table-rows", "inf", "expects a whole number"),
                                      ("--max-dataset-mb", "nan", "expects a whole number"),
                                      ("--max-depth", "-1", "expects a whole number"),
                                      ("--max-image-megapixels", "nan", "expects a number from 1"),
                                      ("--max-image-megapixels", "-inf", "expects a number from 1")):
            with self.subTest(flag=flag, value=value):
                err = self.render_fails(flag, value, status=2)
                self.assertIn("%s %s" % (flag, expected), err)
                self.assertIn(", found '%s'" % value, err)
        err = self.fails("text", os.path.join(SOURCE, "README.md"), "-o", self.output, "--width-mm", "nan",
                         status=2)
        self.assertIn("--width-mm expects a number from 10 to 280, found 'nan'", err)

    def test_a_flag_given_twice(self):
        other = os.path.join(self.folder, "other.pdf")
        err = self.render_fails("-o", other, status=2)
        self.assertIn("-o given twice", err)
        self.assertFalse(os.path.exists(other))
        err = self.fails("validate", "--max-depth", "3", "--max-depth", "4", SAMPLE, status=2)
        self.assertIn("--max-depth given twice", err)

    def test_control_characters_in_data_and_text(self):
        dataset = self.sample_with(office="สำนักงาน\u001b[31m เขต ๒", schools=[])
        err = self.render_fails(dataset=dataset)
        self.assertIn("office: expected text without control characters, found U+001B (written \\u001B", err)
        text = os.path.join(self.folder, "note.txt")
        with open(text, "w", encoding="utf-8") as handle:
            handle.write("บรรทัดแรก\nบรรทัด\x07ที่สอง\n")
        err = self.fails("text", text, "-o", self.output)
        self.assertIn("note.txt: line 2, column 7 (byte 46): expected text, found the control character 0x07", err)

    def template(self, body, page='<page size="A4"/>'):
        path = os.path.join(self.folder, "t.xml")
        with open(path, "w", encoding="utf-8") as handle:
            handle.write('<document dataset-kind="bad-input-sample" title="x">\n' + page + '\n' + body +
                         '\n</document>\n')
        return path

    def test_lists_that_multiply_are_bounded_by_the_bytes_they_build(self):
        body = ('<let name="a" value="range(1, 100000)"/><let name="b" value="map(a, x => a)"/>\n'
                '<p>{{ len(flatten(b)) }}</p>')
        err = self.render_fails(template=self.template(body))
        self.assertIn("t.xml: line 4: the template builds more than 256 MB of texts and lists here", err)
        self.assertIn("raise the limit with --max-template-mb", err)
        err = self.render_fails("--max-template-mb", "8", template=self.template(
            '<let name="a" value="range(0, 1000000)"/><p>{{ len(a) }}</p>'))
        self.assertIn("more than 8 MB of texts and lists", err)

    def test_page_geometry_that_cannot_hold_text(self):
        cases = [
            ('<page size="A4" margin="2cm 12cm 2cm 12cm"/>', "the left and right margins (12 cm + 12 cm) leave 0 cm "
             "of the page's 21 cm width; expected at least 3 cm for the text"),
            ('<page size="A5" margin="10cm 2cm"/>', "the top and bottom margins (10 cm + 10 cm) leave 1 cm of the "
             "page's 21 cm height"),
            ('<page size="A4" margin-left="-1cm"/>', "margin-left is -1 cm; expected a length of 0 or more"),
            ('<page size="A4" header-offset="40cm"/>', "a header-offset or footer-offset of 40 cm is off the"),
        ]
        for page, message in cases:
            err = self.render_fails(template=self.template("<p>x</p>", page=page))
            self.assertIn("t.xml: line 2: <page>: " + message, err)

    def test_font_sizes_a_page_cannot_print(self):
        for size in ("0", "-3", "1e9", "200pt", "nan"):
            err = self.render_fails(template=self.template('<p size="%s">x</p>' % size))
            self.assertIn('t.xml: line 3: attribute size: expected a font size from 4pt to 144pt, found "%s"' % size
                          if size != "nan" else "t.xml: line 3: attribute size: expected", err)

    def test_links_that_run_scripts_or_open_local_files(self):
        template = os.path.join(self.folder, "link.xml")
        with open(template, "w", encoding="utf-8") as handle:
            handle.write('<document dataset-kind="bad-input-sample" title="ลิงก์">\n<page size="A4"/>\n'
                         '<p>ดู <link url="{{ office }}">เว็บไซต์</link></p>\n</document>\n')
        for url in ("javascript:app.alert(1)", "JavaScript:x", "file:///etc/passwd", "data:text/html,x", "obec.go.th"):
            err = self.render_fails(template=template, dataset=self.sample_with(office=url))
            self.assertIn("link.xml: line 3: <link url>: expected an address that starts with http://, https://, mailto:"
                          " or tel:, found \"" + url + "\"", err)
        code, _, err = bounded_run("render", "--schemas", SCHEMAS, template,
                                   self.sample_with(office="HTTPS://www.obec.go.th/ข่าว"), "-o", self.output)
        self.assertEqual(code, 0, err)

    def test_an_output_that_is_its_own_input(self):
        text = os.path.join(self.folder, "note.txt")
        with open(text, "w", encoding="utf-8") as handle:
            handle.write("บันทึกข้อความ\n")
        code, _, err = bounded_run("text", text, "-o", text)
        self.assertEqual(code, 1, err)
        self.assertIn("the output is the text it is made from", err)
        with open(text, encoding="utf-8") as handle:
            self.assertEqual(handle.read(), "บันทึกข้อความ\n")
        self.assertEqual(leftovers(self.folder), [])

    # Dates

    def test_buddhist_era_year_in_a_date(self):
        dataset = self.sample_with(date="2569-11-20")
        code, _, err = bounded_run("validate", "--schemas", SCHEMAS, dataset)
        self.assertEqual(code, 1)
        self.assertIn("date: expected a date as yyyy-mm-dd with the Christian-Era year, found \"2569-11-20\"", err)
        self.assertIn("write it with the year minus 543: 2026-11-20", err)
        self.assertIn("2026-11-20", self.render_fails(dataset=dataset))
        code, out, err = bounded_run("format", "date", "2569-11-20")
        self.assertEqual((code, out), (1, ""))
        self.assertIn("2026-11-20", err)
        self.assertIn("--today", self.render_fails("--today", "2569-01-01", status=2))
        code, out, _ = bounded_run("format", "date", "2400-01-01")
        self.assertEqual(code, 0)


class ManyHeadingsAndPages(unittest.TestCase):
    """More named destinations and page labels than one PDF array holds (8,191 items): the trees are split
    into leaves, and every heading and page keeps its entry."""

    def test_five_thousand_headings_on_five_thousand_pages(self):
        folder = scratch("hostile-many")
        with open(SAMPLE, encoding="utf-8") as handle:
            dataset = json.load(handle)
        dataset["schools"] = [{"name": "โรงเรียน %d" % i, "students": 1, "amount": 1.0} for i in range(5000)]
        data = os.path.join(folder, "many.json")
        with open(data, "w", encoding="utf-8") as handle:
            json.dump(dataset, handle, ensure_ascii=False)
        template = os.path.join(folder, "many.xml")
        with open(template, "w", encoding="utf-8") as handle:
            handle.write('<document dataset-kind="bad-input-sample" title="many">\n<page size="A4"/>\n'
                         '<for each="s" in="schools"><h1>{{ s.name }}</h1><page-break/></for>\n</document>\n')
        output = os.path.join(folder, "many.pdf")
        code, out, err = bounded_run("render", "--schemas", SCHEMAS, template, data, "-o", output,
                                     "--max-pages", "6000", seconds=120)
        self.assertEqual(code, 0, err)
        self.assertIn("5000 pages", out)  # a break at the very end makes no empty page
        dests = subprocess.run(["pdfinfo", "-dests", output], stdout=subprocess.PIPE, check=True).stdout.decode()
        self.assertEqual(len([line for line in dests.splitlines() if '"heading-' in line]), 5000)
        self.assertIn('"heading-5000"', dests)
        labels = json.loads(subprocess.run(["qpdf", "--json", "--json-key=pagelabels", output],
                                           stdout=subprocess.PIPE, check=True).stdout)["pagelabels"]
        self.assertEqual(len(labels), 5000)
        self.assertEqual(subprocess.run(["qpdf", "--check", output], stdout=subprocess.DEVNULL).returncode, 0)


class InterruptedWrite(unittest.TestCase):
    """SIGINT or SIGTERM while a large register is being written: the process ends as the signal says, the
    temporary files it had made are gone and the earlier register is unchanged."""

    @classmethod
    def setUpClass(cls):
        cls.folder = scratch("hostile-signal")
        cls.dataset = os.path.join(cls.folder, "students.json")
        subprocess.run([sys.executable, os.path.join(SOURCE, "scripts", "make-transport-dataset.py"),
                        "--students", "60000", "--hosts", "200", "--merged", "500", "-o", cls.dataset],
                       check=True, timeout=120)

    def interrupt(self, signal_number):
        out = os.path.join(self.folder, "out-%d" % signal_number)
        os.makedirs(out, exist_ok=True)
        target = os.path.join(out, "register.xlsx")
        with open(target, "wb") as handle:
            handle.write(b"the earlier register")
        process = subprocess.Popen([RAINGAN, "render", os.path.join(SOURCE, "templates",
                                    "transport-allowance-register.xml"), self.dataset, "-o", target],
                                   cwd=SOURCE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            # Signalled as soon as a temporary file is there, so that there is something to clean up.
            deadline = time.monotonic() + 60
            while not leftovers(out) and process.poll() is None and time.monotonic() < deadline:
                time.sleep(0.002)
            self.assertTrue(leftovers(out), "the render finished before it could be interrupted")
            process.send_signal(signal_number)
            self.assertEqual(process.wait(timeout=60), -signal_number)
        finally:
            if process.poll() is None:
                process.kill()
        self.assertEqual(sorted(os.listdir(out)), ["register.xlsx"])
        self.assertEqual(file_bytes(target), b"the earlier register")

    def test_sigterm_leaves_no_temporary_file(self):
        self.interrupt(signal.SIGTERM)

    def test_sigint_leaves_no_temporary_file(self):
        self.interrupt(signal.SIGINT)


if __name__ == "__main__":
    unittest.main()
