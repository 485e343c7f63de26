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
