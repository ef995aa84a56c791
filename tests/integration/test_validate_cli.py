"""`raingan validate` and `raingan format` as a clerk runs them: exit status, the OK line per good dataset on
stdout, and every problem on stderr as `file: json.path: expected …, found …`."""
import json
import os
import subprocess
import sys
import tempfile
import unittest

sys.dont_write_bytecode = True

RAINGAN = os.environ.get("RAINGAN", "")
SCRATCH = os.environ.get("RAINGAN_TEST_TMP", tempfile.gettempdir())

SCHOOLS_SCHEMA = {
    "title": "schools",
    "type": "object",
    "additionalProperties": False,
    "required": ["kind", "schools"],
    "properties": {
        "kind": {"const": "schools"},
        "ceiling": {"type": "number", "x-money": True, "minimum": 0},
        "schools": {
            "type": "array",
            "x-unique": "code",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["code", "name", "students"],
                "properties": {
                    "code": {"type": "string", "pattern": "^[0-9]{4}$"},
                    "name": {"type": "string", "minLength": 1},
                    "students": {"type": "integer", "minimum": 0},
                    "host": {"type": "string", "x-references": "schools[*].code"},
                    "opened": {"type": "string", "format": "date"},
                },
            },
        },
    },
}

GOOD = {"kind": "schools", "ceiling": 1250000.00, "schools": [
    {"code": "1001", "name": "โรงเรียนบ้านหนองบัว", "students": 120, "opened": "2024-02-29"},
    {"code": "1002", "name": "โรงเรียนบ้านโคก", "students": 35, "host": "1001"}]}


def run(*arguments, cwd=None):
    result = subprocess.run([RAINGAN, *arguments], cwd=cwd, timeout=60, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    return result.returncode, result.stdout.decode("utf-8"), result.stderr.decode("utf-8")


def write(path, content):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as out:
        out.write(content if isinstance(content, str) else json.dumps(content, ensure_ascii=False, indent=2))
    return path


class Validate(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if not RAINGAN or not os.path.exists(RAINGAN):
            raise RuntimeError("RAINGAN must name the raingan CLI")
        os.makedirs(SCRATCH, exist_ok=True)
        cls.folder = tempfile.mkdtemp(prefix="validate-", dir=SCRATCH)
        write(os.path.join(cls.folder, "schemas", "schools.schema.json"), SCHOOLS_SCHEMA)
        write(os.path.join(cls.folder, "schemas", "memo.schema.json"), {"type": "object", "additionalProperties": True})

    def dataset(self, name, content):
        return write(os.path.join(self.folder, name), content)

    def test_good_dataset_prints_ok_and_exits_0(self):
        path = self.dataset("good.json", GOOD)
        status, out, err = run("validate", path, cwd=self.folder)
        self.assertEqual(status, 0, err)
        self.assertEqual(out, path + ": OK (schools; 2 schools)\n")
        self.assertEqual(err, "")

    def test_every_problem_is_reported_with_its_path(self):
        bad = {"kind": "schools", "ceiling": 1.005, "schools": [
            {"code": "1001", "name": "ก", "students": 1},
            {"code": "1002", "students": "สิบ", "colour": "red", "host": "9999", "opened": "2026-02-29"},
            {"code": "1001", "name": "ค", "students": -1}]}
        path = self.dataset("bad.json", bad)
        status, out, err = run("validate", path, cwd=self.folder)
        self.assertEqual(status, 1)
        self.assertEqual(out, "")
        lines = err.splitlines()
        expected = [
            path + ': ceiling: expected an amount in baht with at most two decimals (satang), found "1.005"',
            path + ': schools[1].students: expected an integer, found "สิบ"',
            path + ': schools[1].colour: expected one of the fields code, name, students, host, opened, '
                   'found unknown field "colour"',
            path + ': schools[1].host: expected a value found at schools[*].code, found "9999"',
            path + ': schools[1].opened: expected a date as yyyy-mm-dd such as 2026-11-22 (2026-02 has no day 29), '
                   'found "2026-02-29"',
            path + ': schools[1].name: expected required field "name", found it missing',
            path + ': schools[2].code: expected a unique code, found "1001" again (first at schools[0].code)',
            path + ": schools[2].students: expected a number >= 0, found -1",
        ]
        self.assertEqual(sorted(lines), sorted(expected))

    def test_several_files_good_and_bad(self):
        good = self.dataset("several-good.json", GOOD)
        bad = self.dataset("several-bad.json", {"kind": "schools", "schools": [{"code": "12", "name": "x",
                                                                                 "students": 1}]})
        status, out, err = run("validate", good, bad, cwd=self.folder)
        self.assertEqual(status, 1)
        self.assertEqual(out, good + ": OK (schools; 2 schools)\n")
        self.assertIn(bad + ': schools[0].code: expected text matching the pattern ^[0-9]{4}$, found "12"', err)
        self.assertTrue(err.endswith("1 of 2 datasets have problems (1 in all)\n"), err)

    def test_broken_json_gives_line_and_column(self):
        text = '{\n  "kind": "schools",\n  "schools": [],\n}\n'
        path = self.dataset("comma.json", text)
        status, _, err = run("validate", path, cwd=self.folder)
        self.assertEqual(status, 1)
        self.assertEqual(err, path + ": line 4, column 1 (byte %d): expected another member after ',', found '}': "
                                     "JSON allows no comma before '}'\n" % text.rindex("}"))
        path = self.dataset("cut.json", '{"kind": "schools", "schools": [{"code": "1001"')
        _, _, err = run("validate", path, cwd=self.folder)
        self.assertIn("found the end of the file: the file is cut off", err)
        path = self.dataset("nan.json", '{"kind": "schools", "ceiling": NaN}')
        _, _, err = run("validate", path, cwd=self.folder)
        self.assertIn("in ceiling: expected a number or null, found NaN", err)

    def test_duplicate_keys_are_reported_and_the_rest_still_validated(self):
        path = self.dataset("dup.json", '{"kind": "schools",\n "schools": [{"code": "1001", "name": "ก",\n'
                                        '  "code": "1002", "students": "x"}]}')
        status, _, err = run("validate", path, cwd=self.folder)
        self.assertEqual(status, 1)
        self.assertIn(path + ': schools[0].code: expected each key once in an object, found "code" again '
                             '(first on line 2, again on line 3)', err)
        self.assertIn(path + ': schools[0].students: expected an integer, found "x"', err)

    def test_invalid_utf8_names_the_byte(self):
        path = os.path.join(self.folder, "latin1.json")
        data = b'{"kind": "schools",\n "name": "caf\xe9"}'
        with open(path, "wb") as out:
            out.write(data)
        status, _, err = run("validate", path, cwd=self.folder)
        self.assertEqual(status, 1)
        byte = data.index(b"\xe9")
        column = byte - data.index(b"\n")  # characters after the line break, plus one
        self.assertIn(path + ": line 2, column %d (byte %d): expected UTF-8 text, found byte 0xE9" % (column, byte), err)

    def test_unknown_kind_lists_the_known_kinds(self):
        path = self.dataset("budget.json", {"kind": "budget"})
        # --schemas: the scratch folder may lie inside a project whose datasets/schemas would add its kinds.
        status, _, err = run("validate", "--schemas", os.path.join(self.folder, "schemas"), path, cwd=self.folder)
        self.assertEqual(status, 1)
        self.assertIn(path + ": kind: expected a kind that has a schema (known kinds: memo, schools;", err)
        self.assertIn('found "budget"', err)

    def test_malformed_schema_names_the_schema_file_and_path(self):
        folder = tempfile.mkdtemp(prefix="bad-schema-", dir=SCRATCH)
        schema = write(os.path.join(folder, "schemas", "schools.schema.json"),
                       {"type": "object", "properties": {"kind": {"type": "text"}, "x": {"minLenght": 2}}})
        path = write(os.path.join(folder, "d.json"), {"kind": "schools"})
        status, _, err = run("validate", path, cwd=folder)
        self.assertEqual(status, 1)
        self.assertIn(schema + ': properties.kind.type: expected one of "object", "array"', err)
        self.assertIn(schema + ': properties.x.minLenght: expected a schema keyword', err)

    def test_schemas_folder_option_and_project_default(self):
        project = tempfile.mkdtemp(prefix="project-", dir=SCRATCH)
        write(os.path.join(project, "datasets", "schemas", "schools.schema.json"), SCHOOLS_SCHEMA)
        path = write(os.path.join(project, "incoming", "week1", "d.json"), GOOD)
        # No schemas beside the dataset: the project's datasets/schemas above it is used.
        status, out, err = run("validate", path, cwd=SCRATCH)
        self.assertEqual(status, 0, err)
        self.assertIn(": OK (schools;", out)
        # --schemas replaces the search.
        empty = tempfile.mkdtemp(prefix="empty-schemas-", dir=SCRATCH)
        status, _, err = run("validate", "--schemas", empty, path, cwd=SCRATCH)
        self.assertEqual(status, 1)
        self.assertIn("none is known", err)
        status, _, err = run("validate", "--schemas", os.path.join(self.folder, "schemas"), path, cwd=SCRATCH)
        self.assertEqual(status, 0, err)
        status, _, err = run("validate", "--schemas", os.path.join(self.folder, "nowhere"), path, cwd=SCRATCH)
        self.assertEqual(status, 2)
        self.assertIn("is not a folder", err)

    def test_limits_name_their_flags(self):
        deep = self.dataset("deep.json", '{"kind": "memo", "a": [[[[1]]]]}')
        status, _, err = run("validate", "--max-depth", "3", deep, cwd=self.folder)
        self.assertEqual(status, 1)
        self.assertIn("expected at most 3 levels of nested objects and arrays", err)
        self.assertIn("raise the limit with --max-depth", err)
        self.assertEqual(run("validate", "--max-depth=5", deep, cwd=self.folder)[0], 0)

        long_text = self.dataset("long.json", {"kind": "memo", "text": "ก" * 1000})  # 3000 bytes
        status, _, err = run("validate", "--max-string-kb", "2", long_text, cwd=self.folder)
        self.assertEqual(status, 1)
        self.assertIn(long_text + ": text: expected a string of at most 2 KB, found one of 3 KB", err)
        self.assertEqual(run("validate", "--max-string-kb", "3", long_text, cwd=self.folder)[0], 0)

        big = self.dataset("big.json", {"kind": "memo", "rows": ["x" * 100] * 12000})  # about 1.3 MB
        status, _, err = run("validate", "--max-dataset-mb", "1", big, cwd=self.folder)
        self.assertEqual(status, 1)
        self.assertIn("expected a dataset of at most 1.0 MB", err)
        self.assertIn("raise the limit with --max-dataset-mb", err)
        self.assertEqual(run("validate", big, cwd=self.folder)[0], 0)

    def test_usage_errors_exit_2(self):
        self.assertEqual(run("validate")[0], 2)
        status, _, err = run("validate", "--max-depth", "0", "x.json")
        self.assertEqual(status, 2)
        self.assertIn("--max-depth expects a whole number from 1 to 1000", err)
        self.assertEqual(run("validate", "--colour", "x.json")[0], 2)

    def test_missing_file(self):
        status, _, err = run("validate", os.path.join(self.folder, "absent.json"), cwd=self.folder)
        self.assertEqual(status, 1)
        self.assertIn("absent.json: dataset file not found", err)


class Format(unittest.TestCase):
    def test_forms(self):
        cases = [
            (["baht", "101.25"], "หนึ่งร้อยเอ็ดบาทยี่สิบห้าสตางค์"),
            (["baht", "1,000,000"], "หนึ่งล้านบาทถ้วน"),
            (["baht", "-0.50"], "ลบห้าสิบสตางค์"),
            (["baht", "--et", "tens-only", "101"], "หนึ่งร้อยหนึ่งบาทถ้วน"),
            (["date", "2026-11-22"], "๒๒ พฤศจิกายน ๒๕๖๙"),
            (["date", "--arabic", "2026-11-22"], "22 พฤศจิกายน 2569"),
            (["date-short", "2026-11-22"], "๒๒ พ.ย. ๖๙"),
            (["month-year", "2026-11-22"], "พฤศจิกายน ๒๕๖๙"),
            (["fiscal-year", "2025-10-01"], "๒๕๖๙"),
            (["fiscal-year", "2025-09-30"], "๒๕๖๘"),
            (["digits", "2569"], "๒๕๖๙"),
            (["money", "1234567.5"], "1,234,567.50"),
            (["money", "--thai-digits", "1234567.5"], "๑,๒๓๔,๕๖๗.๕๐"),
            (["percent", "1", "3"], "33.33"),
            (["percent", "--places", "1", "1", "8"], "12.5"),
        ]
        for arguments, expected in cases:
            status, out, err = run("format", *arguments)
            self.assertEqual((status, out, err), (0, expected + "\n", ""), arguments)

    def test_batch_prints_one_line_per_value(self):
        status, out, _ = run("format", "baht", "21", "0.01", "100000000")
        self.assertEqual(status, 0)
        self.assertEqual(out.splitlines(), ["ยี่สิบเอ็ดบาทถ้วน", "หนึ่งสตางค์", "หนึ่งร้อยล้านบาทถ้วน"])

    def test_bad_values_say_what_was_expected(self):
        status, out, err = run("format", "baht", "1.005")
        self.assertEqual((status, out), (1, ""))
        self.assertEqual(err, 'format baht: expected an amount in baht with at most two decimals (satang), '
                              'found "1.005"\n')
        status, _, err = run("format", "date", "2026-02-30")
        self.assertEqual(status, 1)
        self.assertIn("expected a date as yyyy-mm-dd", err)
        status, out, err = run("format", "baht", "12", "abc", "1e400")
        self.assertEqual((status, out), (1, ""))
        self.assertIn("format baht: value 2: expected a decimal number", err)
        self.assertIn("format baht: value 3: expected an amount within", err)
        status, _, err = run("format", "digits", "สองพัน")
        self.assertEqual(status, 1)
        self.assertIn("expected a number written with the digits 0-9", err)

    def test_usage_errors_exit_2(self):
        self.assertEqual(run("format")[0], 2)
        self.assertEqual(run("format", "baht")[0], 2)
        status, _, err = run("format", "roman", "12")
        self.assertEqual(status, 2)
        self.assertIn("unknown form 'roman'", err)


if __name__ == "__main__":
    unittest.main(verbosity=2)
