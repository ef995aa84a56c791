"""`raingan text`: seed 002 through the CLI and back out of the PDF with poppler, the way a reader copies it;
the PDF's structure with qpdf and pdffonts; and bad input, which must fail clearly and leave nothing behind."""
import os
import unittest

from cli_support import (SOURCE, file_bytes, leftovers, no_space, page_count, pdffonts, pdftotext, qpdf_check, run,
                         scratch)

SEED_002 = os.path.join(SOURCE, "datasets", "texts", "002_27adca80231827ab.txt")


def source_text():
    with open(SEED_002, encoding="utf-8") as handle:
        return handle.read()


class SeedText(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.folder = scratch("text")
        cls.pdf = os.path.join(cls.folder, "seed002.pdf")
        status, out, err = run("text", SEED_002, "-o", cls.pdf, "--align", "justify")
        assert status == 0, err
        cls.extracted = pdftotext(cls.pdf)

    def test_text_comes_back_exactly_whitespace_aside(self):
        self.assertEqual(no_space(self.extracted), no_space(source_text()))

    def test_justified_text_has_no_space_inside_a_word_the_source_lacks(self):
        # Walk the extracted text against the source: every space pdftotext puts between two characters on a
        # line must stand where the source has whitespace between them too. Distributed justification stretches
        # between clusters; if that stretch read as word breaks, copied Thai would be full of spurious spaces.
        source = source_text()
        position = 0
        spurious = []
        for line in self.extracted.splitlines():
            pending_space = False
            previous_end = None
            for ch in line:
                if ch.isspace():
                    pending_space = True
                    continue
                start = position
                while position < len(source) and source[position] != ch:
                    position += 1
                self.assertLess(position, len(source), "extracted text out of step with the source")
                if pending_space and previous_end is not None:
                    between = source[previous_end:position]
                    if not any(c.isspace() for c in between):
                        spurious.append(source[max(0, previous_end - 15):position + 15])
                pending_space = False
                position += 1
                previous_end = position
                del start
        self.assertEqual(spurious, [], "spaces inside words in the copied text")

    def test_about_forty_pages_and_a_clean_structure(self):
        pages = page_count(self.pdf)
        self.assertGreater(pages, 30)
        self.assertLess(pages, 80)
        status, output = qpdf_check(self.pdf)
        self.assertEqual(status, 0, output)
        self.assertNotIn("WARNING", output)
        fonts = pdffonts(self.pdf)
        self.assertTrue(fonts)
        for name, embedded, subset, unicode in fonts:
            self.assertTrue(embedded and subset and unicode, name)
            self.assertRegex(name, r"^[A-Z]{6}\+")

    def test_sara_am_extracts_as_one_character(self):
        self.assertIn("สำนักงาน", self.extracted)
        self.assertNotIn("\u0e4d\u0e32", self.extracted)


class BadInput(unittest.TestCase):
    def setUp(self):
        self.folder = scratch("text-bad")
        self.output = os.path.join(self.folder, "out.pdf")

    def assertNothingWritten(self):
        self.assertFalse(os.path.exists(self.output))
        self.assertEqual(leftovers(self.folder), [])

    def test_invalid_utf8_names_the_byte_offset(self):
        bad = os.path.join(self.folder, "bad.txt")
        with open(bad, "wb") as handle:
            handle.write("ข้อความ".encode("utf-8") + b"\xff\xfe" + "ต่อ".encode("utf-8"))
        status, out, err = run("text", bad, "-o", self.output)
        self.assertEqual(status, 1)
        self.assertIn("bad.txt: line 1, column 8 (byte 21): expected UTF-8 text, found byte 0xFF that is not valid "
                      "UTF-8", err)
        self.assertNothingWritten()

    def test_missing_input(self):
        status, out, err = run("text", os.path.join(self.folder, "none.txt"), "-o", self.output)
        self.assertEqual(status, 1)
        self.assertIn("none.txt: text file not found", err)
        self.assertNothingWritten()

    def test_unknown_font_is_named(self):
        text = os.path.join(self.folder, "a.txt")
        with open(text, "w", encoding="utf-8") as handle:
            handle.write("สวัสดี\n")
        status, out, err = run("text", text, "-o", self.output, "--font", "NoSuchFamily")
        self.assertEqual(status, 1)
        self.assertIn("NoSuchFamily", err)
        self.assertNothingWritten()

    def test_unwritable_outputs(self):
        text = os.path.join(self.folder, "a.txt")
        with open(text, "w", encoding="utf-8") as handle:
            handle.write("สวัสดี\n")
        for target, expected in ((self.folder, "is a directory"),
                                 (os.path.join(self.folder, "no", "such", "out.pdf"), "does not exist"),
                                 ("/dev/full", "not a regular file")):
            status, out, err = run("text", text, "-o", target)
            self.assertEqual(status, 1, target)
            self.assertIn(expected, err)
        self.assertEqual(leftovers(self.folder), [])

    def test_a_failed_run_keeps_the_previous_document(self):
        good = os.path.join(self.folder, "good.txt")
        with open(good, "w", encoding="utf-8") as handle:
            handle.write("เอกสารเดิม\n")
        self.assertEqual(run("text", good, "-o", self.output)[0], 0)
        before = file_bytes(self.output)
        bad = os.path.join(self.folder, "bad.txt")
        with open(bad, "wb") as handle:
            handle.write(b"\xc3\x28")
        self.assertEqual(run("text", bad, "-o", self.output)[0], 1)
        self.assertEqual(file_bytes(self.output), before)
        self.assertEqual(leftovers(self.folder), [])

    def test_help_version_and_usage(self):
        status, out, err = run("--help")
        self.assertEqual(status, 0)
        self.assertIn("raingan text INPUT.txt -o OUT.pdf", out)
        status, out, err = run("--version")
        self.assertEqual(status, 0)
        self.assertRegex(out, r"^raingan \d+\.\d+\.\d+")
        status, out, err = run("text")
        self.assertEqual(status, 2)
        self.assertTrue(err)
        status, out, err = run("no-such-command")
        self.assertEqual(status, 2)


if __name__ == "__main__":
    unittest.main()
