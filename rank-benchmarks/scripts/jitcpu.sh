#!/usr/bin/env bash
# CPU per thread of one JVM run, grouped by thread name (the JIT's "C2 CompilerThre" and "C1
# CompilerThre" among them): what a cold command-line run spends compiling. Usage, from the
# repository's root:
#
#   /usr/bin/time rank-benchmarks/scripts/jitcpu.sh -Xmx1g -jar rank-examples/target/rankgauge.jar \
#     evaluate --plan seed --data /tmp/m1 --period 2026-11 --format csv --out x.csv
#
# It runs java with the arguments, reads /proc/PID/task/*/stat (user + system ticks) every 0.1 s,
# and prints each thread name's last reading in seconds when the JVM ends. Threads that end
# before the JVM keep their last reading (up to 0.1 s short). Linux only.
java "$@" &
PID=$!
declare -A last
while kill -0 $PID 2>/dev/null; do
  for t in /proc/$PID/task/*; do
    [ -r $t/stat ] || continue
    s=$(cat $t/stat 2>/dev/null) || continue
    name=$(cat $t/comm 2>/dev/null)
    rest=${s##*) }
    set -- $rest
    last[$(basename $t)]="$name|$((${12} + ${13}))"
  done
  sleep 0.1
done
wait $PID
for k in "${!last[@]}"; do echo "${last[$k]}"; done | awk -F'|' '{n=$1; gsub(/[0-9]+$/,"",n); a[n]+=$2} END {for (n in a) printf "%7.2f s  %s\n", a[n]/100, n}' | sort -nr
