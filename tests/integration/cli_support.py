"""What the integration tests share: running the real `raingan` CLI, reading its PDFs with poppler and qpdf,
and scratch folders. Standard library only (the tests run under Debian's python3)."""
import os
import shutil
import subprocess
import sys
import tempfile
import unicodedata

sys.dont_write_bytecode = True

RAINGAN = os.environ.get("RAINGAN", "")
SOURCE = os.environ.get("RAINGAN_SOURCE_DIR", os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..")))
SCRATCH_ROOT = os.environ.get("RAINGAN_TEST_TMP", tempfile.gettempdir())


def scratch(name):
    """A fresh folder for one test."""
    os.makedirs(SCRATCH_ROOT, exist_ok=True)
    return tempfile.mkdtemp(prefix=name + "-", dir=SCRATCH_ROOT)


def run(*arguments, cwd=None, timeout=120):
    """Runs raingan; returns (exit status, stdout, stderr)."""
    result = subprocess.run([RAINGAN, *arguments], cwd=cwd or SOURCE, timeout=timeout, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    return result.returncode, result.stdout.decode("utf-8"), result.stderr.decode("utf-8", "replace")


def pdftotext(pdf, raw=True, first=None, last=None):
    command = ["pdftotext", "-enc", "UTF-8"] + (["-raw"] if raw else [])
    if first:
        command += ["-f", str(first)]
    if last:
        command += ["-l", str(last)]
    result = subprocess.run(command + [pdf, "-"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=True)
    return result.stdout.decode("utf-8")


def no_space(text):
    """The text with all whitespace (and the invisible ZWSP/WJ) removed, NFC, for 'whitespace aside' checks."""
    text = unicodedata.normalize("NFC", text)
    return "".join(ch for ch in text if not ch.isspace() and ch not in "\u200b\u2060\ufeff")


def qpdf_check(pdf):
    """(exit status, output) of qpdf --check."""
    result = subprocess.run(["qpdf", "--check", pdf], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    return result.returncode, result.stdout.decode("utf-8", "replace")


def pdffonts(pdf):
    """[(name, embedded, subset, unicode)] for every font of the PDF."""
    out = subprocess.run(["pdffonts", pdf], stdout=subprocess.PIPE, check=True).stdout.decode("utf-8")
    lines = out.splitlines()
    widths = [len(part) for part in lines[1].split(" ")]
    fonts = []
    for line in lines[2:]:
        cells, position = [], 0
        for width in widths:
            cells.append(line[position:position + width].strip())
            position += width + 1
        fonts.append((cells[0], cells[3] == "yes", cells[4] == "yes", cells[5] == "yes"))
    return fonts


def page_count(pdf):
    out = subprocess.run(["pdfinfo", pdf], stdout=subprocess.PIPE, check=True).stdout.decode("utf-8")
    for line in out.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    raise AssertionError("pdfinfo shows no page count for " + pdf)


def file_bytes(path):
    with open(path, "rb") as handle:
        return handle.read()


def leftovers(folder):
    """Files in a folder other than the expected outputs: temporary files a failed write left behind."""
    return sorted(name for name in os.listdir(folder) if ".tmp" in name)


def copy_project_part(target, *parts):
    """Copies parts of the project (e.g. 'templates', 'datasets/schemas') into a scratch project."""
    for part in parts:
        source = os.path.join(SOURCE, part)
        destination = os.path.join(target, part)
        if os.path.isdir(source):
            shutil.copytree(source, destination, dirs_exist_ok=True)
        else:
            os.makedirs(os.path.dirname(destination), exist_ok=True)
            shutil.copy(source, destination)
