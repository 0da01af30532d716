#!/usr/bin/env bash
# OpenAPI conformance: starts `wenping serve` on a loopback port with a fresh ledger, waits for /healthz, runs
# schemathesis (PyPI, in a venv) against /api/v1/openapi.json with an admin API token, bounded in time, then stops
# the server with SIGTERM and checks the ledger with `wenping ledger verify`. Token revocation is left out (it would
# revoke schemathesis's own token and turn every later call into 401); the Swift tests cover it. Hypothesis's health
# checks (generation too slow or too filtered, e.g. path parameters that cannot hold "/") are about the test data, not
# the server, and flake on a loaded 2-core machine: they are suppressed. PDF downloads are made by a stand-in for
# Chromium (.ci/stand-in/chromium) that answers at once: a real conversion takes seconds, longer than schemathesis's
# read timeout on a loaded machine; the Swift tests convert with LibreOffice and Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=${WENPING_BIN:-.build/debug/wenping}
PORT=${WENPING_CONFORMANCE_PORT:-18731}
VENV=.build/venv-schemathesis
WORK=$(mktemp -d)
SERVER_PID=""
cleanup() {
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then kill -TERM "$SERVER_PID" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

if [ ! -x "$VENV/bin/st" ]; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q schemathesis==4.32.5
fi

printf 'conformance-admin-password' > "$WORK/admin-password"
LOG_LEVEL=warning "$BIN" serve --port "$PORT" --ledger "$WORK/wenping.sqlite" --rules Rules \
    --admin-password-file "$WORK/admin-password" --jobs-folder "$WORK/jobs" --bcrypt-cost 4 --pdf-converter "$PWD/.ci/stand-in/chromium" \
    2> "$WORK/server.log" &
SERVER_PID=$!

for _ in $(seq 1 100); do
    if python3 -c "import urllib.request,sys; urllib.request.urlopen('http://127.0.0.1:$PORT/healthz', timeout=1)" 2>/dev/null; then
        break
    fi
    sleep 0.2
done

# Sign in as admin (the Secure cookie is passed by hand over loopback HTTP) and make an API token.
TOKEN=$(python3 - "$PORT" <<'PY'
import json, sys, urllib.request
base = f"http://127.0.0.1:{sys.argv[1]}"
request = urllib.request.Request(base + "/api/v1/login", method="POST", headers={"Content-Type": "application/json"},
                                 data=json.dumps({"name": "admin", "password": "conformance-admin-password"}).encode())
response = urllib.request.urlopen(request, timeout=10)
cookie = response.headers["Set-Cookie"].split(";")[0]
csrf = json.load(response)["csrfToken"]
request = urllib.request.Request(base + "/api/v1/tokens", method="POST",
                                 headers={"Content-Type": "application/json", "Cookie": cookie, "X-CSRF-Token": csrf},
                                 data=json.dumps({"name": "schemathesis"}).encode())
print(json.load(urllib.request.urlopen(request, timeout=10))["token"], end="")
PY
)

set +e
(cd "$WORK" && timeout 600 "$OLDPWD/$VENV/bin/st" run "http://127.0.0.1:$PORT/api/v1/openapi.json" \
    --header "Authorization: Bearer $TOKEN" --exclude-operation-id revokeToken \
    --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance,negative_data_rejection \
    --max-examples 30 --workers 2 --seed 1 --no-color --suppress-health-check=all)
STATUS=$?
set -e

kill -TERM "$SERVER_PID"
wait "$SERVER_PID" || SERVER_EXIT=$?
SERVER_PID=""
if [ "${SERVER_EXIT:-0}" != 143 ]; then
    echo "wenping serve exited with ${SERVER_EXIT:-0} after SIGTERM (expected 143)"
    cat "$WORK/server.log"
    exit 1
fi
"$BIN" ledger verify "$WORK/wenping.sqlite"
exit $STATUS
