"""raingan's formula evaluator against LibreOffice: for several seeds, tests/formula_differential.cpp writes a
workbook of random cells and a few hundred random formulas (every supported function and operator, references
across three sheets with Thai names) with the values raingan::formula computes as their cached values;
LibreOffice headless recalculates every formula (xlsx_check.py), and each value must equal LibreOffice's.

Cases where LibreOffice and Excel are known to compute different things are not generated, or are generated and
marked in the manifest as not compared, each with the reason (see tests/differential/formula_generator.cpp).
RAINGAN_FORMULA_SEEDS="1 2 3" chooses the seeds; a failure names the seed, the cell, the formula and both
values, and `formula_differential SEED out.xlsx out.tsv` writes that workbook again."""
import os
import subprocess
import sys
import tempfile
import unittest

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import xlsx_check  # noqa: E402

PROGRAM = os.environ.get("RAINGAN_FORMULA_DIFFERENTIAL", "")
SCRATCH = os.environ.get("RAINGAN_TEST_TMP", tempfile.gettempdir())
SEEDS = [int(s) for s in os.environ.get("RAINGAN_FORMULA_SEEDS", "1 2 3 4 5 6").split()]
FORMULAS_PER_SHEET = 120

# Functions whose values the comparison cannot check: TODAY is volatile (xlsx_check skips it); TRUE(), FALSE()
# and NA() are covered by the unit tests.
NOT_GENERATED = {"TODAY", "TRUE", "FALSE", "NA"}


def read_manifest(path):
    functions, formulas = set(), {}
    with open(path, encoding="utf-8") as manifest:
        for line in manifest:
            line = line.rstrip("\n")
            if line.startswith("# functions:"):
                functions = set(line.split(":", 1)[1].strip().split(","))
                continue
            sheet, cell, formula, not_compared = line.split("\t")
            formulas[sheet, cell] = (formula, not_compared)
    return functions, formulas


class FormulaDifferential(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if not PROGRAM or not os.path.exists(PROGRAM):
            raise RuntimeError("RAINGAN_FORMULA_DIFFERENTIAL must name the formula_differential test program")
        os.makedirs(SCRATCH, exist_ok=True)
        cls.folder = tempfile.mkdtemp(prefix="formula-differential-", dir=SCRATCH)

    def test_cached_values_equal_libreoffice(self):
        supported = set(subprocess.run([PROGRAM, "--functions"], check=True, stdout=subprocess.PIPE, timeout=30)
                        .stdout.decode().split())
        used = set()
        differences = []
        compared_total = 0
        for seed in SEEDS:
            workbook = os.path.join(self.folder, "seed-%d.xlsx" % seed)
            manifest = os.path.join(self.folder, "seed-%d.tsv" % seed)
            subprocess.run([PROGRAM, str(seed), workbook, manifest, str(FORMULAS_PER_SHEET)], check=True, timeout=60)
            functions, formulas = read_manifest(manifest)
            used |= functions
            compared = [key for key, (_, not_compared) in formulas.items() if not not_compared]
            self.assertGreater(len(compared), 300, "seed %d: too few formulas compared" % seed)
            compared_total += len(compared)
            for m in xlsx_check.formula_mismatches(workbook, timeout=300):
                formula, not_compared = formulas.get((m.sheet, m.cell), (m.formula, ""))
                if not_compared:
                    continue
                differences.append("seed %d: %s!%s %s: raingan %r, LibreOffice %r" % (
                    seed, m.sheet, m.cell, formula, m.cached, m.recalculated))
        self.assertEqual(differences, [], "\n%d of %d formulas differ:\n%s" % (
            len(differences), compared_total, "\n".join(differences)))
        self.assertEqual(supported - NOT_GENERATED - used, set(), "supported functions no formula called")


if __name__ == "__main__":
    unittest.main(verbosity=2)
