"""Spreadsheet intake through `raingan serve`, over real HTTP on loopback: an XLSX or CSV posted to
/api/import/{kind} answers the dataset `raingan import` makes, or 422 with each problem at its sheet and cell and
at its JSON path; the import sheet of a kind is downloaded and imports back; unknown kinds, oversize bodies and
empty bodies are refused with JSON."""
import decimal
import io
import json
import os
import sys
import unittest
import uuid
import zipfile

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import test_import_cli as cli_import  # noqa: E402  (its XLSX writer and student rows; no test runs from here)
from cli_support import SOURCE, run, scratch  # noqa: E402
from serve_support import Server, project_copy  # noqa: E402

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SAMPLE_NAME = "transport-allowance-2569-2"
SAMPLE_SHEET = os.path.join(SOURCE, "datasets", "spreadsheets", SAMPLE_NAME + ".xlsx")
SAMPLE_DATASET = os.path.join(SOURCE, "datasets", SAMPLE_NAME + ".json")


def exact(data):
    """JSON text or bytes as a value with exact decimals (324000.0 equals 324000)."""
    if isinstance(data, bytes):
        data = data.decode("utf-8")
    return json.loads(data, parse_float=decimal.Decimal, parse_int=decimal.Decimal)


def read_bytes(path):
    with open(path, "rb") as source:
        return source.read()


def multipart(filename, content, field="file"):
    """A multipart/form-data body with one file, as a browser's FormData sends it."""
    boundary = uuid.uuid4().hex
    head = (f'--{boundary}\r\nContent-Disposition: form-data; name="{field}"; filename="{filename}"\r\n'
            "Content-Type: application/octet-stream\r\n\r\n").encode("utf-8")
    body = head + content + f"\r\n--{boundary}--\r\n".encode("ascii")
    return body, {"Content-Type": f"multipart/form-data; boundary={boundary}"}


class ServeImport(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.root = project_copy("serve-import")
        cls.server = Server(cls.root, "--max-body-mb", "2")
        cls.folder = scratch("serve-import-files")

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def path(self, name):
        return os.path.join(self.folder, name)

    def post_file(self, kind, content, content_type=XLSX):
        return self.server.post(f"/api/import/{kind}", content, headers={"Content-Type": content_type})

    def assert_json_refusal(self, answer, status):
        self.assertEqual(answer.status, status, answer)
        self.assertIn("application/json", answer.header("Content-Type"))
        self.assertTrue(answer.json()["message"])

    def test_the_shipped_sample_sheet_answers_the_dataset_raingan_import_makes(self):
        self.assertLess(os.path.getsize(SAMPLE_SHEET), 2 << 20)
        status, out, err = run("import", SAMPLE_SHEET, "--kind", "transport-allowance", "-o", self.path("cli.json"))
        self.assertEqual(status, 0, err)
        with open(self.path("cli.json"), encoding="utf-8") as source:
            from_cli = exact(source.read())
        with open(SAMPLE_DATASET, encoding="utf-8") as source:
            self.assertEqual(from_cli, exact(source.read()))

        answer = self.post_file("transport-allowance", read_bytes(SAMPLE_SHEET))
        self.assertEqual(answer.status, 200, answer)
        self.assertIn("application/json", answer.header("Content-Type"))
        self.assertEqual(exact(answer.body), from_cli)
        # The same file as a browser's form sends it, and as a body typed only by its first bytes.
        body, headers = multipart("ค่าพาหนะ.xlsx", read_bytes(SAMPLE_SHEET))
        answer = self.server.post("/api/import/transport-allowance", body, headers=headers)
        self.assertEqual(answer.status, 200, answer)
        self.assertEqual(exact(answer.body), from_cli)
        answer = self.post_file("transport-allowance", read_bytes(SAMPLE_SHEET), "application/octet-stream")
        self.assertEqual(answer.status, 200, answer)

    def test_a_bad_cell_is_named_by_sheet_and_cell_and_by_json_path(self):
        rows = [list(row) for row in cli_import.STUDENT_ROWS]
        rows[3][5] = "ไกล"
        workbook = self.path("bad.xlsx")
        cli_import.write_xlsx(workbook, [("นักเรียน", rows)])
        answer = self.post_file("transport-allowance", read_bytes(workbook))
        self.assertEqual(answer.status, 422, answer)
        reply = answer.json()
        self.assertTrue(reply["message"])
        self.assertIn({"location": "นักเรียน!F4", "path": "students[0].distance_km",
                       "message": 'expected a number >= 0 and <= 500, found "ไกล"'}, reply["problems"])
        # Every problem is the one `raingan import` reports, in the same order.
        status, out, err = run("import", workbook, "--kind", "transport-allowance", "-o", self.path("bad.json"))
        self.assertEqual(status, 1)
        cli_lines = [line.split(": ", 1)[1] for line in err.splitlines() if line.startswith(workbook + ": ")
                     and ": note: " not in line]
        served = [(f"{p['location']}: " if p["location"] else "") + p["message"] for p in reply["problems"]]
        self.assertEqual(served, cli_lines)
        # What could be read comes back for the form: the student without the distance the cell did not give.
        self.assertEqual(reply["dataset"]["students"][0]["id"], "S900001")
        self.assertNotIn("distance_km", reply["dataset"]["students"][0])
        self.assertEqual(reply["dataset"]["students"][1]["distance_km"], 12.5)

    def test_a_csv_from_a_form_names_its_sheet_after_the_file(self):
        text = ("เลขประจำตัวนักเรียน,รหัสโรงเรียน,รหัสโรงเรียนเดิม,ชั้น,ระยะทาง (กม.)\r\n"
                "S1,65020001,65025001,ป.1,-3\r\n")
        body, headers = multipart("นักเรียน.csv", text.encode("utf-8"))
        answer = self.server.post("/api/import/transport-allowance", body, headers=headers)
        self.assertEqual(answer.status, 422, answer)
        problems = answer.json()["problems"]
        self.assertIn({"location": "นักเรียน!E2", "path": "students[0].distance_km",
                       "message": "expected a number >= 0, found -3"}, problems)
        answer = self.post_file("transport-allowance", text.encode("cp874"), "text/csv")
        self.assertEqual(answer.status, 422, answer)
        self.assertTrue(any(note.startswith("read as Windows-874 (TIS-620)") for note in answer.json()["notes"]),
                        answer)

    def test_names_only_from_the_known_lists(self):
        for path in ["/api/import/nothing", "/api/import/..%2F..%2Fetc%2Fpasswd", "/api/import/transport-allowance.schema",
                     "/api/import/memo"]:
            with self.subTest(path=path):
                answer = self.server.post(path, b"a,b\r\n1,2\r\n", headers={"Content-Type": "text/csv"})
                self.assert_json_refusal(answer, 404)
        for path in ["/api/kinds/nothing/import-sheet", "/api/kinds/..%2Fschemas%2Fmemo/import-sheet",
                     "/api/kinds/memo/import-sheet", "/api/kinds/transport-allowance/import-sheet?from=..%2Fmanifest",
                     "/api/kinds/transport-allowance/import-sheet?from=memo-work-standards"]:
            with self.subTest(path=path):
                self.assert_json_refusal(self.server.get(path), 404)

    def test_empty_and_oversize_bodies_are_refused_with_json(self):
        self.assert_json_refusal(self.post_file("transport-allowance", b""), 400)
        body, headers = multipart("x.xlsx", b"", field="other")
        self.assert_json_refusal(self.server.post("/api/import/transport-allowance", body, headers=headers), 400)
        big = b"PK\x03\x04" + b"\0" * (3 << 20)
        answer = self.post_file("transport-allowance", big)
        self.assert_json_refusal(answer, 413)
        self.assertIn("2 MB", answer.json()["message"])
        # Not a workbook at all, and an Excel 97-2003 file: problems, not a failure.
        self.assertEqual(self.post_file("transport-allowance", b"PK\x03\x04 not a zip").status, 422)
        answer = self.post_file("transport-allowance", b"\xD0\xCF\x11\xE0" + b"\0" * 100, "application/vnd.ms-excel")
        self.assertEqual(answer.status, 422, answer)
        self.assertIn("save it as .xlsx", answer.json()["problems"][0]["message"])
        self.assertEqual(self.post_file("transport-allowance", read_bytes(SAMPLE_SHEET)).status, 200)

    def test_a_zip_bomb_is_a_problem_and_the_server_stays_small(self):
        workbook = self.path("bomb.xlsx")
        cli_import.write_xlsx(workbook, [("นักเรียน", [["เลขประจำตัวนักเรียน"]])])
        with zipfile.ZipFile(workbook, "a", zipfile.ZIP_DEFLATED) as package:
            package.writestr("xl/worksheets/sheet2.xml", " " * (300 << 20))  # 300 MB of spaces, 300 KB packed
        with zipfile.ZipFile(workbook) as package:
            names = package.namelist()
        with open(workbook, "rb") as source:
            packed = source.read()
        self.assertLess(len(packed), 2 << 20)
        # The member is read only when a sheet points to it: point the first sheet at it.
        rels = "xl/_rels/workbook.xml.rels"
        patched = self.path("bomb2.xlsx")
        with zipfile.ZipFile(workbook) as source, zipfile.ZipFile(patched, "w", zipfile.ZIP_DEFLATED) as target:
            for name in names:
                data = source.read(name)
                if name == rels:
                    data = data.replace(b"worksheets/sheet1.xml", b"worksheets/sheet2.xml")
                target.writestr(name, data)
        answer = self.post_file("transport-allowance", read_bytes(patched))
        self.assertEqual(answer.status, 422, answer)
        self.assertIn("zip bomb", answer.json()["problems"][0]["message"])
        self.assertLess(self.server.peak_rss_kb(), 200 << 10)

    def test_the_import_sheet_is_downloaded_and_imports_back(self):
        answer = self.server.get("/api/kinds/transport-allowance/import-sheet")
        self.assertEqual(answer.status, 200, answer)
        self.assertEqual(answer.header("Content-Type"), XLSX)
        self.assertIn('filename="transport-allowance.xlsx"', answer.header("Content-Disposition"))
        with zipfile.ZipFile(io.BytesIO(answer.body)) as package:
            workbook = package.read("xl/workbook.xml").decode("utf-8")
            strings = "".join(package.read(name).decode("utf-8") for name in package.namelist()
                              if name.startswith("xl/worksheets/"))
        for sheet in ["ข้อมูลทั่วไป", "อัตราค่าพาหนะ", "โรงเรียนหลัก", "โรงเรียนมารวม"]:
            self.assertIn(f'name="{sheet}"', workbook)
        for title in ["รหัสโรงเรียน", "ชื่อโรงเรียน", "ปีการศึกษา", "วงเงินที่ได้รับจัดสรร (บาท)"]:
            self.assertIn(f">{title}<", strings)
        # The empty sheet imports back: nothing but what is still to be filled in.
        back = self.post_file("transport-allowance", answer.body)
        self.assertEqual(back.status, 422, back)
        for problem in back.json()["problems"]:
            self.assertRegex(problem["message"], r"^expected (a value|a row titled|at least \d+ rows?)", problem)
            self.assertTrue(problem["path"], problem)  # each at the field the form shows
        self.assertIn({"location": "ข้อมูลทั่วไป!B14", "path": "academic_year",
                       "message": 'expected a value for "ปีการศึกษา", found an empty cell'}, back.json()["problems"])
        self.assertEqual(back.json()["dataset"]["kind"], "transport-allowance")

        # Filled from a dataset of the project, it imports back as that dataset.
        filled = self.server.get(f"/api/kinds/transport-allowance/import-sheet?from={SAMPLE_NAME}")
        self.assertEqual(filled.status, 200, filled)
        self.assertIn(f'filename="{SAMPLE_NAME}.xlsx"', filled.header("Content-Disposition"))
        back = self.post_file("transport-allowance", filled.body)
        self.assertEqual(back.status, 200, back)
        with open(SAMPLE_DATASET, encoding="utf-8") as source:
            self.assertEqual(exact(back.body), exact(source.read()))

    def test_every_importable_kind_has_a_sheet_that_imports_back(self):
        kinds = [k["kind"] for k in self.server.get("/api/kinds").json()]
        served = 0
        for kind in kinds:
            answer = self.server.get(f"/api/kinds/{kind}/import-sheet")
            if answer.status == 404:
                continue
            with self.subTest(kind=kind):
                self.assertEqual(answer.status, 200, answer)
                back = self.post_file(kind, answer.body)
                self.assertIn(back.status, (200, 422), back)
                if back.status == 422:
                    self.assertEqual(back.json()["dataset"]["kind"], kind)
                    for problem in back.json()["problems"]:
                        self.assertRegex(problem["message"], r"^expected (a value|a row titled|at least \d+ rows?)",
                                         problem)
                served += 1
        self.assertEqual(served, 6)


if __name__ == "__main__":
    unittest.main()
