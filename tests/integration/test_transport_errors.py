"""Bad transport-allowance datasets are refused before anything is written: `raingan render` exits non-zero,
names the dataset and the JSON path of the problem with what was expected, and leaves an older output of the
same name byte for byte as it was (the register and a PDF alike)."""
import copy
import json
import os
import sys
import tempfile
import unittest

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import transport_expected as tx  # noqa: E402

SCRATCH = os.environ.get("RAINGAN_TEST_TMP", tempfile.gettempdir())
OLDER = b"an older output that must survive a failed render\n"


def good():
    with open(os.path.join(tx.FIXTURES, "boundaries.json"), encoding="utf-8") as source:
        return json.load(source)


def without(record, field):
    del record[field]


# name: (change to the good fixture, JSON path, part of the message)
CASES = {
    "missing distance": (lambda d: without(d["students"][3], "distance_km"), "students[3].distance_km",
                         'expected required field "distance_km", found it missing'),
    "negative distance": (lambda d: d["students"][4].update(distance_km=-1.5), "students[4].distance_km",
                          "expected a number >= 0, found -1.5"),
    "duplicate student id": (lambda d: d["students"][5].update(id="B001"), "students[5].id",
                             'expected a unique id, found "B001" again (first at students[0].id)'),
    "undeclared host school": (lambda d: d["students"][6].update(school="65029999"), "students[6].school",
                               'expected a value found at schools[*].code, found "65029999"'),
    "undeclared merged-in school": (lambda d: d["students"][7].update(from_school="65029999"),
                                    "students[7].from_school",
                                    'found "65029999" (it is nowhere at schools[*].merged[*].code)'),
    "merged into another host": (lambda d: d["students"][0].update(from_school="65020021"),
                                 "students[0].from_school",
                                 'expected a value found at schools[code="65020001"].merged[*].code, found '
                                 '"65020021" (it is at schools[*].merged[*].code, but not there)'),
    "overlapping bands": (lambda d: d["rates"][1].update(max_km=3), "rates[1].max_km",
                          "expected a value greater than 3 (at rates[0].max_km: items ascend by max_km), found 3"),
    "unsorted bands": (lambda d: d.update(rates=[d["rates"][1], d["rates"][0], d["rates"][2]]), "rates[1].max_km",
                       "expected a value greater than 10"),
    "open band before the end": (lambda d: d.update(rates=[d["rates"][2], d["rates"][0]]), "rates[0].max_km",
                                 "expected null only on the last item (nulls last)"),
    "missing ceiling": (lambda d: without(d, "ceiling_baht"), "ceiling_baht",
                        'expected required field "ceiling_baht", found it missing'),
    "ceiling with three decimals": (lambda d: d.update(ceiling_baht=1250000.005), "ceiling_baht",
                                    'at most two decimals (satang), found "1250000.005"'),
    "rate with three decimals": (lambda d: d["rates"][0].update(baht_per_day=10.125), "rates[0].baht_per_day",
                                 'at most two decimals (satang), found "10.125"'),
}


class BadInput(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if not tx.RAINGAN or not os.path.exists(tx.RAINGAN):
            raise RuntimeError("RAINGAN must name the raingan CLI")
        os.makedirs(SCRATCH, exist_ok=True)
        cls.folder = tempfile.mkdtemp(prefix="transport-errors-", dir=SCRATCH)

    def render_refused(self, name, dataset, path, message):
        for template, extension in (("transport-allowance-register", "xlsx"), ("transport-allocation-notice", "pdf")):
            output = os.path.join(self.folder, "%s.%s" % (name.replace(" ", "-"), extension))
            with open(output, "wb") as older:
                older.write(OLDER)
            status, out, err = tx.run("render", os.path.join(tx.TEMPLATES, template + ".xml"), dataset, "-o", output)
            self.assertNotEqual(status, 0, "%s: %s rendered a bad dataset" % (name, template))
            self.assertEqual(out, "")
            line = [line for line in err.splitlines() if ": " + path + ": " in line]
            self.assertTrue(line, "%s: no problem reported at %s in:\n%s" % (name, path, err))
            self.assertTrue(line[0].startswith(dataset + ": "), line[0])
            self.assertIn(message, line[0])
            with open(output, "rb") as after:
                self.assertEqual(after.read(), OLDER, "%s: %s touched the older output" % (name, template))
            self.assertEqual(sorted(os.listdir(self.folder)), sorted(set(os.listdir(self.folder))))

    def test_each_bad_input_names_its_path_exits_non_zero_and_writes_nothing(self):
        for name, (change, path, message) in CASES.items():
            with self.subTest(name):
                dataset = copy.deepcopy(good())
                change(dataset)
                dataset_path = os.path.join(self.folder, name.replace(" ", "-") + ".json")
                with open(dataset_path, "w", encoding="utf-8") as out:
                    json.dump(dataset, out, ensure_ascii=False, indent=1)
                self.render_refused(name, dataset_path, path, message)
        # Nothing but the datasets and the untouched older outputs is left behind (no temporary files).
        leftovers = [f for f in os.listdir(self.folder) if not f.endswith((".json", ".xlsx", ".pdf"))]
        self.assertEqual(leftovers, [])

    def test_the_good_fixture_renders(self):
        output = os.path.join(self.folder, "good.xlsx")
        status, out, err = tx.run("render", os.path.join(tx.TEMPLATES, "transport-allowance-register.xml"),
                                  os.path.join(tx.FIXTURES, "boundaries.json"), "-o", output)
        self.assertEqual(status, 0, err)
        self.assertTrue(out.startswith(output + ": 4 sheets"))


if __name__ == "__main__":
    unittest.main()
