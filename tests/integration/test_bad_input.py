"""Bad input, end to end, through the real CLI: every kind of broken file a clerk may hand raingan. Each case
must fail with exit status 1, name the file and the place (JSON path, template line, byte offset), say what was
expected and what was found, and leave the output of an earlier good run byte-identical, with no temporary file
beside it."""
import json
import os
import shutil
import struct
import unittest
import zlib

from cli_support import SOURCE, file_bytes, leftovers, run, scratch

FIXTURES = os.path.join(SOURCE, "tests", "fixtures", "bad")
SCHEMAS = os.path.join(FIXTURES, "schemas")
TEMPLATE = os.path.join(FIXTURES, "sample.xml")
REGISTER = os.path.join(FIXTURES, "sample-register.xml")

with open(os.path.join(FIXTURES, "sample.json"), encoding="utf-8") as handle:
    SAMPLE = json.load(handle)


def png_bytes(width, height):
    """A real grey PNG of that size (all black), made with zlib."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows = b"".join(b"\x00" + bytes(width) for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))


def schools(count):
    return [{"name": "โรงเรียนบ้านหนองกุลา %d" % i, "students": i, "amount": 1000 + i} for i in range(count)]


class BadInput(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        # A real earlier render: what every failed run below must leave as it was.
        folder = scratch("bad-input-good")
        good = os.path.join(folder, "good.pdf")
        status, _, err = run("render", "--schemas", SCHEMAS, TEMPLATE, os.path.join(FIXTURES, "sample.json"),
                             "-o", good)
        if status != 0:
            raise AssertionError("the good sample does not render: " + err)
        cls.previous = file_bytes(good)

    def setUp(self):
        self.folder = scratch("bad-input")
        self.output = os.path.join(self.folder, "out", "document.pdf")
        os.makedirs(os.path.dirname(self.output))

    # Writing inputs

    def write_bytes(self, name, data):
        path = os.path.join(self.folder, name)
        with open(path, "wb") as handle:
            handle.write(data)
        return path

    def write_text(self, name, text):
        return self.write_bytes(name, text.encode("utf-8"))

    def write_json(self, name, data):
        return self.write_text(name, json.dumps(data, ensure_ascii=False, indent=1))

    def sample_with(self, name, **fields):
        data = json.loads(json.dumps(SAMPLE))
        data.update(fields)
        return self.write_json(name, data)

    # Running

    def fails(self, *arguments, output=None, previous=None):
        """Runs raingan over an earlier good output; asserts exit status 1, the earlier output byte-identical and
        nothing new in its folder. Returns stderr."""
        output = output or self.output
        previous = self.previous if previous is None else previous
        with open(output, "wb") as handle:
            handle.write(previous)
        folder = os.path.dirname(output)
        before = sorted(os.listdir(folder))
        status, out, err = run(*arguments)
        self.assertEqual(status, 1, "exit status %d; stderr: %s" % (status, err))
        self.assertEqual(file_bytes(output), previous, "the earlier output was changed")
        self.assertEqual(leftovers(folder), [])
        self.assertEqual(sorted(os.listdir(folder)), before)
        self.assertNotIn("Sanitizer", err)
        return err

    def render_fails(self, dataset, template=TEMPLATE, *flags):
        return self.fails("render", "--schemas", SCHEMAS, *flags, template, dataset, "-o", self.output)

    def renders(self, dataset, template=TEMPLATE, *flags):
        status, _, err = run("render", "--schemas", SCHEMAS, *flags, template, dataset, "-o", self.output)
        self.assertEqual(status, 0, err)
        self.assertTrue(file_bytes(self.output).startswith(b"%PDF-"))

    # 1. Malformed JSON

    def test_truncated_json(self):
        text = json.dumps(SAMPLE, ensure_ascii=False, indent=1)
        cut = text[:text.index('"students": 17') + len('"students": 1')]
        path = self.write_text("cut.json", cut)
        err = self.render_fails(path)
        line = cut.count("\n") + 1
        self.assertIn(path + ": line %d, column " % line, err)
        self.assertIn("(byte %d) in schools[1]: expected " % len(cut.encode("utf-8")), err)
        self.assertIn("found the end of the file: the file is cut off", err)

    def test_trailing_comma(self):
        text = '{\n "kind": "bad-input-sample",\n "office": "ก",\n "date": "2026-11-22",\n "schools": [],\n}\n'
        path = self.write_text("comma.json", text)
        err = self.render_fails(path)
        self.assertIn(path + ": line 6, column 1 (byte %d): expected another member after ',', found '}': "
                             "JSON allows no comma before '}'" % text.encode("utf-8").rindex(b"}"), err)

    def test_duplicate_keys(self):
        text = ('{"kind": "bad-input-sample", "office": "ก", "date": "2026-11-22",\n'
                ' "schools": [{"name": "ก", "students": 1,\n'
                '   "amount": 10, "students": 2}]}\n')
        path = self.write_text("duplicate.json", text)
        err = self.render_fails(path)
        self.assertIn(path + ': schools[0].students: expected each key once in an object, found "students" again '
                             '(first on line 2, again on line 3)', err)

    # 2. Encoding

    def test_invalid_utf8_names_the_byte_offset(self):
        data = ('{"kind": "bad-input-sample",\n "office": "สำนักงาน'.encode("utf-8") + b"\xe0\x28" +
                b'",\n "date": "2026-11-22", "schools": []}\n')
        path = self.write_bytes("latin.json", data)
        err = self.render_fails(path)
        byte = data.index(b"\xe0\x28")
        column = len(data[data.index(b"\n") + 1:byte].decode("utf-8")) + 1
        self.assertIn(path + ": line 2, column %d (byte %d): expected UTF-8 text, found byte 0xE0 that is not valid "
                             "UTF-8" % (column, byte), err)

    # 3-5. Values the schema refuses

    def test_text_where_a_number_is_expected(self):
        path = self.sample_with("type.json", schools=[{"name": "ก", "students": "สิบสอง", "amount": 10}])
        err = self.render_fails(path)
        self.assertIn(path + ': schools[0].students: expected an integer, found "สิบสอง"', err)

    def test_nan_where_a_number_is_expected(self):
        path = self.write_text("nan.json", '{"kind": "bad-input-sample", "office": "ก", "date": "2026-11-22",\n'
                                           ' "schools": [{"name": "ก", "students": 1, "amount": NaN}]}')
        err = self.render_fails(path)
        self.assertIn(path + ": line 2, column ", err)
        self.assertIn("in schools[0].amount: expected a number or null, found NaN", err)

    def test_infinity_where_a_number_is_expected(self):
        path = self.write_text("inf.json", '{"kind": "bad-input-sample", "office": "ก", "date": "2026-11-22",\n'
                                           ' "schools": [{"name": "ก", "students": Infinity, "amount": 1}]}')
        err = self.render_fails(path)
        self.assertIn(path + ": line 2, column ", err)
        self.assertIn("in schools[0].students: expected a number or null, found Infinity", err)

    def test_a_number_beyond_double_range(self):
        path = self.write_text("huge.json", '{"kind": "bad-input-sample", "office": "ก", "date": "2026-11-22",\n'
                                            ' "schools": [{"name": "ก", "students": 1, "amount": 1e400}]}')
        err = self.render_fails(path)
        self.assertIn(path + ": schools[0].amount: expected a number within about ±1.8e308, found 1e400 (line 2)",
                      err)

    def test_money_with_more_than_two_decimals(self):
        path = self.write_text("satang.json", '{"kind": "bad-input-sample", "office": "ก", "date": "2026-11-22",\n'
                                              ' "schools": [{"name": "ก", "students": 1, "amount": 126000.005}]}')
        err = self.render_fails(path)
        self.assertIn(path + ': schools[0].amount: expected an amount in baht with at most two decimals (satang), '
                             'found "126000.005"', err)

    # 6-7. Size and depth limits of the reader

    def test_a_10_mb_string_names_max_string_kb(self):
        path = self.sample_with("long.json", schools=[{"name": "ก", "students": 1, "amount": 1,
                                                       "note": "x" * (10 * 1024 * 1024)}])
        err = self.render_fails(path)
        self.assertIn(path + ": schools[0].note: expected a string of at most 1.0 MB, found one of 10.0 MB (line ", err)
        self.assertIn("raise the limit with --max-string-kb", err)
        # Raised, the limit lets the dataset through; the template never prints the note.
        self.renders(path, TEMPLATE, "--max-string-kb", "11000")

    def test_nesting_10000_deep_names_max_depth(self):
        depth = 10000
        text = ('{"kind": "bad-input-sample", "office": "ก", "date": "2026-11-22",\n "schools": ' +
                "[" * depth + "]" * depth + "}")
        path = self.write_text("deep.json", text)
        err = self.render_fails(path)
        self.assertIn(path + ": schools", err)
        self.assertIn("expected at most 64 levels of nested objects and arrays, found deeper nesting (line 2); "
                      "raise the limit with --max-depth", err)
        # The highest limit the flag takes still refuses it, without running out of stack.
        err = self.render_fails(path, TEMPLATE, "--max-depth", "1000")
        self.assertIn("expected at most 1000 levels of nested objects and arrays", err)
        self.assertLess(len(err), 2000, "the path of the deepest value should be shortened")

    def test_an_expression_nested_10000_deep_in_a_template(self):
        for name, expression in (("brackets.xml", "(" * 10000 + "1" + ")" * 10000),
                                 ("chain.xml", "1" + " + 1" * 10000)):
            template = self.write_text(name, "<document>\n<p>{{ office }}</p>\n<p>{{ %s }}</p>\n</document>\n"
                                       % expression)
            err = self.render_fails(os.path.join(FIXTURES, "sample.json"), template)
            self.assertIn(template + ": line 3: expected an expression nested at most 256 deep (brackets, lists, "
                                     "calls and chained operators), found deeper nesting", err)
            self.assertLess(len(err), 1000, "the expression should be quoted by its start only")

    # 8. Kind

    def test_an_unknown_kind(self):
        path = self.sample_with("kind.json", kind="bad-input-sampel")
        err = self.render_fails(path)
        self.assertIn(path + ": kind: expected a kind that has a schema (known kinds: bad-input-sample", err)
        self.assertIn('found "bad-input-sampel"', err)

    # 9-10. Templates

    def test_a_template_syntax_error_names_file_and_line(self):
        template = self.write_text("broken.xml", '<document dataset-kind="bad-input-sample">\n  <p>{{ office }}</p>\n'
                                                 '  <table columns="1fr 2cm">\n    <row><cell>ก</cell><cell>ข</cell>'
                                                 '</row>\n  </tabel>\n</document>\n')
        err = self.render_fails(os.path.join(FIXTURES, "sample.json"), template)
        self.assertIn(template + ": line 5: expected </table> to close the element opened on line 3, found </tabel>",
                      err)

    def test_an_expression_syntax_error_names_file_and_line(self):
        template = self.write_text("expression.xml", "<document>\n<p>{{ office }}</p>\n\n"
                                                     "<p>{{ sum(schools, 'amount' }}</p>\n</document>\n")
        err = self.render_fails(os.path.join(FIXTURES, "sample.json"), template)
        self.assertIn(template + ": line 4: expected ',' or ')' in the arguments of sum(), found the end", err)

    def test_a_binding_to_a_field_the_dataset_lacks(self):
        template = self.write_text("missing.xml", '<document>\n<p>{{ office }}</p>\n<for each="s" in="schools">\n'
                                                  "  <p>{{ s.name }} {{ s.telephone }}</p>\n</for>\n</document>\n")
        err = self.render_fails(os.path.join(FIXTURES, "sample.json"), template)
        self.assertIn(template + ": line 4: {{ s.telephone }}: schools[0] has no field 'telephone' "
                                 "(it has: name, students, amount)", err)

    # 11. Images

    def image_fails(self, name, data):
        if data is not None:
            self.write_bytes(name, data)
        return self.render_fails(self.sample_with("photo.json", photo=name))

    def test_a_missing_image(self):
        err = self.image_fails("absent.png", None)
        self.assertIn(TEMPLATE + ": line 7: <image src=", err)
        self.assertIn(os.path.join(self.folder, "absent.png") + ": image file not found", err)

    def test_a_png_that_is_not_an_image(self):
        err = self.image_fails("photo.png", b"this was never an image\n" * 4)
        self.assertIn(TEMPLATE + ": line 7: <image src=", err)
        self.assertIn(os.path.join(self.folder, "photo.png") + ": not a PNG or JPEG image", err)

    def test_a_jpeg_that_is_not_an_image(self):
        err = self.image_fails("photo.jpg", bytes(range(256)) * 8)
        self.assertIn(TEMPLATE + ": line 7: <image src=", err)
        self.assertIn(os.path.join(self.folder, "photo.jpg") + ": not a PNG or JPEG image", err)

    def test_a_png_damaged_after_its_header(self):
        good = png_bytes(40, 30)
        damaged = good[:41] + b"\x00" * 20 + good[61:]  # the compressed pixels overwritten
        err = self.image_fails("damaged.png", damaged)
        self.assertIn(TEMPLATE + ": line 7: <image>: ", err)
        self.assertIn(os.path.join(self.folder, "damaged.png") + ": not a valid PNG image", err)

    def test_a_jpeg_damaged_after_its_header(self):
        # A JPEG start and a frame header that says 8 x 8, then no tables and no scan: rubbish after the header.
        header = b"\xff\xd8\xff\xc0\x00\x11\x08\x00\x08\x00\x08\x03\x01\x22\x00\x02\x11\x01\x03\x11\x01"
        err = self.image_fails("damaged.jpg", header + b"\x13\x37" * 64)
        self.assertIn(TEMPLATE + ": line 7: <image>: ", err)
        self.assertIn(os.path.join(self.folder, "damaged.jpg") + ": not a valid JPEG image", err)

    # 12-13. Fonts

    def test_a_font_file_that_is_not_a_font(self):
        fonts = os.path.join(self.folder, "fonts")
        os.makedirs(fonts)
        shutil.copy(os.path.join(SOURCE, "fonts", "fonts.json"), fonts)
        garbage = os.path.join(fonts, "X.ttf")
        with open(garbage, "wb") as handle:
            handle.write(b"<html>the download page, not the font</html>\n")
        err = self.render_fails(os.path.join(FIXTURES, "sample.json"), TEMPLATE, "--fonts", fonts)
        self.assertIn(garbage + ": not a TrueType or OpenType font", err)
        self.assertIn("remove it from the fonts folder", err)

    def test_a_character_no_font_has_is_named_by_code_point(self):
        path = self.sample_with("private.json", office="สำนักงานเขต\ue000พื้นที่ \u0378")
        err = self.render_fails(path)
        self.assertIn(TEMPLATE + ": line 6: no font has the character U+E000", err)
        self.assertIn(TEMPLATE + ": line 6: no font has the character U+0378", err)

    # 14-15. Where the output goes

    def test_output_to_dev_full(self):
        # A document can only be named *.pdf: a link of that name leads the render to the device.
        link = os.path.join(self.folder, "out", "full.pdf")
        os.symlink("/dev/full", link)
        status, _, err = run("render", "--schemas", SCHEMAS, TEMPLATE, os.path.join(FIXTURES, "sample.json"),
                             "-o", link)
        self.assertEqual(status, 1, err)
        self.assertIn(link + ": output path is not a regular file (a device or a pipe); give a file name", err)
        self.assertEqual(os.readlink(link), "/dev/full")
        self.assertEqual(leftovers(os.path.dirname(link)), [])
        text = self.write_text("short.txt", "สวัสดี\n")
        status, _, err = run("text", text, "-o", "/dev/full")
        self.assertEqual(status, 1, err)
        self.assertIn("/dev/full: output path is not a regular file", err)
        self.assertEqual([name for name in os.listdir("/dev") if name.startswith(".full")], [])

    @unittest.skipIf(os.geteuid() == 0, "root may write into any folder")
    def test_output_folder_without_write_permission(self):
        folder = os.path.dirname(self.output)
        with open(self.output, "wb") as handle:
            handle.write(self.previous)
        os.chmod(folder, 0o555)
        try:
            status, _, err = run("render", "--schemas", SCHEMAS, TEMPLATE, os.path.join(FIXTURES, "sample.json"),
                                 "-o", self.output)
        finally:
            os.chmod(folder, 0o755)
        self.assertEqual(status, 1, err)
        self.assertIn(self.output + ": output folder " + folder + " is not writable", err)
        self.assertEqual(file_bytes(self.output), self.previous)
        self.assertEqual(os.listdir(folder), ["document.pdf"])

    def test_output_path_that_is_a_directory(self):
        target = self.output
        os.makedirs(target)
        self.write_bytes(os.path.join("out", "document.pdf", "kept.txt"), b"kept")
        status, _, err = run("render", "--schemas", SCHEMAS, TEMPLATE, os.path.join(FIXTURES, "sample.json"),
                             "-o", target)
        self.assertEqual(status, 1, err)
        self.assertIn(target + ": output path is a directory", err)
        self.assertEqual(os.listdir(target), ["kept.txt"])
        self.assertEqual(os.listdir(os.path.dirname(target)), ["document.pdf"])

    # 16. Resource caps

    def test_max_pages(self):
        path = self.sample_with("many.json", schools=schools(60))
        err = self.render_fails(path, TEMPLATE, "--max-pages", "1")
        self.assertIn(TEMPLATE + ": the document runs past 1 page", err)
        self.assertIn("raise --max-pages", err)

    def test_max_table_rows(self):
        path = self.sample_with("rows.json", schools=schools(12))
        err = self.render_fails(path, TEMPLATE, "--max-table-rows", "10")
        self.assertIn(TEMPLATE + ": line 8: <table>: more than 10 rows", err)
        self.assertIn("raise the limit with --max-table-rows", err)

    def test_max_table_rows_in_a_register(self):
        path = self.sample_with("rows.json", schools=schools(12))
        output = os.path.join(self.folder, "out", "register.xlsx")
        err = self.fails("render", "--schemas", SCHEMAS, "--max-table-rows", "10", REGISTER, path, "-o", output,
                         output=output, previous=b"PK\x03\x04 an earlier register")
        self.assertIn(REGISTER + ": line 10: <row>: more than 10 rows", err)
        self.assertIn("raise the limit with --max-table-rows", err)

    def test_max_image_megapixels(self):
        self.write_bytes("big.png", png_bytes(1250, 1000))
        path = self.sample_with("big.json", photo="big.png")
        err = self.render_fails(path, TEMPLATE, "--max-image-megapixels", "1")
        self.assertIn(TEMPLATE + ": line 7: <image src=", err)
        self.assertIn(os.path.join(self.folder, "big.png") + ": image is 1250 x 1000 pixels, more than the 1 "
                                                            "megapixel limit", err)
        self.assertIn("raise --max-image-megapixels", err)
        self.renders(path, TEMPLATE, "--max-image-megapixels", "2")

    def test_max_dataset_mb(self):
        text = json.dumps(SAMPLE, ensure_ascii=False)
        path = self.write_text("padded.json", text[:-1] + " " * (1200 * 1024) + "}")
        err = self.render_fails(path, TEMPLATE, "--max-dataset-mb", "1")
        self.assertIn(path + ": expected a dataset of at most 1.0 MB, found 1.2 MB; raise the limit with "
                             "--max-dataset-mb", err)
        self.renders(path, TEMPLATE, "--max-dataset-mb", "2")

    # 17. A whole build

    def test_build_keep_going_builds_the_rest_and_keeps_the_broken_documents_output(self):
        root = os.path.join(self.folder, "project")
        os.makedirs(os.path.join(root, "datasets", "schemas"))
        os.makedirs(os.path.join(root, "templates"))
        os.makedirs(os.path.join(root, "output"))
        os.makedirs(os.path.join(root, "fonts"))
        shutil.copy(os.path.join(SOURCE, "fonts", "fonts.json"), os.path.join(root, "fonts"))
        shutil.copy(os.path.join(SOURCE, "datasets", "schemas", "build-manifest.schema.json"),
                    os.path.join(root, "datasets", "schemas"))
        shutil.copy(os.path.join(SCHEMAS, "bad-input-sample.schema.json"), os.path.join(root, "datasets", "schemas"))
        shutil.copy(TEMPLATE, os.path.join(root, "templates"))
        for name, data in (("first.json", SAMPLE), ("third.json", dict(SAMPLE, office="สำนักงานเขตที่สาม"))):
            with open(os.path.join(root, "datasets", name), "w", encoding="utf-8") as handle:
                json.dump(data, handle, ensure_ascii=False)
        broken = os.path.join(root, "datasets", "second.json")
        with open(broken, "w", encoding="utf-8") as handle:
            handle.write('{"kind": "bad-input-sample", "office": "ก", "date": "2026-11-22", "schools": [}')
        manifest = {"kind": "build-manifest", "documents": [
            {"dataset": name, "template": "sample.xml", "output": name.replace(".json", ".pdf")}
            for name in ("first.json", "second.json", "third.json")]}
        with open(os.path.join(root, "datasets", "manifest.json"), "w", encoding="utf-8") as handle:
            json.dump(manifest, handle)

        output = os.path.join(root, "output")
        kept = os.path.join(output, "second.pdf")
        with open(kept, "wb") as handle:
            handle.write(self.previous)
        status, out, err = run("build", "--root", root, "--keep-going")
        self.assertEqual(status, 1, err)
        self.assertIn("failed output/second.pdf:", err)
        self.assertIn(broken + ": line 1, column ", err)
        self.assertIn("in schools[0]: expected a value (object, array, string, number, true, false or null), "
                      "found '}'", err)
        self.assertIn("built output/first.pdf (1 page)", out)
        self.assertIn("built output/third.pdf (1 page)", out)
        self.assertNotIn("built output/second.pdf", out)
        self.assertRegex(out, r"2 of 3 documents built into .*output \(2 PDF pages\) in [0-9.]+ s; 1 failed\n$")
        self.assertTrue(file_bytes(os.path.join(output, "first.pdf")).startswith(b"%PDF-"))
        self.assertTrue(file_bytes(os.path.join(output, "third.pdf")).startswith(b"%PDF-"))
        self.assertEqual(file_bytes(kept), self.previous)
        self.assertEqual(sorted(os.listdir(output)), ["first.pdf", "second.pdf", "third.pdf"])

if __name__ == "__main__":
    unittest.main()
