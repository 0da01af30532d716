#!/usr/bin/env bash
# The project-list benchmark in the README: grades the example projects of Fixtures/projects, seeds a ledger with
# N projects made from them (default 100000, see seed-ledger.py),
# starts `wenping serve` on it and times the list page (`GET /projects`) with curl for every combination of the
# page's filters (kind, jurisdiction, grade, status: each "all" or one of the page's own options) plus a page in the
# middle, ROUNDS times each (default 5), interleaved; prints the distribution of the medians and the slowest pages.
# Before that, compare-queries.py times the first release's list query against the current one on the same ledger.
# Usage (from the repository root, after `swift build`): [ROUNDS=5] bash Benchmarks/workbench/run.sh [N]
set -euo pipefail
cd "$(dirname "$0")/../.."
COUNT=${1:-100000}
BIN=${WENPING_BIN:-.build/debug/wenping}
PORT=${PORT:-$((18800 + RANDOM % 900))}
ROUNDS=${ROUNDS:-5}
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
python3 Benchmarks/workbench/compare-queries.py "$WORK/wenping.sqlite"
start
COOKIE=$(curl -s -D - -o /dev/null -H 'Content-Type: application/json' \
    -d '{"name":"admin","password":"bench-admin-password"}' http://127.0.0.1:$PORT/api/v1/login \
    | grep -i '^set-cookie' | sed 's/^[Ss]et-[Cc]ookie: //; s/;.*//')
# Every filter combination, from the options the page itself offers.
curl -s -o "$WORK/list.html" -H "Cookie: $COOKIE" "http://127.0.0.1:$PORT/projects"
python3 - "$WORK/list.html" > "$WORK/pages" <<'PY'
import html, itertools, re, sys, urllib.parse
page = open(sys.argv[1]).read()
options = {}
for name in ["kind", "jurisdiction", "grade", "status"]:
    select = re.search(r'<select id="filter-%s" name="%s">(.*?)</select>' % (name, name), page, re.S).group(1)
    options[name] = [html.unescape(value) for value in re.findall(r'<option value="([^"]*)"', select)]
    assert options[name][0] == "" and len(options[name]) > 1, (name, options[name])
print("/projects?after=BM-050000")
for values in itertools.product(*options.values()):
    query = urllib.parse.urlencode([(name, value) for name, value in zip(options, values) if value])
    print("/projects" + ("?" + query if query else ""))
PY
mapfile -t PAGES < "$WORK/pages"
echo "${#PAGES[@]} pages (every filter combination and a page in the middle), $ROUNDS rounds"
for index in "${!PAGES[@]}"; do
    curl -s -o "$WORK/page.html" -H "Cookie: $COOKIE" "http://127.0.0.1:$PORT${PAGES[$index]}"
    echo "$index $(grep -o 'data-label="项目编号"' "$WORK/page.html" | wc -l)"
done > "$WORK/counts"
for round in $(seq 1 "$ROUNDS"); do
    for index in "${!PAGES[@]}"; do
        curl -s -o /dev/null -w "$index %{time_total}\n" -H "Cookie: $COOKIE" "http://127.0.0.1:$PORT${PAGES[$index]}"
    done
done > "$WORK/times"
python3 - "$WORK/times" "$WORK/counts" "$WORK/pages" <<'PY'
import statistics, sys, urllib.parse
times, counts = {}, {}
for line in open(sys.argv[1]):
    index, seconds = line.split()
    times.setdefault(int(index), []).append(float(seconds) * 1000)
for line in open(sys.argv[2]):
    index, count = line.split()
    counts[int(index)] = int(count)
pages = open(sys.argv[3]).read().split("\n")
medians = sorted((statistics.median(values), index) for index, values in times.items())
values = [median for median, _ in medians]
def quantile(q):
    return values[min(len(values) - 1, int(q * len(values)))]
print(f"medians over {len(values)} pages: median {statistics.median(values):.1f} ms, "
      f"90th percentile {quantile(0.9):.1f} ms, slowest {values[-1]:.1f} ms")
print(f"pages with fewer than 50 rows (filters that match few or no projects): "
      f"{sum(1 for count in counts.values() if count < 50)}")
print("| page (slowest ten and the unfiltered ones) | rows | median | slowest |")
print("|---|---|---|---|")
shown = [index for _, index in medians[-10:]][::-1]
shown += [index for index, page in enumerate(pages) if page in ("/projects", "/projects?after=BM-050000")]
for index in shown:
    print(f"| `{urllib.parse.unquote(pages[index])}` | {counts[index]} | {statistics.median(times[index]):.1f} ms "
          f"| {max(times[index]):.1f} ms |")
PY
