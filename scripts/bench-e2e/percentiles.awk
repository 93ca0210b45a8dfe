# Nearest-rank percentiles of numbers already sorted ascending, one per line: prints "N P50 P99 MAX" (3 decimals),
# or "0 - - -" when there are none.
function rank(p,   i) { i = n * p; if (i != int(i)) i = int(i) + 1; if (i < 1) i = 1; return v[i] }
{ v[++n] = $1 + 0 }
END {
  if (n == 0) { print "0 - - -"; exit }
  printf "%d %.3f %.3f %.3f\n", n, rank(0.50), rank(0.99), v[n]
}
