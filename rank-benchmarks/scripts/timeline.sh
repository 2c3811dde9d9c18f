#!/usr/bin/env bash
# Where a JVM's threads spend the machine, a tenth of a second at a time. Runs `java ARGS...`,
# reads /proc/PID/task/*/stat every 0.1 s while it runs, and prints one line per tick: the seconds
# since the start, the CPU the whole JVM used in the tick and, by group of threads, the CPU each
# group used, all in hundredths of a second per tenth of a second of wall time (so 20 is both
# cores of a 2-core machine busy the whole tick; a tick's CPU is scaled to 0.1 s when the tick
# ran longer). Groups are thread names without their numbers: `java` is the main thread,
# `rankgauge-csv` the CSV readers, `ForkJoinPool.commonPool-worker-` the common pool, `C2
# CompilerThre`/`C1 CompilerThre` the JIT compilers, `G1 ...`/`GC Thread#` the collector. The
# program's own output follows the timeline. Usage:
#
#   rank-benchmarks/scripts/timeline.sh -Xmx1g -jar rank-examples/target/rankgauge.jar \
#       evaluate --plan seed --data /tmp/m1 --period 2026-11 --format csv --out x.csv
#
# A tick below 20 on two cores is a core left idle: time a run can win back by overlapping work
# rather than by making any of it faster. Linux only (/proc); ticks are the kernel's, 1/100 s.
set -uo pipefail
OUT=$(mktemp)
java "$@" > "$OUT" 2>&1 &
PID=$!
START=$(date +%s%N)
while kill -0 "$PID" 2> /dev/null; do
  echo "TICK $(( ($(date +%s%N) - START) / 1000000 ))"
  cat /proc/"$PID"/task/*/stat 2> /dev/null
  sleep 0.1
done | awk '
  function flush() {
    if (t == "") return
    k = (t > pt) ? 100 / (t - pt) : 1
    line = sprintf("%5.1f %3d |", t / 1000, total * k + 0.5)
    for (g in group) if (group[g] > 0) line = line sprintf(" %s=%d", g, group[g] * k + 0.5)
    print line
    delete group; total = 0
  }
  /^TICK / { flush(); pt = t; t = $2; next }
  {
    lp = index($0, "("); rp = 0
    for (i = length($0); i > 0; i--) if (substr($0, i, 1) == ")") { rp = i; break }
    name = substr($0, lp + 1, rp - lp - 1); sub(/[0-9]+$/, "", name)
    split(substr($0, rp + 2), f, " ")
    id = $1; cpu = f[12] + f[13]
    d = cpu - last[id]; last[id] = cpu
    if (d > 0) { group[name] += d; total += d }
  }
  END { flush() }'
wait "$PID"
RC=$?
cat "$OUT"
rm -f "$OUT"
exit $RC
