#!/usr/bin/env bash
# The transport-allowance register at 100,000 students: raingan `render` of
# templates/transport-allowance-register.xml (constant-memory mode, the template's default) against the same
# student sheet written by Python's XlsxWriter. Reports wall time, CPU time and peak RSS from /usr/bin/time -v.
#   bench/transport/run.sh [RAINGAN] [STUDENTS]
# Needs /usr/bin/time and python3-xlsxwriter (scripts/install-deps --bench).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
raingan="${1:-$root/build/raingan}"
students="${2:-100000}"
work="${TMPDIR:-/tmp}/raingan-bench-transport"
mkdir -p "$work"
dataset="$work/students-$students.json"
# Deterministic: the same seed and sizes give the same file.
if [[ ! -f "$dataset" ]]; then
  python3 "$root/scripts/make-transport-dataset.py" --students "$students" --hosts $((students / 330 + 1)) \
    --merged $((students / 110 + 1)) -o "$dataset"
fi

measure() {  # label, command...
  local label="$1"; shift
  local report="$work/$label.time"
  /usr/bin/time -v "$@" > /dev/null 2> "$report"
  local wall cpu_user cpu_sys rss
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$report")
  cpu_user=$(sed -n 's/.*User time (seconds): //p' "$report")
  cpu_sys=$(sed -n 's/.*System time (seconds): //p' "$report")
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$report")
  awk -v label="$label" -v wall="$wall" -v cpu="$cpu_user + $cpu_sys" -v rss="$rss" 'BEGIN {
    split(cpu, part, " [+] "); printf "%-28s wall %8s   cpu %5.2f s   peak RSS %6.1f MB\n", label, wall,
      part[1] + part[2], rss / 1024 }'
}

echo "transport register, $students students ($(du -h "$dataset" | cut -f1) of JSON), load average $(cut -d' ' -f1 /proc/loadavg)"
measure "raingan render" "$raingan" render "$root/templates/transport-allowance-register.xml" "$dataset" \
  -o "$work/raingan.xlsx"
measure "raingan validate (read only)" "$raingan" validate "$dataset"
measure "XlsxWriter (student sheet)" /usr/bin/python3 "$root/bench/transport/xlsxwriter_register.py" "$dataset" \
  "$work/xlsxwriter.xlsx"
ls -l "$work/raingan.xlsx" "$work/xlsxwriter.xlsx" | awk '{printf "%-50s %6.1f MB\n", $9, $5 / 1048576}'
