"""raingan::formula computes the shipped registers' formulas as their cached values say (the values the
templates compute, which the register tests check against LibreOffice): each register is rendered by the real
CLI, its cells and formulas are read back from the XLSX file, and tests/formula_recompute.cpp evaluates every
formula over those cells."""
import json
import math
import os
import subprocess
import sys
import unittest

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cli_support  # noqa: E402
import xlsx_check  # noqa: E402

RECOMPUTE = os.environ.get("RAINGAN_FORMULA_RECOMPUTE", "")
REGISTERS = [
    ("transport-allowance-register.xml", "transport-allowance-2569-2.json"),
    ("budget-allocation-register.xml", "budget-allocation-2569.json"),
    ("inspection-followup-register.xml", "inspection-followup-2569-1.json"),
    ("survey-register.xml", "satisfaction-survey-2569.json"),
]


def kind_of(value):
    if value is None:
        return "blank"
    if isinstance(value, xlsx_check.ErrorValue):
        return "error"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, float):
        return "number"
    return "text"


def same(cached, kind, computed):
    if isinstance(cached, xlsx_check.ErrorValue) or kind == "error":
        return kind == "error" and cached == computed
    if isinstance(cached, str) or kind == "text":
        return kind == "text" and cached == computed
    if cached is None:
        return False
    # libxlsxwriter caches a boolean as 1 or 0.
    return math.isclose(float(cached), float(computed), rel_tol=1e-9, abs_tol=1e-9)


class ShippedRegisters(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if not RECOMPUTE or not os.path.exists(RECOMPUTE):
            raise RuntimeError("RAINGAN_FORMULA_RECOMPUTE must name the formula_recompute test program")
        cls.folder = cli_support.scratch("formula-registers")

    def test_every_register_formula(self):
        differences = []
        total = 0
        for template, dataset in REGISTERS:
            with self.subTest(template=template):
                xlsx = os.path.join(self.folder, template.replace(".xml", ".xlsx"))
                status, _, err = cli_support.run("render", os.path.join("templates", template),
                                                 os.path.join("datasets", dataset), "-o", xlsx)
                self.assertEqual(status, 0, err)
                workbook = xlsx_check.read_cells(xlsx)
                cells = [[sheet, ref, kind_of(c.value), c.value, None if c.formula is None else "=" + c.formula]
                         for sheet, sheet_cells in workbook.items() for ref, c in sheet_cells.items()]
                source = os.path.join(self.folder, template + ".cells.json")
                result = os.path.join(self.folder, template + ".values.json")
                with open(source, "w", encoding="utf-8") as out:
                    json.dump(cells, out, ensure_ascii=False)
                run = subprocess.run([RECOMPUTE, source, result], stderr=subprocess.PIPE, timeout=120)
                self.assertEqual(run.returncode, 0, run.stderr.decode("utf-8", "replace"))
                with open(result, encoding="utf-8") as values:
                    computed = json.load(values)
                self.assertGreater(len(computed), 10, template)
                total += len(computed)
                for sheet, ref, kind, value in computed:
                    cell = workbook[sheet][ref]
                    if not same(cell.value, kind, value):
                        differences.append("%s %s!%s =%s: cached %r, raingan::formula %r" % (
                            template, sheet, ref, cell.formula, cell.value, value))
        self.assertEqual(differences, [], "\n%d of %d formulas differ:\n%s" % (
            len(differences), total, "\n".join(differences)))


if __name__ == "__main__":
    unittest.main(verbosity=2)
