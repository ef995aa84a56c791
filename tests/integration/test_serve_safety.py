"""`raingan serve` on a network: names in URLs only from the project's lists, bodies capped, requests from
other sites refused, a password and sessions beyond loopback, renders bounded in time and isolated from the
server, and a clean stop on SIGTERM. Every refusal is JSON with a message."""
import json
import os
import stat
import subprocess
import sys
import threading
import time
import unittest

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(__file__))

from cli_support import RAINGAN  # noqa: E402
from serve_support import Server, dataset, project_copy, read_text  # noqa: E402


def assert_json_refusal(test, answer, status):
    test.assertEqual(answer.status, status, answer)
    test.assertIn("application/json", answer.header("Content-Type"))
    test.assertTrue(answer.json()["message"])


class NamesAndLimits(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.root = project_copy("serve-safety")
        cls.server = Server(cls.root, "--max-body-mb", "1")

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def test_names_never_reach_the_file_system(self):
        secret = os.path.join(os.path.dirname(self.root), "secret.json")
        with open(secret, "w", encoding="utf-8") as out:
            json.dump({"kind": "memo", "secret": "do not serve"}, out)
        attempts = [
            "/api/datasets/../secret", "/api/datasets/..%2Fsecret", "/api/datasets/..%2F..%2F..%2Fetc%2Fpasswd",
            "/api/datasets/%2Fetc%2Fpasswd", "/api/datasets/memo-work-standards.json",
            "/api/datasets/schemas%2Fmemo.schema", "/api/datasets/.history", "/api/datasets/no-such-dataset",
            "/api/kinds/..%2F..%2Ftemplates%2Fmemo/schema", "/api/kinds/%2Fetc%2Fpasswd/schema",
            "/api/outputs/..%2Fdatasets%2Fmemo-work-standards.json", "/api/outputs/%2Fetc%2Fpasswd",
            "/..%2F..%2Fetc%2Fpasswd", "/%2Fetc%2Fpasswd.js",
        ]
        for path in attempts:
            with self.subTest(path=path):
                answer = self.server.get(path)
                self.assertIn(answer.status, (400, 404), answer)
                self.assertNotIn(b"do not serve", answer.body)
                self.assertNotIn(b"root:", answer.body)
                if answer.status == 404:
                    self.assertTrue(answer.json()["message"])
        for path in ["/api/render/..%2Ftemplates%2Fmemo", "/api/render/%2Fetc%2Fpasswd", "/api/render/memo.xml"]:
            with self.subTest(path=path):
                assert_json_refusal(self, self.server.post(path, dataset("memo-work-standards")), 404)
        for path in ["/api/datasets/..%2Foutside", "/api/datasets/%2Ftmp%2Foutside", "/api/datasets/Memo"]:
            with self.subTest(path=path):
                assert_json_refusal(self, self.server.put(path, dataset("memo-work-standards")), 404)
        self.assertFalse(os.path.exists(os.path.join(self.root, "outside.json")))
        self.assertFalse(os.path.exists("/tmp/outside.json"))

    def test_body_too_large_is_refused_and_the_server_goes_on(self):
        big = dataset("memo-work-standards")
        big["paragraphs"] = ["ก" * 1000] * 1200  # about 3.6 MB of UTF-8
        answer = self.server.post("/api/validate", big)
        assert_json_refusal(self, answer, 413)
        self.assertIn("1 MB", answer.json()["message"])
        self.assertEqual(self.server.post("/api/validate", dataset("memo-work-standards")).status, 200)

    def test_body_without_length_is_refused(self):
        import http.client
        connection = http.client.HTTPConnection(self.server.host, self.server.port, timeout=30)
        connection.request("POST", "/api/validate", body=iter([b'{"kind": "memo"}']),
                           headers={"Content-Type": "application/json"}, encode_chunked=True)
        response = connection.getresponse()
        self.assertEqual(response.status, 411)
        self.assertIn("message", json.loads(response.read()))
        connection.close()

    def test_other_sites_are_refused(self):
        memo = dataset("memo-work-standards")
        port = self.server.port
        # A page elsewhere whose name resolves to 127.0.0.1 (DNS rebinding) sends its own Host.
        assert_json_refusal(self, self.server.get("/api/datasets", headers={"Host": f"evil.example:{port}"}), 403)
        # A form or script on another site posting here carries that site's Origin.
        assert_json_refusal(self, self.server.post("/api/render/memo", memo,
                                                   headers={"Origin": "http://evil.example"}), 403)
        same = self.server.post("/api/validate", memo, headers={"Origin": f"http://127.0.0.1:{port}",
                                                              "Host": f"127.0.0.1:{port}"})
        self.assertEqual(same.status, 200)
        # Only JSON bodies: a plain form post (which a browser may send cross-site without asking) is refused.
        assert_json_refusal(self, self.server.post("/api/build", "x", headers={"Content-Type": "text/plain"}), 415)

    def test_unknown_routes_answer_json(self):
        assert_json_refusal(self, self.server.get("/api/nothing"), 404)
        assert_json_refusal(self, self.server.request("DELETE", "/api/datasets/memo-work-standards"), 404)


class RenderIsolation(unittest.TestCase):
    def test_a_render_past_its_time_is_stopped(self):
        server = Server(project_copy("serve-timeout"), "--render-timeout", "0.01")
        try:
            answer = server.post("/api/render/memo", dataset("memo-work-standards"))
            assert_json_refusal(self, answer, 503)
            self.assertIn("longer than 0.01 s", answer.json()["message"])
            self.assertEqual(server.get("/api/health").status, 200)
        finally:
            self.assertEqual(server.stop()[0], 0)

    def test_a_crashed_render_does_not_take_the_server_down(self):
        server = Server(project_copy("serve-crash"))
        try:
            answers = []
            request = threading.Thread(target=lambda: answers.append(
                server.post("/api/render/annual-report", dataset("annual-report-2569"))))
            request.start()
            killed = False
            deadline = time.monotonic() + 60
            while not killed and request.is_alive() and time.monotonic() < deadline:
                for child in children_of(server.process.pid):
                    if b"serve-worker" in read_bytes(f"/proc/{child}/cmdline"):
                        os.kill(child, 9)
                        killed = True
                time.sleep(0.002)
            request.join()
            if not killed:
                self.skipTest("the render finished before it could be stopped")
            assert_json_refusal(self, answers[0], 500)
            self.assertIn("SIGKILL", answers[0].json()["message"])
            again = server.post("/api/render/memo", dataset("memo-work-standards"))
            self.assertEqual(again.status, 200)
        finally:
            self.assertEqual(server.stop()[0], 0)


def children_of(pid):
    children = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            parts = read_bytes(f"/proc/{entry}/stat").rsplit(b")", 1)
            fields = parts[1].split() if len(parts) == 2 else []
            if len(fields) > 1 and int(fields[1]) == pid:
                children.append(int(entry))
    return children


def read_bytes(path):
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError:
        return b""


class PasswordAndSessions(unittest.TestCase):
    def set_password(self, root, password):
        return subprocess.run([RAINGAN, "serve", "--set-password", "--root", root], input=password.encode() + b"\n",
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60)

    def test_beyond_loopback_a_password_is_required_to_start(self):
        root = project_copy("serve-nopassword")
        result = subprocess.run([RAINGAN, "serve", "--root", root, "--host", "0.0.0.0", "--port", "0"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("--set-password", result.stderr.decode())

    def test_a_short_password_is_refused(self):
        root = project_copy("serve-shortpassword")
        result = self.set_password(root, "short")
        self.assertEqual(result.returncode, 2)
        self.assertIn("at least 8", result.stderr.decode())
        self.assertFalse(os.path.exists(os.path.join(root, ".raingan", "serve-password")))

    def test_sign_in_with_a_session_cookie(self):
        root = project_copy("serve-password")
        password = "รหัสผ่าน-สพป-2569"
        self.assertEqual(self.set_password(root, password).returncode, 0)
        stored = os.path.join(root, ".raingan", "serve-password")
        self.assertEqual(stat.S_IMODE(os.stat(stored).st_mode), 0o600)
        self.assertEqual(stat.S_IMODE(os.stat(os.path.dirname(stored)).st_mode), 0o700)
        hashed = read_text(stored)
        self.assertTrue(hashed.startswith("$argon2id$"), hashed)
        self.assertNotIn(password, hashed)

        server = Server(root, host="0.0.0.0")
        try:
            session = server.get("/api/session").json()
            self.assertEqual(session, {"password_required": True, "signed_in": False})
            assert_json_refusal(self, server.get("/api/reports"), 401)
            assert_json_refusal(self, server.post("/api/render/memo", dataset("memo-work-standards")), 401)
            page = server.get("/")
            self.assertEqual((page.status, page.header("Location")), (303, "/login"))
            login = server.get("/login")
            self.assertEqual(login.status, 200)
            self.assertIn("รหัสผ่าน", login.body.decode("utf-8"))

            started = time.monotonic()
            assert_json_refusal(self, server.post("/api/login", {"password": "wrong-password"}), 401)
            self.assertGreaterEqual(time.monotonic() - started, 1.0)
            self.assertIsNone(server.post("/api/login", {"password": "wrong-password"}).header("Set-Cookie"))

            signed = server.post("/api/login", {"password": password})
            self.assertEqual(signed.status, 200)
            cookie = signed.header("Set-Cookie")
            for attribute in ("HttpOnly", "SameSite=Strict", "Path=/", "Max-Age="):
                self.assertIn(attribute, cookie)
            token = cookie.split(";", 1)[0]
            self.assertRegex(token, r"^raingan_session=[0-9a-f]{64}$")
            headers = {"Cookie": token}
            self.assertEqual(server.get("/api/reports", headers=headers).status, 200)
            self.assertEqual(server.post("/api/render/memo", dataset("memo-work-standards"), headers=headers).status, 200)
            forged = {"Cookie": "raingan_session=" + "0" * 64}
            assert_json_refusal(self, server.get("/api/reports", headers=forged), 401)

            self.assertEqual(server.post("/api/logout", {}, headers=headers).status, 200)
            assert_json_refusal(self, server.get("/api/reports", headers=headers), 401)
        finally:
            self.assertEqual(server.stop()[0], 0)


class Shutdown(unittest.TestCase):
    def test_sigterm_lets_the_render_in_progress_finish(self):
        server = Server(project_copy("serve-shutdown"))
        answers = []
        request = threading.Thread(target=lambda: answers.append(
            server.post("/api/render/annual-report", dataset("annual-report-2569"))))
        request.start()
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not any(
                b"serve-worker" in read_bytes(f"/proc/{c}/cmdline") for c in children_of(server.process.pid)):
            time.sleep(0.002)
        status, out = server.stop()
        request.join()
        self.assertEqual(status, 0, server.errors())
        self.assertIn("stopped", out)
        self.assertEqual(answers[0].status, 200, answers[0])
        self.assertTrue(answers[0].body.startswith(b"%PDF-"))
        self.assertEqual(os.listdir(server.tmp), ["server.log"])  # the scratch folder is gone


if __name__ == "__main__":
    unittest.main()
