"""The sample manuals transcribe their sources completely (scripts/check-manual-transcription.py): the
operations manual against seed 002 and the monitoring manual against seed 001, every source piece covered and
no printed text that the source lacks unless the dataset lists it as an addition. The check itself is shown to
catch a dropped paragraph, an invented wording and an addition whose record no longer matches."""
import json
import os
import re
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.dirname(__file__))
from cli_support import SOURCE, scratch  # noqa: E402

SCRIPT = os.path.join(SOURCE, "scripts", "check-manual-transcription.py")
COVERAGE = re.compile(r"coverage: (\d+)/(\d+) pieces = [\d.]+%, (\d+)/(\d+) characters")


def check(*arguments):
    result = subprocess.run([sys.executable, SCRIPT, *arguments], cwd=SOURCE, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT)
    return result.returncode, result.stdout.decode("utf-8")


class SampleManuals(unittest.TestCase):
    def test_both_manuals_cover_every_source_piece(self):
        status, out = check()
        self.assertEqual(status, 0, out)
        self.assertIn("operations-manual-2567.json", out)
        self.assertIn("monitoring-manual.json", out)
        coverages = COVERAGE.findall(out)
        self.assertEqual(len(coverages), 2, out)
        for found, total, chars_found, chars_total in coverages:
            self.assertGreater(int(total), 50)
            self.assertEqual(found, total, out)
            self.assertEqual(chars_found, chars_total, out)
        self.assertNotIn("MISSING", out)
        self.assertNotIn("NOT IN SOURCE", out)


class TheCheckCatches(unittest.TestCase):
    def altered(self, change):
        with open(os.path.join(SOURCE, "datasets", "monitoring-manual.json"), encoding="utf-8") as f:
            data = json.load(f)
        change(data)
        path = os.path.join(scratch("transcription"), "monitoring-manual.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False)
        return check(os.path.join("datasets", "texts", "001_620eb12ebf3d4c23.txt"), path)

    def test_a_dropped_paragraph_is_missing(self):
        def drop(data):
            blocks = data["parts"][0]["blocks"]
            del blocks[next(k for k, b in enumerate(blocks) if b["type"] == "paragraph")]
            data.pop("additions")  # their paths move with the blocks

        status, out = self.altered(drop)
        self.assertEqual(status, 1, out)
        self.assertIn("MISSING line 2: เพื่อเป็นแนวทางการติดตาม", out)

    def test_an_invented_box_wording_is_not_in_the_source(self):
        def invent(data):
            chart = next(b for b in data["parts"][1]["blocks"] if b["type"] == "flowchart")
            step = next(s for s in chart["steps"] if s["kind"] == "process" and "details" not in s)
            step["text"] = "ตรวจทานความถูกต้องของแบบกลยุทธ์ทุกฉบับ"

        status, out = self.altered(invent)
        self.assertEqual(status, 1, out)
        self.assertRegex(out, r"NOT IN SOURCE parts\[1\]\.blocks\[\d+\]\.steps\[\d+\]\.text: ตรวจทาน")

    def test_an_addition_must_match_its_path(self):
        def stale(data):
            data["parts"][0]["title"] = "ความนำ"

        status, out = self.altered(stale)
        self.assertEqual(status, 1, out)
        self.assertIn("ADDITION NOT AT ITS PATH parts[0].title", out)


if __name__ == "__main__":
    unittest.main()
