#!/usr/bin/env bash
# Cold command-line runs of one or more jars in turn: issue 11's "whole run at 1,000,000 in 3 s
# wall with -Xmx1g" measured as the end-of-session figures in docs/benchmarks.md are. Usage, from
# the repository's root:
#
#   rank-benchmarks/scripts/cli-rounds.sh [-n ROUNDS] [-d DATA] [-r REFERENCE.csv] [-m MODES] \
#       LABEL=JAR[@JVM-OPTIONS] [LABEL=JAR[@JVM-OPTIONS] ...]
#
#   JVM-OPTIONS   options for that label's runs, after -Xmx1g (one shell word, options split on
#                 spaces): the same jar under several labels compares options, e.g.
#                 base=rankgauge.jar "c1=rankgauge.jar@-XX:TieredStopAtLevel=1"
#
#   -n ROUNDS     rounds (default 10); each round runs every jar in every mode once, in turn
#   -d DATA       the data folder (default /tmp/m1: `java -jar rank-examples/target/rankgauge.jar
#                 generate --distributors 1000000 --seed 1 --out /tmp/m1`)
#   -r REFERENCE  a results CSV every run's output must equal byte for byte (default: none)
#   -m MODES      "java" (java -Xmx1g -jar JAR), "launcher" (JAVA_OPTS=-Xmx1g
#                 rank-examples/bin/rankgauge with RANKGAUGE_JAR=JAR), or "both" (default)
#
# Every run is `evaluate --plan seed --data DATA --period 2026-11 --format csv --out FILE`, timed
# by /usr/bin/time. FILE is deleted before each run, since replacing an existing file of 242 MB
# costs the run about 0.15 s. The launcher's class-data archive is written once per jar, untimed,
# into a cache of this script's own that is removed at the end. Prints a line per run (label,
# mode, wall s, user s, system s, peak RSS MB, 1-minute load, whether the output equals the
# reference), then, over the runs that ended with the expected output, each label and mode's
# median, least and most wall time, how many runs took at most 3 s, and the medians of user and
# system CPU. Only figures taken in turn compare: the machine's speed moves by a fifth or more
# from one half hour to the next.
set -euo pipefail
usage() {
  echo "usage: $0 [-n ROUNDS] [-d DATA] [-r REFERENCE.csv] [-m java|launcher|both] LABEL=JAR ..." >&2
  exit 2
}
# The median of the numbers on standard input, one a line.
median() {
  sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
rounds=10
data=/tmp/m1
reference=
modes=both
while getopts n:d:r:m: opt; do
  case $opt in
    n) rounds=$OPTARG ;;
    d) data=$OPTARG ;;
    r) reference=$OPTARG ;;
    m) modes=$OPTARG ;;
    *) usage ;;
  esac
done
shift $((OPTIND - 1))
[ $# -gt 0 ] || usage
case $modes in
  java) modes="java" ;;
  launcher) modes="launcher" ;;
  both) modes="java launcher" ;;
  *) echo "$0: -m takes java, launcher or both, not $modes" >&2; exit 2 ;;
esac
jarOf() { local j=${1#*=}; echo "${j%%@*}"; }
optsOf() { case $1 in *@*) echo "${1#*@}" ;; *) echo ;; esac; }
for spec in "$@"; do
  jar=$(jarOf "$spec")
  if [ "$spec" = "${spec#*=}" ] || [ ! -f "$jar" ]; then
    echo "$0: $spec: expected LABEL=JAR[@JVM-OPTIONS] with an existing jar" >&2
    exit 2
  fi
done
[ -d "$data" ] || { echo "$0: no data folder $data" >&2; exit 2; }

launcher=$(cd "$(dirname "$0")/../../rank-examples/bin" && pwd)/rankgauge
work=$(mktemp -d /tmp/cli-rounds.XXXXXX)
trap 'rm -rf "$work"' EXIT
export RANKGAUGE_CACHE=$work/cache
out=$work/results.csv
runs=$work/runs.txt
: > "$runs"

if [[ " $modes " == *" launcher "* ]]; then
  # Each jar's archive, written by a first evaluate on the bundled seed data (not timed).
  seed=$(cd "$(dirname "$0")/../../rank-examples/data/seed" && pwd)
  for spec in "$@"; do
    JAVA_OPTS=-Xmx1g RANKGAUGE_JAR=$(jarOf "$spec") "$launcher" evaluate --plan seed --data "$seed" \
      --period 2026-11 --format csv --out "$out" > /dev/null 2>&1
    rm -f "$out"
  done
fi

one() { # one() LABEL MODE JAR [OPTIONS]: one timed run, its line appended to $runs and printed
  local label=$1 mode=$2 jar=$3 opts=${4:-} load rc same
  load=$(cut -d' ' -f1 /proc/loadavg)
  rm -f "$out"
  set +e
  if [ "$mode" = java ]; then
    # shellcheck disable=SC2086 # the options are split on spaces, as JAVA_OPTS is
    /usr/bin/time -f "%e %U %S %M" -o "$work/time" java -Xmx1g $opts -jar "$jar" evaluate --plan seed \
      --data "$data" --period 2026-11 --format csv --out "$out" > /dev/null 2> "$work/err"
  else
    JAVA_OPTS="-Xmx1g $opts" RANKGAUGE_JAR=$jar /usr/bin/time -f "%e %U %S %M" -o "$work/time" \
      "$launcher" evaluate --plan seed --data "$data" --period 2026-11 --format csv --out "$out" \
      > /dev/null 2> "$work/err"
  fi
  rc=$?
  set -e
  if [ $rc -ne 0 ]; then
    same="failed(exit $rc): $(tail -1 "$work/err")"
  elif [ -z "$reference" ]; then
    same=-
  elif cmp -s "$out" "$reference"; then
    same=same
  else
    same=DIFFERENT
  fi
  read -r wall user sys rss < <(tail -1 "$work/time")
  printf '%-12s %-8s %6.2f %6.2f %5.2f %5d %5s %s\n' "$label" "$mode" "$wall" "$user" "$sys" \
    $((rss / 1024)) "$load" "$same" | tee -a "$runs"
  rm -f "$out"
}

echo "$(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, data $data, $rounds rounds, modes: $modes"
echo "label        mode       wall   user   sys   RSS  load  output"
for i in $(seq 1 "$rounds"); do
  for mode in $modes; do
    for spec in "$@"; do
      one "${spec%%=*}" "$mode" "$(jarOf "$spec")" "$(optsOf "$spec")"
    done
  done
done

echo
echo "label        mode     runs  wall median (least to most)  <=3 s  user median  sys median"
for spec in "$@"; do
  for mode in $modes; do
    # Runs that failed or wrote other results are not counted.
    awk -v l="${spec%%=*}" -v m="$mode" '$1 == l && $2 == m && ($8 == "same" || $8 == "-")' \
      "$runs" > "$work/sel"
    if [ ! -s "$work/sel" ]; then
      printf '%-12s %-8s %4d  (no run ended with the expected output)\n' "${spec%%=*}" "$mode" 0
      continue
    fi
    n=$(wc -l < "$work/sel")
    wm=$(awk '{ print $3 }' "$work/sel" | median)
    lo=$(awk '{ print $3 }' "$work/sel" | sort -n | head -1)
    hi=$(awk '{ print $3 }' "$work/sel" | sort -n | tail -1)
    under=$(awk '$3 <= 3.0' "$work/sel" | wc -l)
    um=$(awk '{ print $4 }' "$work/sel" | median)
    sm=$(awk '{ print $5 }' "$work/sel" | median)
    printf '%-12s %-8s %4d  %5s s (%s to %s)        %5d  %8s s  %8s s\n' "${spec%%=*}" "$mode" \
      "$n" "$wm" "$lo" "$hi" "$under" "$um" "$sm"
  done
done
