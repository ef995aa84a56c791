"""`raingan serve`'s API through real HTTP on loopback: every endpoint, as the web app uses it, against a
server started on a scratch copy of the project."""
import json
import os
import sys
import time
import unittest
import zipfile
import io

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(__file__))

from cli_support import no_space, scratch  # noqa: E402
from serve_support import Server, dataset, pdf_text, project_copy, read_text  # noqa: E402


class ServeApi(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.root = project_copy("serve-api")
        cls.server = Server(cls.root)
        cls.work = scratch("serve-api-out")

    @classmethod
    def tearDownClass(cls):
        status, out = cls.server.stop()
        assert status == 0, (status, out, cls.server.errors())

    def test_app_is_served_from_the_binary(self):
        page = self.server.get("/")
        self.assertEqual(page.status, 200)
        self.assertIn("text/html", page.header("Content-Type"))
        self.assertIn("ทำเอกสาร", page.body.decode("utf-8"))
        self.assertIn("default-src 'self'", page.header("Content-Security-Policy"))
        script = self.server.get("/app.js")
        self.assertEqual(script.status, 200)
        self.assertIn("javascript", script.header("Content-Type"))
        missing = self.server.get("/nothing-here.js")
        self.assertEqual(missing.status, 404)
        self.assertIn("message", missing.json())

    def test_reports_name_title_kind_and_format(self):
        reports = {r["name"]: r for r in self.server.get("/api/reports").json()}
        templates = sorted(f[:-4] for f in os.listdir(os.path.join(self.root, "templates")) if f.endswith(".xml"))
        self.assertEqual(sorted(reports), templates)
        self.assertEqual(reports["memo"], {"name": "memo", "title": "บันทึกข้อความ", "kind": "memo", "format": "pdf"})
        register = reports["transport-allowance-register"]
        self.assertEqual((register["kind"], register["format"]), ("transport-allowance", "xlsx"))
        self.assertNotIn("{{", "".join(r["title"] for r in reports.values()))

    def test_kinds_and_schema(self):
        kinds = {k["kind"]: k["title"] for k in self.server.get("/api/kinds").json()}
        self.assertIn("transport-allowance", kinds)
        self.assertTrue(kinds["memo"].startswith("บันทึกข้อความ"))
        schema = self.server.get("/api/kinds/memo/schema")
        self.assertEqual(schema.status, 200)
        self.assertEqual(schema.json(), json.loads(read_text(os.path.join(self.root, "datasets/schemas/memo.schema.json"))))
        self.assertEqual(self.server.get("/api/kinds/no-such-kind/schema").status, 404)

    def test_datasets_list_and_read(self):
        listed = {d["name"]: d["kind"] for d in self.server.get("/api/datasets").json()}
        self.assertEqual(listed["memo-work-standards"], "memo")
        self.assertEqual(listed["transport-allowance-2569-2"], "transport-allowance")
        self.assertNotIn("schemas", listed)
        got = self.server.get("/api/datasets/memo-work-standards")
        self.assertEqual(got.status, 200)
        self.assertEqual(got.body.decode("utf-8"), read_text(os.path.join(self.root, "datasets/memo-work-standards.json")))
        self.assertTrue(got.header("ETag").startswith('"'))

    def test_validate(self):
        good = self.server.post("/api/validate", dataset("memo-work-standards"))
        self.assertEqual((good.status, good.json()["problems"]), (200, []))
        bad = dataset("memo-work-standards")
        bad["date"] = "2026-02-30"
        del bad["subject"]
        answer = self.server.post("/api/validate", bad)
        self.assertEqual(answer.status, 422)
        problems = {p["path"]: p["message"] for p in answer.json()["problems"]}
        self.assertIn("no day 30", problems["date"])
        self.assertIn("required", problems["subject"])
        broken = self.server.post("/api/validate", '{"kind": "memo",', headers={"Content-Type": "application/json"})
        self.assertEqual(broken.status, 422)
        self.assertEqual(broken.json()["problems"][0]["path"], "line 1, column 17 (byte 16)")
        self.assertEqual(self.server.post("/api/validate", "{}", headers={"Content-Type": "text/plain"}).status, 415)

    def test_render_pdf_with_the_datasets_text(self):
        memo = dataset("memo-work-standards")
        memo["subject"] = "ทดสอบการสร้างบันทึกข้อความผ่านเครื่องแม่ข่าย"
        answer = self.server.post("/api/render/memo", memo)
        self.assertEqual(answer.status, 200, answer)
        self.assertEqual(answer.header("Content-Type"), "application/pdf")
        self.assertIn('filename="memo.pdf"', answer.header("Content-Disposition"))
        self.assertTrue(answer.body.startswith(b"%PDF-"))
        self.assertEqual(answer.header("X-Raingan-Pages"), "2")
        self.assertIn(no_space(memo["subject"]), no_space(pdf_text(answer.body, self.work)))

    def test_render_register_as_xlsx(self):
        answer = self.server.post("/api/render/transport-allowance-register", dataset("transport-allowance-2569-2"))
        self.assertEqual(answer.status, 200, answer)
        self.assertIn("spreadsheetml", answer.header("Content-Type"))
        self.assertIn("attachment", answer.header("Content-Disposition"))
        members = zipfile.ZipFile(io.BytesIO(answer.body)).namelist()
        self.assertIn("xl/workbook.xml", members)

    def test_render_refuses_bad_data_with_problems(self):
        notice = dataset("transport-allowance-2569-2")
        notice["students"][17]["distance_km"] = -1.5
        answer = self.server.post("/api/render/transport-allocation-notice", notice)
        self.assertEqual(answer.status, 422)
        self.assertEqual(answer.json()["problems"],
                         [{"path": "students[17].distance_km", "message": "expected a number >= 0, found -1.5"}])
        other_kind = self.server.post("/api/render/memo", dataset("letter-transport-data-request"))
        self.assertEqual(other_kind.status, 422)
        self.assertEqual([p["path"] for p in other_kind.json()["problems"]], ["kind"])
        self.assertEqual(self.server.post("/api/render/no-such-report", dataset("memo-work-standards")).status, 404)

    def test_template_problems_name_the_template(self):
        # A distance beyond the last closed band passes the schema but stops the template (band()).
        notice = dataset("transport-allowance-2569-2")
        notice["rates"][-1]["max_km"] = 50
        notice["students"][0]["distance_km"] = 60
        answer = self.server.post("/api/render/transport-allocation-notice", notice)
        self.assertEqual(answer.status, 422, answer)
        problem = answer.json()["problems"][0]
        self.assertEqual(problem["file"], "templates/transport-allocation-notice.xml")
        self.assertIn("60", problem["message"])

    def test_put_keeps_the_previous_version(self):
        path = os.path.join(self.root, "datasets/letter-transport-data-request.json")
        before = read_text(path)
        etag = self.server.get("/api/datasets/letter-transport-data-request").header("ETag")
        letter = json.loads(before)
        letter["subject"] = "ขอข้อมูลนักเรียนที่มีสิทธิ์ได้รับค่าพาหนะ (แก้ไข)"
        text = json.dumps(letter, ensure_ascii=False, indent=1) + "\n"
        saved = self.server.put("/api/datasets/letter-transport-data-request", text,
                                headers={"Content-Type": "application/json", "If-Match": etag})
        self.assertEqual(saved.status, 200, saved)
        self.assertEqual(read_text(path), text)
        kept = os.path.join(self.root, "datasets", saved.json()["kept_as"])
        self.assertTrue(os.path.basename(kept).startswith("letter-transport-data-request.20"))
        self.assertEqual(read_text(kept), before)
        self.assertNotEqual(saved.header("ETag"), etag)
        # A second client still holding the first version is told, not overwritten.
        stale = self.server.put("/api/datasets/letter-transport-data-request", before,
                                headers={"Content-Type": "application/json", "If-Match": etag})
        self.assertEqual(stale.status, 409)
        self.assertEqual(read_text(path), text)
        # A save with problems changes nothing.
        letter["date"] = "not a date"
        refused = self.server.put("/api/datasets/letter-transport-data-request", letter)
        self.assertEqual(refused.status, 422)
        self.assertEqual(read_text(path), text)
        self.assertEqual(len(os.listdir(os.path.join(self.root, "datasets/.history"))), 1)
        self.assertEqual([f for f in os.listdir(os.path.join(self.root, "datasets")) if ".tmp" in f], [])

    def test_put_creates_a_new_dataset_and_keeps_kinds_apart(self):
        memo = dataset("memo-work-standards")
        created = self.server.put("/api/datasets/memo-new-round", memo)
        self.assertEqual(created.status, 201, created)
        self.assertEqual(json.loads(read_text(os.path.join(self.root, "datasets/memo-new-round.json"))), memo)
        listed = {d["name"]: d["kind"] for d in self.server.get("/api/datasets").json()}
        self.assertEqual(listed["memo-new-round"], "memo")
        other = self.server.put("/api/datasets/memo-new-round", dataset("letter-transport-data-request"))
        self.assertEqual(other.status, 422)
        self.assertEqual(other.json()["problems"][0]["path"], "kind")
        self.assertEqual(self.server.put("/api/datasets/New%20Name", memo).status, 404)

    def test_build_with_progress_and_outputs(self):
        started = self.server.post("/api/build", {})
        self.assertEqual(started.status, 202, started)
        self.assertEqual(started.json()["total"], 3)
        seen_running = started.json()["running"]
        deadline = time.monotonic() + 600
        while True:
            state = self.server.get("/api/build").json()
            if not state["running"]:
                break
            self.assertLess(time.monotonic(), deadline, state)
            time.sleep(0.2)
        self.assertTrue(seen_running)
        self.assertEqual((state["done"], state["failed"]), (3, 0), state)
        self.assertEqual([e["status"] for e in state["entries"]], ["built"] * 3)
        pdf = self.server.get("/api/outputs/memo-work-standards.pdf")
        self.assertEqual(pdf.status, 200)
        self.assertTrue(pdf.body.startswith(b"%PDF-"))
        with open(os.path.join(self.root, "output/memo-work-standards.pdf"), "rb") as built:
            self.assertEqual(built.read(), pdf.body)
        self.assertEqual(self.server.get("/api/outputs/seed-000-work-standards-policy-planning.pdf").status, 404)

    def test_health_shows_the_limits(self):
        health = self.server.get("/api/health").json()
        self.assertGreaterEqual(health["max_renders"], 1)
        self.assertEqual(health["render_queue"], 64)


if __name__ == "__main__":
    unittest.main()
