# shellcheck shell=bash
# Sourced by pair.sh and floor.sh: what a bench reads of a process, SIPp's statistics and the shell's `times`.
ticks() { awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat"; }   # utime + stime (fields 14, 15)
csv_sum() {   # csv_sum NAME FILE...: the sum of NAME's value on the last line of each of SIPp's statistics files
  local name=$1 f t=0; shift
  for f in "$@"; do
    t=$((t + $(awk -F';' -v name="$name" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == name) col = i; next }
                                          { v = $col } END { print v + 0 }' "$f")))
  done
  echo "$t"
}
# times_seconds FILE: the children's user + system seconds from the output of `times` written to FILE.
times_seconds() { awk 'NR == 2 { for (i = 1; i <= 2; i++) { split($i, p, /[ms]/); s += p[1] * 60 + p[2] } print s }' "$1"; }
