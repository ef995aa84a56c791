#!/usr/bin/env bash
# The transport-allowance register at 100,000 students: raingan `render` of
# templates/transport-allowance-register.xml (constant-memory mode, the template's default) against the same
# student sheet written by Python's XlsxWriter, and against the same cells written by libxlsxwriter alone
# (libxlsxwriter_floor, built next to raingan). Reports wall time, CPU time and peak RSS from /usr/bin/time -v,
# and the floor program's own timing of its phases.
#   bench/transport/run.sh [RAINGAN] [STUDENTS]
# Needs /usr/bin/time and python3-xlsxwriter (scripts/install-deps --bench).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
raingan="${1:-$root/build/raingan}"
floor="$(dirname "$raingan")/bench/libxlsxwriter_floor"
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
  /usr/bin/time -v -o "$report" "$@" > /dev/null 2> "$work/$label.stderr"
  local load wall cpu_user cpu_sys rss
  load=$(cut -d' ' -f1 /proc/loadavg)
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$report")
  cpu_user=$(sed -n 's/.*User time (seconds): //p' "$report")
  cpu_sys=$(sed -n 's/.*System time (seconds): //p' "$report")
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$report")
  awk -v label="$label" -v wall="$wall" -v cpu="$cpu_user + $cpu_sys" -v rss="$rss" -v load="$load" 'BEGIN {
    split(cpu, part, " [+] "); printf "%-32s wall %8s   cpu %5.2f s   peak RSS %6.1f MB   load %s\n", label, wall,
      part[1] + part[2], rss / 1024, load }'
}

echo "transport register, $students students ($(du -h "$dataset" | cut -f1) of JSON), load average $(cut -d' ' -f1 /proc/loadavg)"
measure "raingan render" "$raingan" render "$root/templates/transport-allowance-register.xml" "$dataset" \
  -o "$work/raingan.xlsx"
measure "raingan validate (read only)" "$raingan" validate "$dataset"
measure "XlsxWriter (student sheet)" /usr/bin/python3 "$root/bench/transport/xlsxwriter_register.py" "$dataset" \
  "$work/xlsxwriter.xlsx"
if [[ -x "$floor" ]]; then
  # Its peak RSS is that of the writing: the program resets the peak once the dataset is read.
  measure "libxlsxwriter alone, same cells" "$floor" "$dataset" "$work/libxlsxwriter.xlsx"
  echo "  phases: $(cat "$work/libxlsxwriter alone, same cells.stderr")"
else
  echo "libxlsxwriter alone: $floor not built (cmake --build build --target libxlsxwriter_floor)"
fi
for book in raingan xlsxwriter libxlsxwriter; do
  if [[ -f "$work/$book.xlsx" ]]; then
    awk -v name="$work/$book.xlsx" -v size="$(stat -c %s "$work/$book.xlsx")" \
      'BEGIN { printf "%-50s %6.1f MB\n", name, size / 1048576 }'
  fi
done
