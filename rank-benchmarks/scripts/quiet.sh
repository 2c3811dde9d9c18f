#!/usr/bin/env bash
# End-of-session figures, one after the other on an otherwise idle machine: a clean clone of this
# repository at REV (default: the current branch's HEAD), its .ci/run timed, the benchmarks jar,
# three command-line runs at 1,000,000 (each compared with REFERENCE.csv), PairedRatio for both
# bundled plans, ProjectionRatio, and the doTERRA-like hub's advice latency. Usage:
#
#   rank-benchmarks/scripts/quiet.sh OUTDIR [REV]
#
# Needs /tmp/m1 (`java -jar rank-examples/target/rankgauge.jar generate --distributors 1000000
# --seed 1 --out /tmp/m1`) and /tmp/x.csv (the seed plan's results CSV of /tmp/m1 for 2026-11
# from a trusted jar). Takes about 10 minutes on 2 cores; OUTDIR/summary.txt holds the figures.
set -uo pipefail
OUT=$1
REPO=$(cd "$(dirname "$0")/../.." && pwd)
REV=${2:-$(git -C "$REPO" rev-parse HEAD)}
mkdir -p "$OUT"; rm -rf "$OUT/clone"
git clone -q "$REPO" "$OUT/clone" && cd "$OUT/clone" && git checkout -q "$REV"
echo "rev $(git rev-parse --short HEAD) $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$OUT/summary.txt"
/usr/bin/time -f "ci: %e s wall, %U user, %S sys" ./.ci/run > "$OUT/ci.log" 2> "$OUT/ci.time"; echo "ci rc=$? $(tail -1 $OUT/ci.time)" | tee -a "$OUT/summary.txt"
mvn -B -ntp -q -o -Pbenchmarks -Dexec.skip -pl rank-benchmarks -am package -DskipTests > "$OUT/bench-build.log" 2>&1
JAR=$OUT/clone/rank-examples/target/rankgauge.jar
for i in 1 2 3; do
  echo "cli run $i $(date -u +%H:%M:%S) load $(cut -d' ' -f1 /proc/loadavg)" >> "$OUT/summary.txt"
  /usr/bin/time -f "%e s wall, %U user, %S sys, %M KB" java -Xmx1g -jar "$JAR" evaluate --plan seed --data /tmp/m1 --period 2026-11 --format csv --out "$OUT/x.csv" 2>&1 | grep -v "rows" >> "$OUT/summary.txt"
  cmp "$OUT/x.csv" /tmp/x.csv && echo "  same as /tmp/x.csv" >> "$OUT/summary.txt"
done
rm -f "$OUT/x.csv"
B=$OUT/clone/rank-benchmarks/target/benchmarks.jar
for p in seed doterra; do
  echo "PairedRatio $p load $(cut -d' ' -f1 /proc/loadavg)" >> "$OUT/summary.txt"
  java -Xmx8g -cp "$B" dev.rankgauge.bench.PairedRatio 1000000 11 $p tree 2>&1 | tail -1 >> "$OUT/summary.txt"
done
echo "ProjectionRatio load $(cut -d' ' -f1 /proc/loadavg)" >> "$OUT/summary.txt"
java -Xmx8g -cp "$B" dev.rankgauge.bench.ProjectionRatio 1000000 15 2>&1 | tail -2 >> "$OUT/summary.txt"
echo "Advice hub load $(cut -d' ' -f1 /proc/loadavg)" >> "$OUT/summary.txt"
java -jar "$B" AdviceBenchmark.adviceForTheHub -p plan=doterra -f 1 -wi 3 -w 2s -i 5 -r 2s 2>&1 | grep -E "p0.50|p0.99 |p0.999 |adviceForTheHub " | tail -5 >> "$OUT/summary.txt"
echo "done $(date -u +%H:%M:%S)" >> "$OUT/summary.txt"
cat "$OUT/summary.txt"
