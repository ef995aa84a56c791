"""Hostile input through the real CLI: files that are not regular files (devices, pipes), option values that
would switch a limit off (NaN, infinities, fractions, a flag given twice) and dates typed with a Buddhist-Era
year. Each must fail at once with a clear message and exit status 1 (input) or 2 (usage), leave an earlier
output byte-identical with nothing beside it, and finish within a few seconds."""
import json
import os
import resource
import subprocess
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
    result = subprocess.run([RAINGAN, *arguments], cwd=SOURCE, timeout=seconds, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, preexec_fn=limit)
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


if __name__ == "__main__":
    unittest.main()
