"""LibreOffice, recalculating every formula, agrees with the cached values raingan's XLSX writer stores,
and the check catches a wrong cached value (tests/xlsx_sample.cpp writes both workbooks)."""
import os
import stat
import subprocess
import sys
import tempfile
import unittest

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import xlsx_check  # noqa: E402

SAMPLE = os.environ.get("RAINGAN_XLSX_SAMPLE", "")
SCRATCH = os.environ.get("RAINGAN_TEST_TMP", tempfile.gettempdir())


def write_sample(kind, folder):
    path = os.path.join(folder, kind + ".xlsx")
    subprocess.run([SAMPLE, kind, path], check=True, timeout=60)
    return path


class RecalculationCheck(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if not SAMPLE or not os.path.exists(SAMPLE):
            raise RuntimeError("RAINGAN_XLSX_SAMPLE must name the xlsx_sample test program")
        os.makedirs(SCRATCH, exist_ok=True)
        cls.folder = tempfile.mkdtemp(prefix="xlsx-recalc-", dir=SCRATCH)

    def test_right_cached_values_pass(self):
        path = write_sample("good", self.folder)
        formulas = [c for cells in xlsx_check.read_cells(path).values() for c in cells.values() if c.formula]
        self.assertGreater(len(formulas), 200)  # VLOOKUP, IF, products, SUM, COUNTIF, DATE, text, booleans
        self.assertEqual(xlsx_check.formula_mismatches(path), [])

    def test_wrong_cached_values_are_caught(self):
        path = write_sample("wrong", self.folder)
        found = {(m.sheet, m.cell): m for m in xlsx_check.formula_mismatches(path)}
        self.assertEqual(set(found), {("นักเรียน", "H4"), ("นักเรียน", "C5")})
        self.assertEqual((found["นักเรียน", "H4"].cached, found["นักเรียน", "H4"].recalculated), (3001.0, 3000.0))
        self.assertEqual(found["นักเรียน", "C5"].recalculated, "โรงเรียนวัดศรีสุทธาวาส")

    def test_missing_or_hung_libreoffice_is_reported(self):
        path = write_sample("good", self.folder)
        with self.assertRaisesRegex(xlsx_check.LibreOfficeError, "cannot start"):
            xlsx_check.formula_mismatches(path, soffice=os.path.join(self.folder, "no-such-soffice"))
        hung = os.path.join(self.folder, "hung-soffice")
        with open(hung, "w") as script:
            script.write("#!/bin/sh\nsleep 30\n")
        os.chmod(hung, stat.S_IRWXU)
        with self.assertRaisesRegex(xlsx_check.LibreOfficeError, "within 1 s"):
            xlsx_check.formula_mismatches(path, soffice=hung, timeout=1)


if __name__ == "__main__":
    unittest.main(verbosity=2)
