# Functions the bench/*instr.sh scripts share, to run gojs under callgrind and read its output
# (source this file).
#
# cg_run OUT STDOUT ERR "VAR=VALUE ..." CMD [ARG...]: runs CMD under callgrind (into OUT; its
#             stdout to STDOUT, stderr to ERR) with GOMAXPROCS=1, async preemption off, RDTSC for
#             the cycle counter (cpu.rdtscp=off: valgrind knows it) and the given variables (no
#             spaces in their values). A run can still die with SIGILL: when a Go runtime lock is
#             contended, the waiter reads the cycle counter with RDTSCP (runtime.cputicks), which
#             valgrind 3.19 does not know. Such a run is repeated (up to 5 tries); a failed run
#             must never be counted, so any other failure (or a fifth SIGILL) exits the script.
# total FILE: the instructions the run executed.
# ops FILE:   "count op" for each goja bytecode op kind that goja's interpreter loop, (*vm).run,
#             called (each op's exec method), unsorted.
cg_run() {
  out=$1 so=$2 err=$3 vars=$4
  shift 4
  try=1
  # shellcheck disable=SC2086 # (vars: one word per assignment)
  until env GOMAXPROCS=1 GODEBUG=asyncpreemptoff=1,cpu.rdtscp=off $vars valgrind --tool=callgrind \
    --callgrind-out-file="$out" "$@" >"$so" 2>"$err"; do
    if [ $try -ge 5 ] || ! grep -q 'SIGILL' "$err"; then
      tail -n 40 "$err" >&2
      exit 1
    fi
    try=$((try + 1))
  done
}
total() { awk '/^(summary|totals):/ { print $2; exit }' "$1"; }
ops() {
  awk '
    function name(s,   id, rest) {
      id = s; sub(/\).*/, "", id); sub(/^\(/, "", id)
      rest = s; if (sub(/^\([0-9]+\) /, "", rest)) { names[id] = rest; return rest }
      return (id in names) ? names[id] : s
    }
    /^fn=/ { fn = name(substr($0, 4)); next }
    /^cfn=/ { cfn = name(substr($0, 5)); next }
    /^calls=/ {
      if (fn ~ /goja\.\(\*vm\)\.run/ && cfn ~ /\.exec$/) { split($0, a, /[= ]/); n[cfn] += a[2] }
    }
    END { for (k in n) { o = k; sub(/.*goja\./, "", o); sub(/\.exec$/, "", o); gsub(/[()*]/, "", o); print n[k], o } }
  ' "$1"
}
# ops_per SMALL BIG UNITS UNIT: the ops the BIG run made beyond the SMALL one (two callgrind
# outputs), per each of the UNITS it did more, most first (TOP of them, default 12), then the total.
ops_per() {
  ops "$1" >"$1.ops"
  ops "$2" >"$2.ops"
  awk -v c="$3" '
    NR == FNR { s[$2] = $1; next }
    { d = ($1 - s[$2]) / c; t += d; if (d >= 0.05) printf "%10.2f %s\n", d, $2 }
    END { printf "%10.2f bytecode ops per '"$4"' in all\n", t > "/dev/stderr" }
  ' "$1.ops" "$2.ops" 2>"$2.optotal" | sort -rn | head -n "${TOP:-12}"
  cat "$2.optotal"
}
