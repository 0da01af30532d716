#!/usr/bin/env bash
# The service benchmark in the README: builds the release binary (`swift build -c release --product wenping`; from
# scratch about 16 CPU-minutes, then seconds), starts it as `wenping serve` on a loopback port with a fresh ledger,
# runs wrk against the dry-run endpoint and the stored endpoint, stops the server and verifies the ledger.
# Usage (from the repository root; needs wrk and curl from Debian): bash Benchmarks/serve/run.sh [SECONDS]
# WENPING_BIN=path runs that binary instead and builds nothing (e.g. .build/debug/wenping to compare builds).
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_EACH=${1:-20}
. Benchmarks/serve/binary.sh
echo "== $BIN"
PORT=${PORT:-$((18800 + RANDOM % 900))}
WORK=$(mktemp -d)
PID=
trap '[ -n "$PID" ] && kill -TERM $PID 2>/dev/null || true; rm -rf "$WORK"' EXIT
printf 'bench-admin-password' > "$WORK/admin"
LOG_LEVEL=warning "$BIN" serve --port $PORT --ledger "$WORK/wenping.sqlite" --jobs-folder "$WORK/jobs" \
    --admin-password-file "$WORK/admin" --bcrypt-cost 4 2> "$WORK/server.log" &
PID=$!
for _ in $(seq 1 100); do curl -sf http://127.0.0.1:$PORT/healthz > /dev/null && break; sleep 0.2; done
COOKIE=$(curl -s -D - -o "$WORK/login.json" -H 'Content-Type: application/json' \
    -d '{"name":"admin","password":"bench-admin-password"}' http://127.0.0.1:$PORT/api/v1/login \
    | grep -i '^set-cookie' | sed 's/^[Ss]et-[Cc]ookie: //; s/;.*//')
CSRF=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["csrfToken"])' "$WORK/login.json")
export WENPING_TOKEN=$(curl -s -H 'Content-Type: application/json' -H "Cookie: $COOKIE" -H "X-CSRF-Token: $CSRF" \
    -d '{"name":"bench"}' http://127.0.0.1:$PORT/api/v1/tokens | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
echo "== dry run: POST /api/v1/assess"
wrk -t2 -c16 -d${SECONDS_EACH}s --latency -s Benchmarks/serve/assess.lua http://127.0.0.1:$PORT/api/v1/assess
echo "== stored: POST /api/v1/projects"
wrk -t2 -c8 -d${SECONDS_EACH}s --latency -s Benchmarks/serve/store.lua http://127.0.0.1:$PORT/api/v1/projects
kill -TERM $PID; wait $PID || true
"$BIN" ledger verify "$WORK/wenping.sqlite"
