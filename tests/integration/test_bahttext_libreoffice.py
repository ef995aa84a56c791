"""raingan's BAHTTEXT against LibreOffice Calc's own BAHTTEXT, for a fixed list of about 200 amounts (the
documented edge cases and the 1, 11, 21, 101, 1001, 10001 patterns at every magnitude), in one LibreOffice run
and one raingan run.

LibreOffice 7 reads a final 1 as เอ็ด only right after a tens digit (101 -> หนึ่งร้อยหนึ่ง); Excel and the
Royal Institute's dictionary, which raingan follows by default, read it as เอ็ด after any higher digit of the
same number (101 -> หนึ่งร้อยเอ็ด). So raingan's tens-only style must equal LibreOffice on every amount, and
the default style must equal it exactly on the amounts where the two rules agree and differ on the others."""
import csv
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest
from decimal import Decimal
from xml.sax.saxutils import quoteattr

sys.dont_write_bytecode = True

RAINGAN = os.environ.get("RAINGAN", "")
SCRATCH = os.environ.get("RAINGAN_TEST_TMP", tempfile.gettempdir())

EDGE_CASES = ["0", "0.01", "0.10", "0.11", "0.21", "0.25", "0.50", "0.99", "1", "1.5", "10", "11", "20", "21",
              "99", "100", "101", "101.25", "110", "111", "121", "201", "1001", "1000000", "1000000.50", "1000001",
              "100000000", "10000000000021", "501000000", "5001000000", "31000000.31", "11001001", "1234567.89",
              "-0.50", "-0.75", "-21", "-101.25", "-1000001", "-11001001"]
PATTERNS = [1, 11, 21, 101, 1001, 10001]


def amounts():
    values = list(EDGE_CASES) + [str(n) for n in range(0, 31)]
    for exponent in range(0, 9):
        for digit in (2, 5, 9):
            values.append(str(digit * 10 ** exponent))
    for exponent in range(0, 12):
        for pattern in PATTERNS:
            values.append(str(pattern * 10 ** exponent))  # the pattern at each magnitude
    for million in (10 ** 6, 10 ** 7, 10 ** 9, 10 ** 12):
        for pattern in PATTERNS:
            values.append(str(million + pattern))  # the pattern after a count of millions
    for exponent in range(0, 10):
        values.append(str(10 ** exponent) + ".11")
    for pattern in PATTERNS:
        values.append("-" + str(pattern))
        values.append(str(pattern) + ".01")
        values.append(str(pattern * 1000) + ".21")
    seen = set()
    unique = []
    for value in values:
        if Decimal(value) not in seen:
            seen.add(Decimal(value))
            unique.append(value)
    return unique


def rules_disagree(amount):
    """Whether some group of six digits (between two ล้าน) ends in 1 after a 0 tens digit and a higher digit:
    the only place where the Excel reading (เอ็ด) and LibreOffice's (หนึ่ง) differ."""
    baht = abs(int(Decimal(amount)))
    while baht > 0:
        group = baht % 10 ** 6
        if group % 10 == 1 and (group // 10) % 10 == 0 and group > 1:
            return True
        baht //= 10 ** 6
    return False


def libreoffice_bahttext(values, folder):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise RuntimeError("LibreOffice (soffice) is needed: apt-get install libreoffice-calc-nogui")
    rows = "".join(
        '<table:table-row><table:table-cell office:value-type="float" office:value=%s/>'
        '<table:table-cell table:formula="of:=COM.MICROSOFT.BAHTTEXT([.A%d])"/></table:table-row>\n'
        % (quoteattr(value), number) for number, value in enumerate(values, 1))
    sheet = os.path.join(folder, "bahttext.fods")
    with open(sheet, "w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                  '<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
                  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
                  'xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" office:version="1.2" '
                  'office:mimetype="application/vnd.oasis.opendocument.spreadsheet">'
                  '<office:body><office:spreadsheet><table:table table:name="amounts">\n'
                  + rows + '</table:table></office:spreadsheet></office:body></office:document>\n')
    profile = os.path.join(folder, "profile")  # a private profile: never the user's, never shared
    subprocess.run([soffice, "-env:UserInstallation=file://" + profile, "--headless", "--norestore",
                    "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", folder, sheet],
                   check=True, timeout=180, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with open(os.path.join(folder, "bahttext.csv"), encoding="utf-8", newline="") as result:
        return [row[1] for row in csv.reader(result)]


def raingan_bahttext(values, *options):
    result = subprocess.run([RAINGAN, "format", "baht", *options, "--", *values], check=True, timeout=60,
                            stdout=subprocess.PIPE)
    return result.stdout.decode("utf-8").splitlines()


class BahtTextAgainstLibreOffice(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if not RAINGAN or not os.path.exists(RAINGAN):
            raise RuntimeError("RAINGAN must name the raingan CLI")
        os.makedirs(SCRATCH, exist_ok=True)
        cls.values = amounts()
        folder = tempfile.mkdtemp(prefix="bahttext-", dir=SCRATCH)
        cls.libreoffice = libreoffice_bahttext(cls.values, folder)
        cls.excel_style = raingan_bahttext(cls.values)
        cls.tens_only = raingan_bahttext(cls.values, "--et", "tens-only")

    def test_the_list_covers_the_cases(self):
        self.assertGreaterEqual(len(self.values), 150)
        self.assertEqual(len(self.libreoffice), len(self.values))
        self.assertEqual(len(self.excel_style), len(self.values))
        self.assertEqual(len(self.tens_only), len(self.values))
        self.assertGreater(sum(1 for v in self.values if rules_disagree(v)), 20)

    def test_tens_only_style_equals_libreoffice_everywhere(self):
        mismatches = ["%s: raingan %s, LibreOffice %s" % (v, ours, theirs)
                      for v, ours, theirs in zip(self.values, self.tens_only, self.libreoffice) if ours != theirs]
        self.assertEqual(mismatches, [])

    def test_default_style_differs_only_where_the_rules_differ(self):
        for value, ours, theirs in zip(self.values, self.excel_style, self.libreoffice):
            if rules_disagree(value):
                # The same words except that some หนึ่ง of LibreOffice's are เอ็ด in ours.
                self.assertEqual(re.split("หนึ่ง|เอ็ด", ours), re.split("หนึ่ง|เอ็ด", theirs), value)
                self.assertGreater(ours.count("เอ็ด"), theirs.count("เอ็ด"), value)
                self.assertEqual(ours.count("เอ็ด") - theirs.count("เอ็ด"), theirs.count("หนึ่ง") - ours.count("หนึ่ง"),
                                 value)
            else:
                self.assertEqual(ours, theirs, value)

    def test_documented_cases(self):
        by_value = dict(zip(self.values, self.excel_style))
        self.assertEqual(by_value["21"], "ยี่สิบเอ็ดบาทถ้วน")
        self.assertEqual(by_value["101"], "หนึ่งร้อยเอ็ดบาทถ้วน")
        self.assertEqual(by_value["101.25"], "หนึ่งร้อยเอ็ดบาทยี่สิบห้าสตางค์")
        self.assertEqual(by_value["0.50"], "ห้าสิบสตางค์")
        self.assertEqual(by_value["1000000"], "หนึ่งล้านบาทถ้วน")


if __name__ == "__main__":
    unittest.main(verbosity=2)
