#!/usr/bin/env bash
# Side by side: the rankgauge command line and a throwaway PostgreSQL 15 server on the same CSV
# files (from `rankgauge generate`), for the seed plan's four gauges in November 2026.
#
#   rank-benchmarks/scripts/vs-postgres.sh [DATA-DIR [JAR]]
#
# rankgauge: `evaluate --plan seed --format csv` with -Xmx1g, wall time of the whole process.
# PostgreSQL: COPY of the three files into unlogged tables, then the fastest query we found for
# the four gauges of every distributor (personal PV with customers' orders, group PV, active
# personal customers, active personal distributors), written out with COPY TO. Group PV needs
# the whole downline: a recursive query numbers the levels from the roots, then one UPDATE per
# level adds each level's group PV to the sponsors, bottom up, through the indexes (a recursive
# query that carries every distributor's PV up to all ancestors is O(n x depth) and did not
# finish in minutes on lines 2,500 deep). The server runs with fsync, full-page writes and
# synchronous commit off and generous memory: every advantage we could give it. Both sides'
# totals are printed, to show they computed the same figures.
set -euo pipefail
DATA=$(realpath "${1:-/tmp/m1}")
JAR=$(realpath "${2:-rank-examples/target/rankgauge.jar}")
PORT=${PORT:-55432}
PG=${PG:-/usr/lib/postgresql/15/bin}
WORK=$(mktemp -d /tmp/rankgauge-pg.XXXXXX)
chmod 755 "$WORK"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ "$(id -u)" = 0 ]; then chown postgres "$WORK"; fi
cleanup() {
  as_pg "$PG/pg_ctl" -D "$WORK/db" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
now() { date +%s.%N; }
secs() { echo "$2 - $1" | bc; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "data: $DATA ($(du -sm "$DATA" | cut -f1) MB)"

t0=$(now)
java -Xmx1g -jar "$JAR" evaluate --plan seed --data "$DATA" --period 2026-11 --format csv \
  --out "$WORK/rankgauge.csv" 2>/dev/null
t1=$(now)
rg=$(secs "$t0" "$t1")

as_pg "$PG/initdb" -D "$WORK/db" -A trust -U postgres --no-sync >/dev/null
as_pg "$PG/pg_ctl" -D "$WORK/db" -l "$WORK/db.log" -w -o "-p $PORT -k $WORK \
  -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off \
  -c shared_buffers=2GB -c work_mem=512MB -c maintenance_work_mem=1GB -c max_wal_size=16GB \
  -c max_parallel_workers_per_gather=2" start >/dev/null
psql() { command psql -h 127.0.0.1 -p "$PORT" -U postgres -X -q -v ON_ERROR_STOP=1 "$@"; }

psql <<'SQL'
CREATE UNLOGGED TABLE distributors (id text, sponsor_id text, join_date date, name text,
  email text, phone text);
CREATE UNLOGGED TABLE customers (id text, distributor_id text, name text, email text, phone text);
CREATE UNLOGGED TABLE orders (id text, buyer_type char(1), buyer_id text, date timestamp,
  pv numeric, cv numeric, amount numeric, status text);
SQL

t2=$(now)
psql -c "COPY distributors FROM '$DATA/distributors.csv' (FORMAT csv, HEADER true)" \
  -c "COPY customers FROM '$DATA/customers.csv' (FORMAT csv, HEADER true)" \
  -c "COPY orders FROM '$DATA/orders.csv' (FORMAT csv, HEADER true)"
t3=$(now)
psql <<SQL
-- Dates without an offset are local times in the plan's zone (America/Denver), as rankgauge
-- reads them; November 2026 is [2026-11-01, 2026-12-01) in that zone.
CREATE UNLOGGED TABLE ord AS
  SELECT buyer_type, buyer_id,
    sum(CASE status WHEN 'returned' THEN -abs(pv) WHEN 'cancelled' THEN 0 ELSE pv END) AS v,
    bool_or(status = 'paid') AS paid
  FROM orders WHERE date >= '2026-11-01' AND date < '2026-12-01' GROUP BY 1, 2;
CREATE INDEX ON distributors (sponsor_id);
ANALYZE distributors;
-- Each step of the recursion finds the children of a few thousand distributors: through the
-- index, not by hashing all million distributors again at every one of 2,500 levels (what the
-- planner chose by itself, and did not finish in ten minutes).
SET enable_hashjoin = off;
SET enable_mergejoin = off;
CREATE UNLOGGED TABLE lvl AS
  WITH RECURSIVE t(id, depth) AS (
    SELECT id, 0 FROM distributors WHERE sponsor_id IS NULL
    UNION ALL
    SELECT d.id, t.depth + 1 FROM t JOIN distributors d ON d.sponsor_id = t.id)
  SELECT id, depth FROM t;
RESET enable_hashjoin;
RESET enable_mergejoin;
CREATE UNLOGGED TABLE g AS
  SELECT d.id, d.sponsor_id, l.depth,
    coalesce(od.v, 0) + coalesce(cv.v, 0) AS pv,
    coalesce(cv.active, 0) AS active_customers,
    coalesce(od.v, 0) + coalesce(cv.v, 0) AS gv
  FROM distributors d
  JOIN lvl l ON l.id = d.id
  LEFT JOIN ord od ON od.buyer_type = 'D' AND od.buyer_id = d.id
  LEFT JOIN (SELECT c.distributor_id, sum(o.v) AS v, count(*) FILTER (WHERE o.paid) AS active
             FROM customers c JOIN ord o ON o.buyer_type = 'C' AND o.buyer_id = c.id
             GROUP BY 1) cv ON cv.distributor_id = d.id;
CREATE INDEX ON g (depth);
CREATE INDEX ON g (id);
ANALYZE g;
-- Each level's UPDATE finds that level's rows and their sponsors through the indexes: a few
-- hundred rows a level, where the planner by itself hashed the whole table at every level
-- (22 ms a level at 100,000 distributors, 11.3 s in all, against 0.8 s through the indexes).
SET enable_hashjoin = off;
SET enable_mergejoin = off;
DO \$\$
DECLARE k int;
BEGIN
  FOR k IN REVERSE (SELECT max(depth) FROM g)..1 LOOP
    UPDATE g SET gv = g.gv + s.gv
    FROM (SELECT sponsor_id, sum(gv) AS gv FROM g WHERE depth = k GROUP BY 1) s
    WHERE g.id = s.sponsor_id;
  END LOOP;
END
\$\$;
RESET enable_hashjoin;
RESET enable_mergejoin;
CREATE UNLOGGED TABLE results AS
  SELECT g.id, g.pv, g.gv, g.active_customers, coalesce(a.n, 0) AS active_distributors
  FROM g LEFT JOIN (SELECT sponsor_id, count(*) AS n FROM g WHERE pv >= 100 GROUP BY 1) a
    ON a.sponsor_id = g.id;
COPY results TO '$WORK/postgres.csv' (FORMAT csv, HEADER true);
SQL
t4=$(now)
copy=$(secs "$t2" "$t3")
query=$(secs "$t3" "$t4")
pg=$(secs "$t2" "$t4")

echo "PostgreSQL totals:  $(psql -At -c "SELECT count(*), sum(pv), sum(gv), sum(active_customers), sum(active_distributors) FROM results")"
echo "rankgauge totals:   $(python3 - "$WORK/rankgauge.csv" <<'PY'
import csv, sys
from decimal import Decimal
n = 0; pv = gv = ac = ad = Decimal(0)
with open(sys.argv[1], newline='', encoding='utf-8') as f:
    for r in csv.DictReader(f):
        n += 1; pv += Decimal(r['personal_sales']); gv += Decimal(r['group_sales'])
        ac += Decimal(r['active_personal_customers']); ad += Decimal(r['active_personal_distributors'])
print(f"{n}|{pv}|{gv}|{ac}|{ad}")
PY
)"
printf 'rankgauge evaluate (read, check, evaluate, write CSV): %6.1f s wall\n' "$rg"
printf 'PostgreSQL COPY of the three files:                   %6.1f s\n' "$copy"
printf 'PostgreSQL four gauges and COPY TO CSV:               %6.1f s\n' "$query"
printf 'PostgreSQL total:                                     %6.1f s\n' "$pg"
printf 'ratio PostgreSQL / rankgauge:                          %6.1fx\n' "$(echo "$pg / $rg" | bc -l)"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
