#!/bin/bash
# Samples a command's /proc/PID/stat (user and system time, minor faults, RSS) every half second,
# and stamps each line it prints on stderr with the seconds since start. Then the CPU of one step:
#   rank-benchmarks/scripts/proc-sample.sh s10 java -Xmx8g -jar rankgauge.jar evaluate --plan seed --data /tmp/m10 --period 2026-11 --format csv --out x10.csv
#   rank-benchmarks/scripts/proc-sample.sh cpu s10    # user + system between the "read" and "checked" lines
# (docs/benchmarks.md, "The check step, eighth session").
if [ "$1" = cpu ]; then
p=$2
tr=$(grep -E "^ *[0-9.]+ read " $p.stderr | awk '{print $1}')
tc=$(grep -E "^ *[0-9.]+ checked" $p.stderr | awk '{print $1}')
awk -v a=$tr -v b=$tc '$1!="rc" { if ($1<=a) {ua=$3+$5; fa=$7} if ($1<=b) {ub=$3+$5; fb=$7} } END { printf "check window %.1f-%.1f s: cpu %.2f s, minflt %d\n", a, b, ub-ua, fb-fa }' $p.samples
  exit 0
fi
out=$1; shift
start=$(date +%s.%N)
"$@" > $out.stdout 2> >(while IFS= read -r l; do printf '%6.1f %s\n' "$(echo "$(date +%s.%N) - $start" | bc)" "$l"; done > $out.stderr) &
pid=$!
tck=$(getconf CLK_TCK)
: > $out.samples
while kill -0 $pid 2>/dev/null; do
  if [ -r /proc/$pid/stat ]; then
    s=$(cat /proc/$pid/stat 2>/dev/null) || break
    set -- $(echo "$s" | sed 's/.*) //')
    # fields after ')' : state(3)... minflt=10 -> index 8 here (3-based shift): state=1 ppid=2 pgrp=3 session=4 tty=5 tpgid=6 flags=7 minflt=8 cminflt=9 majflt=10 cmajflt=11 utime=12 stime=13 ... rss=22
    now=$(echo "$(date +%s.%N) - $start" | bc)
    printf '%6.1f user %7.2f sys %7.2f minflt %9d rssMB %6d\n' $now $(echo "${12}/$tck" | bc -l) $(echo "${13}/$tck" | bc -l) ${8} $(( ${22} * 4 / 1024 )) >> $out.samples
  fi
  sleep 0.5
done
wait $pid
echo "rc $?" >> $out.samples
