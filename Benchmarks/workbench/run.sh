#!/usr/bin/env bash
# The project-list benchmark in the README: grades the example projects of Fixtures/projects, seeds a ledger with
# N projects made from them (default 100000, see seed-ledger.py),
# starts `wenping serve` on it and times the list page (`GET /projects`, first page and filtered pages) with curl,
# each 21 times interleaved; prints the median and the slowest per page.
# Usage (from the repository root, after `swift build`): bash Benchmarks/workbench/run.sh [N]
set -euo pipefail
cd "$(dirname "$0")/../.."
COUNT=${1:-100000}
BIN=${WENPING_BIN:-.build/debug/wenping}
PORT=18734
WORK=$(mktemp -d)
PID=""
trap '[ -n "$PID" ] && kill -TERM $PID 2>/dev/null; rm -rf "$WORK"' EXIT
printf 'bench-admin-password' > "$WORK/admin"
"$BIN" batch Fixtures/projects/house-expropriation Fixtures/projects/land-requisition Fixtures/projects/major-project \
    --output "$WORK/batch" --format json 2> "$WORK/batch.log" || { cat "$WORK/batch.log"; exit 1; }
start() {
    LOG_LEVEL=warning "$BIN" serve --port $PORT --ledger "$WORK/wenping.sqlite" --jobs-folder "$WORK/jobs" \
        --admin-password-file "$WORK/admin" --bcrypt-cost 4 2>> "$WORK/server.log" &
    PID=$!
    for _ in $(seq 1 150); do curl -sf http://127.0.0.1:$PORT/healthz > /dev/null && return; sleep 0.2; done
    echo "server did not start"; cat "$WORK/server.log"; exit 1
}
start  # makes the schema and the admin user
kill -TERM $PID; wait $PID || true
/usr/bin/time -f "seeding took %e s" python3 Benchmarks/workbench/seed-ledger.py "$WORK/wenping.sqlite" "$WORK/batch" "$COUNT"
ls -l "$WORK/wenping.sqlite" | awk '{printf "ledger file: %.0f MB\n", $5 / 1048576}'
start
COOKIE=$(curl -s -D - -o /dev/null -H 'Content-Type: application/json' \
    -d '{"name":"admin","password":"bench-admin-password"}' http://127.0.0.1:$PORT/api/v1/login \
    | grep -i '^set-cookie' | sed 's/^[Ss]et-[Cc]ookie: //; s/;.*//')
PAGES=(
    "/projects"
    "/projects?after=BM-050000"
    "/projects?grade=%E9%AB%98"
    "/projects?status=%E5%B7%B2%E9%80%80%E5%9B%9E"
    "/projects?status=%E5%BE%85%E5%AE%A1%E6%A0%B8&grade=%E4%B8%AD"
    "/projects?kind=house_expropriation&jurisdiction=%E4%B8%AD%E5%9B%BD%2F%E5%9B%9B%E5%B7%9D%E7%9C%81%2F%E6%88%90%E9%83%BD%E5%B8%82&status=%E5%B7%B2%E9%80%9A%E8%BF%87"
    "/projects?status=%E7%BC%96%E5%88%B6%E4%B8%AD&grade=%E9%AB%98"
    "/projects?grade=%E6%97%A0"
)
for page in "${PAGES[@]}"; do
    curl -s -o "$WORK/page.html" -H "Cookie: $COOKIE" "http://127.0.0.1:$PORT$page"
    echo "$page: $(grep -o 'data-label="项目编号"' "$WORK/page.html" | wc -l) projects on the page"
done
for round in $(seq 1 21); do
    for index in "${!PAGES[@]}"; do
        curl -s -o /dev/null -w "$index %{time_total}\n" -H "Cookie: $COOKIE" "http://127.0.0.1:$PORT${PAGES[$index]}"
    done
done > "$WORK/times"
python3 - "$WORK/times" "${PAGES[@]}" <<'PY'
import statistics, sys, urllib.parse
times = {}
for line in open(sys.argv[1]):
    index, seconds = line.split()
    times.setdefault(int(index), []).append(float(seconds) * 1000)
print("| page | median | slowest of 21 |")
print("|---|---|---|")
for index, page in enumerate(sys.argv[2:]):
    values = times[index]
    print(f"| `{urllib.parse.unquote(page)}` | {statistics.median(values):.1f} ms | {max(values):.1f} ms |")
PY
