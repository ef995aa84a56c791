"""What the `raingan serve` tests share: a scratch copy of the project, a server started on a free loopback port
and stopped with SIGTERM, and HTTP through the standard library's http.client (no proxy, no browser)."""
import http.client
import json
import os
import select
import shutil
import signal
import subprocess
import time

from cli_support import RAINGAN, SOURCE, scratch

# A manifest small enough to build quickly also under the sanitizers: a text, a PDF and a register.
SMALL_MANIFEST = {"kind": "build-manifest", "documents": [
    {"dataset": "memo-work-standards.json", "template": "memo.xml", "output": "memo-work-standards.pdf"},
    {"dataset": "letter-transport-data-request.json", "template": "letter.xml",
     "output": "letter-transport-data-request.pdf"},
    {"dataset": "budget-allocation-2569.json", "template": "budget-allocation-register.xml",
     "output": "budget-allocation-register-2569.xlsx"}]}


def project_copy(name, manifest=SMALL_MANIFEST):
    """A scratch project: the templates, datasets (photos included) and fonts of the source tree."""
    root = scratch(name)
    for part in ("templates", "datasets", "fonts"):
        shutil.copytree(os.path.join(SOURCE, part), os.path.join(root, part), dirs_exist_ok=True)
    if manifest is not None:
        with open(os.path.join(root, "datasets", "manifest.json"), "w", encoding="utf-8") as out:
            json.dump(manifest, out, ensure_ascii=False, indent=2)
    return root


def read_text(path):
    with open(path, encoding="utf-8") as handle:
        return handle.read()


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body

    def header(self, name):
        return self.headers.get(name.lower())

    def json(self):
        return json.loads(self.body.decode("utf-8"))

    def __repr__(self):
        return f"<{self.status} {self.body[:300]!r}>"


class Server:
    """`raingan serve --root ROOT --port 0 ARGS…`; the port is read from the line it prints when listening."""

    def __init__(self, root, *arguments, host="127.0.0.1"):
        self.root = root
        self.tmp = scratch("serve-tmp")  # the server's scratch folders go here, to check they are removed
        self.log_path = os.path.join(self.tmp, "server.log")
        self.log = open(self.log_path, "wb")
        env = dict(os.environ, TMPDIR=self.tmp, RAINGAN_TODAY="2026-11-20")
        self.process = subprocess.Popen([RAINGAN, "serve", "--root", root, "--host", host, "--port", "0",
                                         *arguments], stdout=subprocess.PIPE, stderr=self.log, env=env)
        line = self._line(timeout=30)
        if "http://" not in line:
            self.process.kill()
            raise AssertionError(f"raingan serve did not start: {line!r}\n{self.errors()}")
        self.port = int(line.split("http://", 1)[1].split("/", 1)[0].rsplit(":", 1)[1])
        self.host = "127.0.0.1"

    def _line(self, timeout):
        ready, _, _ = select.select([self.process.stdout], [], [], timeout)
        return self.process.stdout.readline().decode("utf-8") if ready else ""

    def errors(self):
        if not self.log.closed:
            self.log.flush()
        with open(self.log_path, encoding="utf-8", errors="replace") as handle:
            return handle.read()

    def request(self, method, path, body=None, headers=None, timeout=300):
        connection = http.client.HTTPConnection(self.host, self.port, timeout=timeout)
        try:
            headers = dict(headers or {})
            if isinstance(body, (dict, list)):
                body = json.dumps(body, ensure_ascii=False).encode("utf-8")
                headers.setdefault("Content-Type", "application/json")
            elif isinstance(body, str):
                body = body.encode("utf-8")
            if body is None and method in ("POST", "PUT"):
                body = b""
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            return Response(response.status, {k.lower(): v for k, v in response.getheaders()}, response.read())
        finally:
            connection.close()

    def get(self, path, **options):
        return self.request("GET", path, **options)

    def post(self, path, body=None, **options):
        return self.request("POST", path, body, **options)

    def put(self, path, body=None, **options):
        return self.request("PUT", path, body, **options)

    def peak_rss_kb(self):
        """The server process's peak resident memory (VmHWM), in KiB."""
        with open(f"/proc/{self.process.pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
        return 0

    def stop(self, timeout=60):
        """SIGTERM, as a service manager stops it; returns (exit status, rest of stdout)."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            out, _ = self.process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            out, _ = self.process.communicate()
        self.log.close()
        return self.process.returncode, out.decode("utf-8")


def dataset(name):
    """A dataset of the source tree, as a Python value."""
    return json.loads(read_text(os.path.join(SOURCE, "datasets", name + ".json")))


def pdf_text(data, folder):
    """pdftotext of PDF bytes (raw order, whitespace as extracted)."""
    path = os.path.join(folder, f"out-{time.monotonic_ns()}.pdf")
    with open(path, "wb") as out:
        out.write(data)
    result = subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, check=True)
    os.remove(path)
    return result.stdout.decode("utf-8")
