# Functions the bench/*instr.sh scripts share, to read a callgrind output (source this file).
#
# total FILE: the instructions the run executed.
# ops FILE:   "count op" for each goja bytecode op kind that goja's interpreter loop, (*vm).run,
#             called (each op's exec method), unsorted.
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
