#!/usr/bin/env bash
# The cost of the batch job list page (`GET /batch`) with many job folders: grades one batch through the API,
# copies its folder into COUNT job folders (each its own id and upload time, a tenth of them still "running"),
# starts the service again on that jobs folder and times REQUESTS page loads with curl; prints the median and
# the slowest, in milliseconds, and the service's start time.
# Usage (from the repository root): bash Benchmarks/serve/batch-list.sh [COUNT] [REQUESTS]
# Builds and runs the release binary, as run.sh does; WENPING_BIN=path runs that binary instead.
set -euo pipefail
cd "$(dirname "$0")/../.."
COUNT=${1:-2000}
REQUESTS=${2:-30}
. Benchmarks/serve/binary.sh
PORT=${PORT:-$((18800 + RANDOM % 900))}
WORK=$(mktemp -d)
PID=
trap '[ -n "$PID" ] && kill -TERM $PID 2>/dev/null; rm -rf "$WORK"' EXIT
# JOBS: an existing jobs folder to copy instead of making one (to compare two builds on the same jobs); PAGE: a
# file to write the last page to.
printf 'bench-admin-password' > "$WORK/admin"
start() {
    "$BIN" serve --port $PORT --ledger "$WORK/wenping.sqlite" --jobs-folder "$WORK/jobs" \
        --admin-password-file "$WORK/admin" --bcrypt-cost 4 2>> "$WORK/server.log" &
    PID=$!
    for _ in $(seq 1 600); do curl -sf http://127.0.0.1:$PORT/healthz > /dev/null && return; sleep 0.05; done
    echo "server did not start" >&2; cat "$WORK/server.log" >&2; exit 1
}
login() {
    COOKIE=$(curl -s -D - -o "$WORK/login.json" -H 'Content-Type: application/json' \
        -d '{"name":"admin","password":"bench-admin-password"}' http://127.0.0.1:$PORT/api/v1/login \
        | grep -i '^set-cookie' | sed 's/^[Ss]et-[Cc]ookie: //; s/;.*//' | tr -d '\r')
}
if [ -n "${JOBS:-}" ]; then cp -r "$JOBS" "$WORK/jobs"; else
start
login
curl -sf -o /dev/null -H "Cookie: $COOKIE" -H "X-CSRF-Token: $(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["csrfToken"])' "$WORK/login.json")" \
    -H 'Content-Type: application/jsonl' --data-binary @Fixtures/batch/projects.jsonl http://127.0.0.1:$PORT/api/v1/batches
kill -TERM $PID; wait $PID || true; PID=
python3 - "$WORK/jobs" "$COUNT" <<'PY'
import json, os, shutil, sys, uuid
jobs, count = sys.argv[1], int(sys.argv[2])
first = os.path.join(jobs, os.listdir(jobs)[0])
for n in range(1, count):
    folder = os.path.join(jobs, str(uuid.uuid4()))
    shutil.copytree(first, folder)
    record = json.load(open(os.path.join(folder, "job.json")))
    record["createdAt"] = "2026-%02d-%02dT%02d:%02d:00Z" % (1 + n % 11, 1 + n % 28, n % 24, n % 60)
    record["file"] = "第 %d 批.jsonl" % n
    json.dump(record, open(os.path.join(folder, "job.json"), "w"), ensure_ascii=False)
    if n % 10 == 0:  # still running: no summary yet (marked 已中断 at the start)
        shutil.rmtree(os.path.join(folder, "out"))
PY
fi
[ -n "${KEEP_JOBS:-}" ] && cp -r "$WORK/jobs" "$KEEP_JOBS"
before=$(date +%s.%N)
start
echo "start with $COUNT job folders: $(python3 -c "print(round(($(date +%s.%N) - $before) * 1000))") ms"
login
for _ in $(seq 1 "$REQUESTS"); do
    curl -s -o /dev/null -w '%{time_total}\n' -H "Cookie: $COOKIE" http://127.0.0.1:$PORT/batch
done | sort -n | awk '{ t[NR] = $1 * 1000 } END { printf "GET /batch x %d: median %.1f ms, slowest %.1f ms\n", NR, t[int((NR + 1) / 2)], t[NR] }'
curl -s -H "Cookie: $COOKIE" http://127.0.0.1:$PORT/batch > "$WORK/page.html"
[ -n "${PAGE:-}" ] && sed 's/name="_csrf" value="[^"]*"/name="_csrf" value=""/' "$WORK/page.html" > "$PAGE"
grep -o '<tr><td data-label="上传时间">' "$WORK/page.html" | wc -l | sed 's/^/rows shown: /'
