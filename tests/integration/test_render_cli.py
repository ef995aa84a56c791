"""`raingan render` of the official documents: the work standards carry every row of their datasets, the memo
and the letter come out whole, and bad datasets or templates fail with every problem named and nothing
written. The README's example template is rendered too, so the documentation stays true."""
import json
import os
import re
import subprocess
import unittest

from cli_support import (SOURCE, copy_project_part, file_bytes, leftovers, no_space, page_count, pdftotext,
                         qpdf_check, run, scratch)


PAGE_NUMBER = re.compile(r"^-\s*[๐-๙]+\s*-$")
CONTINUATION_CUE = re.compile(r"^/\S.*\.\.\.$")


def dataset(name):
    with open(os.path.join(SOURCE, "datasets", name), encoding="utf-8") as handle:
        return json.load(handle)


def cell_texts(cell):
    """Every text of a work-standards cell, in reading order."""
    texts = []
    if "text" in cell:
        texts.append(cell["text"])

    def items(entries):
        for item in entries:
            texts.append(item["text"])
            items(item.get("items", []))
            texts.extend(item.get("bullets", []))

    items(cell.get("items", []))
    texts.extend(cell.get("bullets", []))
    if "note" in cell:
        texts.append(cell["note"])
    return texts


# Column edges of the work-standards table on an A4 page (left margin 3 cm, 16 cm wide, ที่ 1.3 cm, the rest
# halved), in points: the text of each column is read on its own so that a cell split across pages reads on.
COLUMNS = {"activity": (121.9, 330.2), "standard": (330.2, 538.6)}


def column_text(pdf, left, right):
    pages = page_count(pdf)
    lines = []
    for page in range(1, pages + 1):
        text = subprocess.run(["pdftotext", "-enc", "UTF-8", "-raw", "-f", str(page), "-l", str(page),
                               "-x", str(int(left) + 1), "-y", "0", "-W", str(int(right - left) - 2), "-H", "842",
                               pdf, "-"], stdout=subprocess.PIPE, check=True).stdout.decode("utf-8")
        for line in text.splitlines():
            # The repeated table header and the page number ("- ๑๒ -", or the part of it a column's edge cuts)
            # are not part of any cell.
            if line.strip() in ("กิจกรรม/วิธีปฏิบัติ", "มาตรฐานการปฏิบัติงาน") or re.fullmatch(r"-?\s*[๐-๙]*\s*-", line.strip()):
                continue
            lines.append(line)
    return no_space("\n".join(lines))


class WorkStandards(unittest.TestCase):
    def check_group(self, name):
        folder = scratch("ws")
        pdf = os.path.join(folder, name + ".pdf")
        status, out, err = run("render", "templates/work-standards.xml", "datasets/" + name + ".json", "-o", pdf)
        self.assertEqual(status, 0, err)
        status, output = qpdf_check(pdf)
        self.assertEqual(status, 0, output)
        data = dataset(name + ".json")
        everything = no_space(pdftotext(pdf))
        position = 0
        for topic in data["topics"]:
            found = everything.find(no_space("เรื่อง " + topic["title"]), position)
            self.assertGreaterEqual(found, 0, "topic heading missing: " + topic["title"])
            position = found
        # Every text of every row, in order, in its own column.
        for column, (left, right) in COLUMNS.items():
            text = column_text(pdf, left, right)
            position = 0
            for topic in data["topics"]:
                for row in topic["rows"]:
                    for piece in cell_texts(row.get(column, {})):
                        found = text.find(no_space(piece), position)
                        self.assertGreaterEqual(found, 0, column + " text missing or out of order: " + piece[:80])
                        position = found
        # The table header repeats on continuation pages.
        self.assertGreater(everything.count("กิจกรรม/วิธีปฏิบัติ"), len(data["topics"]))

    def test_policy_and_planning_group(self):
        self.check_group("work-standards-policy-planning")

    def test_administration_group(self):
        self.check_group("work-standards-administration")


class OfficialLetters(unittest.TestCase):
    def test_memo_and_letter(self):
        folder = scratch("letters")
        for template, data, must in (
                ("memo.xml", "memo-work-standards.json", ["บันทึกข้อความ", "ส่วนราชการ", "วันที่๒๐พฤศจิกายน๒๕๖๙"]),
                ("letter.xml", "letter-transport-data-request.json",
                 ["ที่ศธ๐๔๑๖๑/ว๒๔๕๖", "๖พฤศจิกายน๒๕๖๙", "สิ่งที่ส่งมาด้วย", "ขอแสดงความนับถือ", "(นายสมชายใจดี)", "สำเนาส่ง"])):
            pdf = os.path.join(folder, template.replace(".xml", ".pdf"))
            status, out, err = run("render", "templates/" + template, "datasets/" + data, "-o", pdf)
            self.assertEqual(status, 0, err)
            # Without the office's emblem the space stays and the build says so.
            self.assertIn("garuda.png", err)
            # The running text, without the page numbers and the continuation cues at the foot of each page but
            # the last ("/ข้อความ...", the first words of the next page).
            lines = [line.strip() for line in pdftotext(pdf).split("\n")]
            cues = [line for line in lines if CONTINUATION_CUE.match(line)]
            self.assertEqual(len(cues), page_count(pdf) - 1, cues)
            text = no_space("".join(line for line in lines
                                    if not CONTINUATION_CUE.match(line) and not PAGE_NUMBER.match(line)))
            for piece in must:
                self.assertIn(piece, text)
            for paragraph in dataset(data)["paragraphs"]:
                self.assertIn(no_space(paragraph), text)


class Formatters(unittest.TestCase):
    def test_format_command(self):
        for arguments, expected in ((("baht", "101.25"), "หนึ่งร้อยเอ็ดบาทยี่สิบห้าสตางค์"),
                                    (("date", "2026-11-22"), "๒๒ พฤศจิกายน ๒๕๖๙"),
                                    (("digits", "2569"), "๒๕๖๙")):
            status, out, err = run("format", *arguments)
            self.assertEqual(status, 0, err)
            self.assertEqual(out.strip(), expected)


class ReadmeExample(unittest.TestCase):
    def test_the_documented_example_renders_as_documented(self):
        with open(os.path.join(SOURCE, "templates", "README.md"), encoding="utf-8") as handle:
            readme = handle.read()
        data = re.search(r"Dataset `datasets/example.json`:\n\n```json\n(.*?)```", readme, re.S).group(1)
        template = re.search(r"Template `templates/example.xml`:\n\n```xml\n(.*?)```", readme, re.S).group(1)
        folder = scratch("readme")
        copy_project_part(folder, "fonts")
        os.makedirs(os.path.join(folder, "templates"))
        os.makedirs(os.path.join(folder, "datasets", "schemas"))
        with open(os.path.join(folder, "datasets", "example.json"), "w", encoding="utf-8") as handle:
            handle.write(data)
        with open(os.path.join(folder, "datasets", "schemas", "example.schema.json"), "w", encoding="utf-8") as h:
            json.dump({"type": "object", "additionalProperties": True}, h)
        with open(os.path.join(folder, "templates", "example.xml"), "w", encoding="utf-8") as handle:
            handle.write(template)
        pdf = os.path.join(folder, "example.pdf")
        status, out, err = run("render", "templates/example.xml", "datasets/example.json", "-o", pdf, cwd=folder)
        self.assertEqual(status, 0, err)
        promised = re.search(r"The paragraph prints \"(.*?)\"\.", readme, re.S).group(1).strip("…")
        self.assertIn(no_space(promised), no_space(pdftotext(pdf)))
        self.assertIn("หน้า๑จาก๑", no_space(pdftotext(pdf)))

    def test_the_documented_diagrams_render_every_box(self):
        with open(os.path.join(SOURCE, "templates", "README.md"), encoding="utf-8") as handle:
            readme = handle.read()
        data = re.search(r"Dataset `datasets/diagrams-example.json`:\n\n```json\n(.*?)```", readme, re.S).group(1)
        template = re.search(r"Template `templates/diagrams-example.xml`:\n\n```xml\n(.*?)```", readme,
                             re.S).group(1)
        folder = scratch("readme-diagrams")
        copy_project_part(folder, "fonts")
        os.makedirs(os.path.join(folder, "templates"))
        os.makedirs(os.path.join(folder, "datasets", "schemas"))
        with open(os.path.join(folder, "datasets", "diagrams-example.json"), "w", encoding="utf-8") as handle:
            handle.write(data)
        with open(os.path.join(folder, "datasets", "schemas", "diagrams-example.schema.json"), "w",
                  encoding="utf-8") as handle:
            json.dump({"type": "object", "additionalProperties": True}, handle)
        with open(os.path.join(folder, "templates", "diagrams-example.xml"), "w", encoding="utf-8") as handle:
            handle.write(template)
        pdf = os.path.join(folder, "diagrams.pdf")
        status, out, err = run("render", "templates/diagrams-example.xml", "datasets/diagrams-example.json", "-o",
                               pdf, cwd=folder)
        self.assertEqual(status, 0, err)
        text = no_space(pdftotext(pdf))
        example = json.loads(data)

        def units(unit):
            yield unit["name"]
            yield unit.get("position", "")
            for child in unit.get("children", []):
                yield from units(child)

        for words in list(units(example["structure"])) + [step["text"] for step in example["procedure"]["steps"]]:
            self.assertIn(no_space(words), text)
        # The table form's columns: its headings and a step's responsible person.
        for words in ("ผังกระบวนการ", "รายละเอียดงาน", "ผู้รับผิดชอบ", "เจ้าหน้าที่ธุรการ"):
            self.assertIn(words, text)


class BadInput(unittest.TestCase):
    def setUp(self):
        self.folder = scratch("render-bad")
        copy_project_part(self.folder, "fonts", "templates/memo.xml", "templates/terms.txt",
                          "datasets/schemas/memo.schema.json")
        self.output = os.path.join(self.folder, "memo.pdf")
        self.memo = dataset("memo-work-standards.json")

    def write(self, name, content):
        path = os.path.join(self.folder, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(content if isinstance(content, str) else json.dumps(content, ensure_ascii=False))
        return path

    def render(self, template="templates/memo.xml", data="datasets/memo.json"):
        return run("render", template, data, "-o", self.output, cwd=self.folder)

    def test_every_problem_of_a_dataset_in_one_run_and_nothing_written(self):
        # A good render first: the failed ones below must leave it byte-identical.
        self.write("datasets/memo.json", self.memo)
        self.assertEqual(self.render()[0], 0)
        before = file_bytes(self.output)
        bad = dict(self.memo)
        bad["paragraphs"] = "ไม่ใช่รายการ"      # a type error
        del bad["subject"]                    # a missing required field
        bad["attachment"] = "ไฟล์แนบ"           # an unknown field
        self.write("datasets/memo.json", bad)
        status, out, err = self.render()
        self.assertEqual(status, 1)
        self.assertRegex(err, r"memo\.json: paragraphs: expected an array")
        self.assertRegex(err, r"memo\.json: subject: .*(required|missing)")
        self.assertRegex(err, r"memo\.json: attachment: .*unknown")
        self.assertEqual(file_bytes(self.output), before)
        self.assertEqual(leftovers(self.folder), [])

    def test_a_template_syntax_error_names_file_and_line(self):
        self.write("datasets/memo.json", self.memo)
        broken = "<document>\n  <p>หนึ่ง</p>\n  <table columns=\"1fr\">\n    <row><cell>ก</cell></row>\n  </tabel>\n</document>\n"
        self.write("templates/broken.xml", broken)
        status, out, err = self.render("templates/broken.xml")
        self.assertEqual(status, 1)
        self.assertIn("broken.xml: line 5: expected </table> to close the element opened on line 3, found </tabel>", err)
        self.assertFalse(os.path.exists(self.output))

    def test_a_binding_to_a_missing_field_is_an_error_not_an_empty_string(self):
        self.write("datasets/memo.json", self.memo)
        template = "<document>\n<p>{{ department }}</p>\n<p>{{ signer.telephone }}</p>\n</document>\n"
        self.write("templates/missing.xml", template)
        status, out, err = self.render("templates/missing.xml")
        self.assertEqual(status, 1)
        self.assertIn("missing.xml: line 3:", err)
        self.assertIn("signer has no field 'telephone'", err)
        self.assertFalse(os.path.exists(self.output))

    def test_a_template_for_another_kind_of_dataset(self):
        self.write("datasets/memo.json", self.memo)
        copy_project_part(self.folder, "templates/letter.xml", "templates/terms.txt")
        status, out, err = self.render("templates/letter.xml")
        self.assertEqual(status, 1)
        self.assertIn("for datasets of kind \"letter\"", err)


if __name__ == "__main__":
    unittest.main()
