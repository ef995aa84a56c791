"""LibreOffice's verdict on the cached values of an XLSX workbook.

A workbook written by raingan carries, for every formula, the value the engine computed (the cached value
that readers show before recalculating). formula_mismatches() has LibreOffice headless open the workbook
with "recalculate on load: always" (a hard recalculation of every formula), save it again as XLSX, and
returns each formula cell whose recalculated value differs from the cached one in the original file.

    from xlsx_check import formula_mismatches
    for m in formula_mismatches("register.xlsx"):
        print(m)        # Sheet!H4 =F4*G4: cached 3001.0, LibreOffice 3000.0

Each call uses its own LibreOffice user profile in a temporary folder, so calls never share state and
never touch the user's own profile. Cached values are read straight from the package XML (zipfile), so
nothing beyond the Python standard library and LibreOffice (soffice) is needed.

Comparison rules: numbers are equal within rel_tol/abs_tol (a spreadsheet's double sum of amounts differs
from the exact satang total by a few ulps); a cached boolean and a number compare as 1/0 (libxlsxwriter
1.1.4 caches boolean formula results as numbers); strings compare exactly (no Unicode normalisation: Thai
text must come back byte for byte); error values (#N/A) compare by name. Formulas with volatile functions
(TODAY, NOW, RAND, RANDBETWEEN, OFFSET, INDIRECT, CELL, INFO) are not compared: their value depends on
when and where they are computed.
"""
import math
import os
import re
import shutil
import signal
import subprocess
import tempfile
import zipfile
import xml.etree.ElementTree as ElementTree
from typing import NamedTuple, Optional, Union

__all__ = ["Mismatch", "LibreOfficeError", "formula_mismatches", "read_cells", "convert"]

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PACKAGE_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
VOLATILE = re.compile(r"\b(TODAY|NOW|RAND|RANDBETWEEN|OFFSET|INDIRECT|CELL|INFO)\s*\(", re.IGNORECASE)

# LibreOffice's configuration: always recalculate OOXML and ODF documents on load (0 = always).
RECALCULATE_ALWAYS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
 <item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
 <item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""

Value = Union[None, float, str, bool, "ErrorValue"]


class ErrorValue(str):
    """A spreadsheet error value such as #N/A or #DIV/0!."""


class Cell(NamedTuple):
    formula: Optional[str]  # without '='; None for a constant
    value: Value  # the cached value; None when the cell has none


class Mismatch(NamedTuple):
    sheet: str
    cell: str
    formula: str
    cached: Value
    recalculated: Value

    def __str__(self):
        return "%s!%s =%s: cached %r, LibreOffice %r" % (self.sheet, self.cell, self.formula, self.cached,
                                                         self.recalculated)


class LibreOfficeError(RuntimeError):
    """LibreOffice is missing, failed, or timed out."""


def _sheet_paths(package):
    """[(sheet name, member path)] in workbook order."""
    workbook = ElementTree.fromstring(package.read("xl/workbook.xml"))
    relations = ElementTree.fromstring(package.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target") for r in relations.iter(PACKAGE_REL + "Relationship")}
    sheets = []
    for sheet in workbook.iter(MAIN + "sheet"):
        target = targets[sheet.get(REL + "id")]
        path = target[1:] if target.startswith("/") else os.path.normpath("xl/" + target).replace(os.sep, "/")
        sheets.append((sheet.get("name"), path))
    return sheets


def _shared_strings(package):
    if "xl/sharedStrings.xml" not in package.namelist():
        return []
    strings = []
    for item in ElementTree.fromstring(package.read("xl/sharedStrings.xml")).iter(MAIN + "si"):
        # Plain <t>, or rich-text runs <r><t>; phonetic hints <rPh> are not part of the value.
        parts = [item.find(MAIN + "t")] if item.find(MAIN + "t") is not None else \
            [run.find(MAIN + "t") for run in item.iter(MAIN + "r")]
        strings.append("".join((t.text or "") for t in parts if t is not None))
    return strings


def _cell_value(cell, shared):
    kind = cell.get("t", "n")
    if kind == "inlineStr":
        inline = cell.find(MAIN + "is")
        return None if inline is None else "".join(t.text or "" for t in inline.iter(MAIN + "t"))
    v = cell.find(MAIN + "v")
    if v is None:
        return None
    text = v.text or ""
    if kind == "s":
        return shared[int(text)]
    if kind == "str":
        return text
    if kind == "b":
        return text in ("1", "true")
    if kind == "e":
        return ErrorValue(text)
    return float(text) if text != "" else None


def read_cells(xlsx_path):
    """{sheet name: {"A1": Cell(formula, value)}} for every cell with a value or a formula."""
    with zipfile.ZipFile(xlsx_path) as package:
        shared = _shared_strings(package)
        workbook = {}
        for name, path in _sheet_paths(package):
            cells = {}
            with package.open(path) as stream:
                for _, element in ElementTree.iterparse(stream):
                    if element.tag != MAIN + "c":
                        continue
                    formula = element.find(MAIN + "f")
                    value = _cell_value(element, shared)
                    if formula is not None or value is not None:
                        cells[element.get("r")] = Cell(None if formula is None else (formula.text or ""), value)
                    element.clear()
            workbook[name] = cells
        return workbook


def _find_soffice(soffice):
    soffice = soffice or shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise LibreOfficeError("soffice not found: install LibreOffice Calc (Debian: libreoffice-calc-nogui)")
    return soffice


def _convert(xlsx_path, folder, output_filter, soffice, timeout):
    """Path of the file LibreOffice made from the workbook with `output_filter` ("xlsx:...", "pdf"),
    after recalculating every formula on load."""
    profile = os.path.join(folder, "profile")
    os.makedirs(os.path.join(profile, "user"))
    with open(os.path.join(profile, "user", "registrymodifications.xcu"), "w", encoding="utf-8") as config:
        config.write(RECALCULATE_ALWAYS)
    source = os.path.join(folder, "in", "book.xlsx")
    os.makedirs(os.path.dirname(source))
    shutil.copyfile(xlsx_path, source)
    out_dir = os.path.join(folder, "out")
    command = [soffice, "-env:UserInstallation=file://" + os.path.abspath(profile), "--headless",
               "--invisible", "--norestore", "--nolockcheck", "--nodefault",
               "--convert-to", output_filter, "--outdir", out_dir, source]
    # A session of its own, so a hung LibreOffice (oosplash and soffice.bin) is stopped as a whole.
    try:
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                   start_new_session=True)
    except OSError as error:
        raise LibreOfficeError("cannot start %s: %s" % (soffice, error))
    try:
        output, _ = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise LibreOfficeError("LibreOffice did not finish converting %s within %s s" % (xlsx_path, timeout))
    extension = output_filter.split(":")[0]
    result = os.path.join(out_dir, "book." + extension)
    if process.returncode != 0 or not os.path.exists(result):
        raise LibreOfficeError("LibreOffice could not convert %s to %s (exit %s): %s" % (
            xlsx_path, extension, process.returncode, output.decode("utf-8", "replace").strip()[-600:]))
    return result


def convert(xlsx_path, target_path, output_filter="pdf", *, soffice=None, timeout=120):
    """Has LibreOffice recalculate the workbook and save it as `output_filter` ("pdf", "csv:...") at
    target_path, to see what a reader's spreadsheet shows and prints."""
    soffice = _find_soffice(soffice)
    with tempfile.TemporaryDirectory(prefix="raingan-xlsx-check-") as folder:
        shutil.copyfile(_convert(xlsx_path, folder, output_filter, soffice, timeout), target_path)
    return target_path


def _same(cached, recalculated, rel_tol, abs_tol):
    if isinstance(cached, ErrorValue) or isinstance(recalculated, ErrorValue):
        return isinstance(cached, ErrorValue) and isinstance(recalculated, ErrorValue) and cached == recalculated
    if isinstance(cached, str) or isinstance(recalculated, str):
        return cached == recalculated
    if cached is None or recalculated is None:
        return cached is recalculated
    return math.isclose(float(cached), float(recalculated), rel_tol=rel_tol, abs_tol=abs_tol)


def formula_mismatches(xlsx_path, *, soffice=None, timeout=120, rel_tol=1e-9, abs_tol=1e-9):
    """Every formula cell whose cached value LibreOffice's recalculation does not reproduce.

    Raises LibreOfficeError when soffice is missing, fails or takes longer than `timeout` seconds, and
    FileNotFoundError / zipfile.BadZipFile when the workbook cannot be read.
    """
    soffice = _find_soffice(soffice)
    original = read_cells(xlsx_path)
    with tempfile.TemporaryDirectory(prefix="raingan-xlsx-check-") as folder:
        recalculated = read_cells(_convert(xlsx_path, folder, "xlsx:Calc MS Excel 2007 XML", soffice, timeout))
    mismatches = []
    for sheet, cells in original.items():
        for ref, cell in cells.items():
            if cell.formula is None or VOLATILE.search(cell.formula):
                continue
            again = recalculated.get(sheet, {}).get(ref)
            value = None if again is None else again.value
            if not _same(cell.value, value, rel_tol, abs_tol):
                mismatches.append(Mismatch(sheet, ref, cell.formula, cell.value, value))
    return mismatches
