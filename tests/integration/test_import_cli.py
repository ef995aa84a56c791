"""`raingan import` as an office runs it: a spreadsheet (XLSX from Excel or LibreOffice, CSV in UTF-8 or the Thai
Windows code page) becomes a dataset that validates and renders; a bad cell is reported as `sheet!cell: expected …,
found …` and nothing is written; the import sheet of every kind with records, filled from its shipped dataset,
imports back as that dataset. Standard library only (XLSX files are written here with zipfile)."""
import decimal
import glob
import json
import os
import sys
import unittest
import zipfile
from xml.sax.saxutils import escape

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import xlsx_check  # noqa: E402
from cli_support import SOURCE, file_bytes, leftovers, pdftotext, run, scratch  # noqa: E402

SAMPLE = os.path.join(SOURCE, "datasets", "transport-allowance-2569-2.json")
SCHEMAS = os.path.join(SOURCE, "datasets", "schemas")


def load(path):
    """A dataset with its numbers as exact decimals (324000.0 equals 324000, 0.1 is 0.1)."""
    with open(path, encoding="utf-8") as source:
        return json.load(source, parse_float=decimal.Decimal, parse_int=decimal.Decimal)


def column(index):
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(ord("A") + rest) + name
    return name


def write_xlsx(path, sheets, date1904=False):
    """A minimal XLSX as Excel lays it out: sheets = [(name, rows)], a cell is a str (inline string), a number,
    ("date", serial) for a date-styled number, ("number", text) for a number stored as that text, or None."""
    main = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    package = "http://schemas.openxmlformats.org/package/2006/relationships"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        z.writestr("_rels/.rels", f'<?xml version="1.0"?><Relationships xmlns="{package}"><Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        entries, links = [], []
        for number, (name, rows) in enumerate(sheets, 1):
            entries.append(f'<sheet name="{escape(name)}" sheetId="{number}" r:id="rId{number}"/>')
            links.append(f'<Relationship Id="rId{number}" Type="{rel}/worksheet" Target="worksheets/sheet{number}.xml"/>')
            xml = []
            for r, row in enumerate(rows, 1):
                cells = []
                for c, value in enumerate(row):
                    ref = f"{column(c)}{r}"
                    if value is None:
                        continue
                    if isinstance(value, tuple):
                        style = ' s="1"' if value[0] == "date" else ""
                        cells.append(f'<c r="{ref}"{style}><v>{value[1]}</v></c>')
                    elif isinstance(value, str):
                        cells.append(f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{escape(value)}</t></is></c>')
                    else:
                        cells.append(f'<c r="{ref}"><v>{value}</v></c>')
                xml.append(f'<row r="{r}">{"".join(cells)}</row>')
            z.writestr(f"xl/worksheets/sheet{number}.xml", f'<?xml version="1.0"?><worksheet {main}><sheetData>{"".join(xml)}</sheetData></worksheet>')
        links.append(f'<Relationship Id="rIdS" Type="{rel}/styles" Target="styles.xml"/>')
        z.writestr("xl/styles.xml", f'<?xml version="1.0"?><styleSheet {main}><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>')
        system = ' date1904="1"' if date1904 else ""
        z.writestr("xl/workbook.xml", f'<?xml version="1.0"?><workbook {main} xmlns:r="{rel}"><workbookPr{system}/><sheets>{"".join(entries)}</sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", f'<?xml version="1.0"?><Relationships xmlns="{package}">{"".join(links)}</Relationships>')


# A DMC-style student list: a title and a blank row above the header, titles as the export writes them, Thai
# digits, a distance typed with a thousands separator, levels written with a Thai digit or in full.
STUDENT_ROWS = [
    ["รายชื่อนักเรียนที่มีสิทธิ์ได้รับค่าพาหนะ ภาคเรียนที่ ๒ ปีการศึกษา ๒๕๖๙"],
    [],
    ["ที่", "เลขประจำตัวนักเรียน", "รหัสโรงเรียน", "รหัสโรงเรียนเดิม", "ชั้น", "ระยะทางจากบ้านถึงโรงเรียน\n(กม.)", "ชื่อ", "นามสกุล"],
    [1, "S900001", "65020001", "65025001", "ป.๒", ("number", "2.6200000000000001"), "เด็กชายสมปอง", "ใจดี"],
    [2, "S900002", "65020001", "65025002", "อนุบาลปีที่ ๓", "๑๒.๕", "เด็กหญิงมาลี", "รักเรียน"],
    [3, "S900003", "65020002", "65025004", "ม.1", "1,002", "เด็กชายก้อง", "ไกลบ้าน"],
]


class ImportCli(unittest.TestCase):
    def setUp(self):
        self.folder = scratch("import")

    def path(self, name):
        return os.path.join(self.folder, name)

    def test_every_kind_with_records_round_trips_through_its_import_sheet(self):
        kinds = []
        for schema in sorted(glob.glob(os.path.join(SCHEMAS, "*.schema.json"))):
            with open(schema, encoding="utf-8") as source:
                if '"x-sheet"' in source.read():
                    kinds.append(os.path.basename(schema)[: -len(".schema.json")])
        self.assertEqual(len(kinds), 6, kinds)
        tried = 0
        for dataset in sorted(glob.glob(os.path.join(SOURCE, "datasets", "*.json"))):
            kind = load(dataset).get("kind")
            if kind not in kinds:
                continue
            with self.subTest(dataset=os.path.basename(dataset)):
                sheet, back = self.path(kind + ".xlsx"), self.path(kind + ".json")
                status, out, err = run("import", "--sheet-for", kind, "--from", dataset, "-o", sheet)
                self.assertEqual(status, 0, err)
                status, out, err = run("import", sheet, "--kind", kind, "-o", back)
                self.assertEqual(status, 0, err)
                self.assertEqual(err, "")
                self.assertEqual(load(back), load(dataset))
                tried += 1
        self.assertGreaterEqual(tried, 6)

    def test_a_student_workbook_imports_to_a_dataset_that_validates_and_renders(self):
        workbook, dataset, notice = self.path("students.xlsx"), self.path("students.json"), self.path("notice.pdf")
        write_xlsx(workbook, [("รายชื่อนักเรียน", STUDENT_ROWS)])
        # What the validator finds is said at the cell too: 1,002 km is over the schema's 500.
        status, out, err = run("import", workbook, "--kind", "transport-allowance", "--base", SAMPLE, "-o", dataset)
        self.assertEqual(status, 1)
        self.assertEqual(err, f"{workbook}: รายชื่อนักเรียน!F6: expected a number <= 500, found 1002\n"
                              "1 problem; nothing was written\n")
        self.assertFalse(os.path.exists(dataset))

        rows = [list(row) for row in STUDENT_ROWS]
        rows[5][5] = "10.2"
        write_xlsx(workbook, [("รายชื่อนักเรียน", rows)])
        status, out, err = run("import", workbook, "--kind", "transport-allowance", "--base", SAMPLE, "-o", dataset,
                               "--set", "วันที่จัดสรร=๒๕ พ.ย. ๒๕๖๙")
        self.assertEqual(status, 0, err)
        self.assertIn("3 students", out)
        imported = load(dataset)
        self.assertEqual(imported["date"], "2026-11-25")
        self.assertEqual([s["id"] for s in imported["students"]], ["S900001", "S900002", "S900003"])
        self.assertEqual([s["level"] for s in imported["students"]], ["ป.2", "อ.3", "ม.1"])
        self.assertEqual([s["distance_km"] for s in imported["students"]],
                         [decimal.Decimal("2.62"), decimal.Decimal("12.5"), decimal.Decimal("10.2")])
        self.assertEqual(imported["schools"], load(SAMPLE)["schools"])  # from the base
        status, out, err = run("validate", dataset)
        self.assertEqual(status, 0, err)
        status, out, err = run("render", os.path.join(SOURCE, "templates", "transport-allocation-notice.xml"), dataset,
                               "-o", notice)
        self.assertEqual(status, 0, err)
        self.assertIn("ค่าพาหนะ", pdftotext(notice))

    def test_bad_cells_are_reported_at_their_sheet_and_cell_and_nothing_is_written(self):
        workbook, dataset = self.path("bad.xlsx"), self.path("bad.json")
        with open(dataset, "w", encoding="utf-8") as previous:
            previous.write('{"kind": "transport-allowance"}\n')
        before = file_bytes(dataset)
        rows = [list(row) for row in STUDENT_ROWS]
        rows[3][5] = "ไกล"
        rows[4][4] = "ป.7"
        rows[5][5] = -1.5
        rows[5][3] = "65029999"
        write_xlsx(workbook, [("นักเรียน", rows)])
        status, out, err = run("import", workbook, "--kind", "transport-allowance", "--base", SAMPLE, "-o", dataset)
        self.assertEqual(status, 1)
        lines = err.splitlines()
        self.assertIn(f'{workbook}: นักเรียน!F4: expected a number >= 0 and <= 500, found "ไกล"', lines)
        self.assertIn(f'{workbook}: นักเรียน!E5: expected one of อ.1, อ.2, อ.3, ป.1, ป.2, ป.3, ป.4, ป.5, ป.6, ม.1, ม.2, ม.3, '
                      'found "ป.7"', lines)
        self.assertIn(f"{workbook}: นักเรียน!F6: expected a number >= 0, found -1.5", lines)
        self.assertTrue(any(line.startswith(f"{workbook}: นักเรียน!D6: expected a value found at "
                                            'schools[code="65020002"].merged[*].code, found "65029999"') for line in lines), err)
        self.assertEqual(lines[-1], "4 problems; nothing was written")
        self.assertEqual(file_bytes(dataset), before)
        self.assertEqual(leftovers(self.folder), [])

    def test_a_csv_in_the_thai_windows_code_page_with_semicolons(self):
        csv, dataset = self.path("นักเรียน.csv"), self.path("csv.json")
        text = "เลขประจำตัวนักเรียน;รหัสโรงเรียน;รหัสโรงเรียนเดิม;ชั้น;ระยะทาง (กม.)\r\n" \
               'S1;65020001;65025001;ป.๑;"3,5"\r\nS2;65020001;65025001;ป.1;4.25\r\n'
        with open(csv, "wb") as target:
            target.write(text.encode("cp874"))
        status, out, err = run("import", csv, "--kind", "transport-allowance", "--base", SAMPLE, "-o", dataset)
        self.assertEqual(status, 1)
        self.assertIn("note: read as Windows-874 (TIS-620): the file is not UTF-8", err)
        self.assertIn("note: fields are separated by ';'", err)
        self.assertIn(f'{csv}: นักเรียน!E2: expected a number >= 0 and <= 500, found "3,5"', err)
        with open(csv, "wb") as target:
            target.write(text.replace('"3,5"', "3.5").encode("cp874"))
        status, out, err = run("import", csv, "--kind", "transport-allowance", "--base", SAMPLE, "-o", dataset)
        self.assertEqual(status, 0, err)
        students = load(dataset)["students"]
        self.assertEqual([(s["id"], s["level"], s["distance_km"]) for s in students],
                         [("S1", "ป.1", decimal.Decimal("3.5")), ("S2", "ป.1", decimal.Decimal("4.25"))])

    def test_a_workbook_saved_by_libreoffice_imports_too(self):
        sheet, saved, dataset = self.path("sample.xlsx"), self.path("libreoffice.xlsx"), self.path("lo.json")
        status, out, err = run("import", "--sheet-for", "transport-allowance", "--from", SAMPLE, "-o", sheet)
        self.assertEqual(status, 0, err)
        xlsx_check.convert(sheet, saved, "xlsx")
        self.assertNotEqual(file_bytes(saved), file_bytes(sheet))
        status, out, err = run("import", saved, "--kind", "transport-allowance", "-o", dataset)
        self.assertEqual(status, 0, err)
        self.assertEqual(load(dataset), load(SAMPLE))

    def test_dates_in_the_1904_system_and_date_styled_serials(self):
        workbook, dataset = self.path("dates.xlsx"), self.path("dates.json")
        values = [["รายการ", "ข้อมูล"], ["วันที่จัดสรร", ("date", 44884)]]  # 2026-11-20 counted from 1904
        write_xlsx(workbook, [("ข้อมูลทั่วไป", values)], date1904=True)
        status, out, err = run("import", workbook, "--kind", "transport-allowance", "--base", SAMPLE, "-o", dataset)
        self.assertEqual(status, 0, err)
        self.assertEqual(load(dataset)["date"], "2026-11-20")

    def test_the_empty_import_sheet_says_what_it_needs(self):
        sheet, dataset = self.path("empty.xlsx"), self.path("empty.json")
        status, out, err = run("import", "--sheet-for", "transport-allowance", "-o", sheet)
        self.assertEqual(status, 0, err)
        status, out, err = run("import", sheet, "--kind", "transport-allowance", "-o", dataset)
        self.assertEqual(status, 1)
        self.assertIn(f'{sheet}: ข้อมูลทั่วไป!B2: expected a value for "ชื่อสำนักงาน", found an empty cell', err)
        self.assertFalse(os.path.exists(dataset))

    def test_what_cannot_be_imported_is_refused_clearly(self):
        damaged, dataset = self.path("damaged.xlsx"), self.path("d.json")
        write_xlsx(damaged, [("นักเรียน", STUDENT_ROWS)])
        with open(damaged, "rb") as source:
            half = source.read()[:300]
        with open(damaged, "wb") as target:
            target.write(half)
        status, out, err = run("import", damaged, "--kind", "transport-allowance", "-o", dataset)
        self.assertEqual(status, 1)
        self.assertIn(f"{damaged}: expected an XLSX workbook (a zip package), found something else", err)
        status, out, err = run("import", damaged, "--kind", "memo", "-o", dataset)
        self.assertEqual(status, 1)
        self.assertIn("the kind says no sheet to import from", err)
        status, out, err = run("import", damaged, "--kind", "no-such-kind", "-o", dataset)
        self.assertEqual(status, 2)
        self.assertIn('no schema for the kind "no-such-kind"', err)
        status, out, err = run("import", damaged, "-o", dataset)
        self.assertEqual(status, 2)
        self.assertIn("import needs --kind KIND", err)
        status, out, err = run("import", self.folder, "--kind", "transport-allowance", "-o", dataset)
        self.assertEqual(status, 1)
        self.assertIn("expected a regular file, found a folder or a device", err)


if __name__ == "__main__":
    unittest.main()
