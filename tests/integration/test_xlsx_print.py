"""What a reader's spreadsheet shows and prints of a register from raingan's XLSX writer: LibreOffice
converts the sample register to PDF; Thai Buddhist-Era dates, fitted columns (no ### for numbers that do not
fit), A4 landscape pages one page wide, the header rows repeated on every page and the page-number footer."""
import os
import re
import subprocess
import sys
import tempfile
import unittest

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import xlsx_check  # noqa: E402

SAMPLE = os.environ.get("RAINGAN_XLSX_SAMPLE", "")
SCRATCH = os.environ.get("RAINGAN_TEST_TMP", tempfile.gettempdir())


def run(*command):
    return subprocess.run(command, check=True, timeout=60, stdout=subprocess.PIPE).stdout.decode("utf-8")


class PrintedRegister(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if not SAMPLE or not os.path.exists(SAMPLE):
            raise RuntimeError("RAINGAN_XLSX_SAMPLE must name the xlsx_sample test program")
        os.makedirs(SCRATCH, exist_ok=True)
        folder = tempfile.mkdtemp(prefix="xlsx-print-", dir=SCRATCH)
        book = os.path.join(folder, "good.xlsx")
        run(SAMPLE, "good", book)
        cls.pdf = xlsx_check.convert(book, os.path.join(folder, "good.pdf"))
        cls.pages = run("pdftotext", "-layout", cls.pdf, "-").split("\f")[:-1]
        cls.info = run("pdfinfo", "-f", "1", "-l", "99", cls.pdf)

    def register_pages(self):
        return [page for page in self.pages if "นักเรียน" in page and "ระยะทาง" in page]

    def test_dates_show_in_thai_digits_and_buddhist_era(self):
        text = "".join(self.pages)
        self.assertIn("๑๖ พฤษภาคม ๒๕๖๗", text)  # 2024-05-16
        self.assertIn("๓๑ พฤษภาคม ๒๕๖๗", text)  # DATE(2024,5,31)

    def test_fitted_columns_show_every_number(self):
        text = "".join(self.pages)
        self.assertNotIn("###", text)
        self.assertIn("194,000.00", text)  # the SUM of 60 allowances, in the column fitted to the amounts
        self.assertIn("โรงเรียนบ้านโคกสูง (ประชาสามัคคี)", text)

    def test_a4_landscape_one_page_wide_with_repeated_header_and_page_numbers(self):
        pages = self.register_pages()
        self.assertGreaterEqual(len(pages), 2)
        sizes = re.findall(r"Page +\d+ size: +([\d.]+) x ([\d.]+)", self.info)
        landscape = [s for s in sizes if abs(float(s[0]) - 841.89) < 1 and abs(float(s[1]) - 595.28) < 1]
        self.assertEqual(len(landscape), len(pages))
        for number, page in enumerate(pages, 1):
            self.assertIn("ชื่อ-สกุล", page, "header row missing on register page %d" % number)
            self.assertIn("เกิน ๓ กม.", page, "last column cut off on register page %d" % number)
            self.assertRegex(page, r"หน้า \d+ / %d" % len(self.pages))


if __name__ == "__main__":
    unittest.main(verbosity=2)
