#!/usr/bin/env bash
# Installs wenping into a temporary prefix with the README's command and checks what a user gets: a binary that
# needs no Swift runtime library, run from another folder, grading a project with the installed rules; the man
# page and the shell completions. Run by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
PREFIX="$(mktemp -d /tmp/wenping-prefix.XXXXXX)"
ELSEWHERE="$(mktemp -d /tmp/wenping-elsewhere.XXXXXX)"
SERVE=
trap '[ -n "$SERVE" ] && kill "$SERVE" 2>/dev/null; rm -rf "$PREFIX" "$ELSEWHERE"' EXIT
fail() { echo "test-install: $*" >&2; exit 1; }

make install PREFIX="$PREFIX"

BIN="$PREFIX/bin/wenping"
[ -x "$BIN" ] || fail "no executable at $BIN"
if ldd "$BIN" | grep -E 'libswift|libFoundation|libdispatch|libBlocksRuntime'; then
    fail "the installed binary needs Swift runtime libraries (above); build with --static-swift-stdlib"
fi
[ -f "$PREFIX/share/wenping/Rules/base.yaml" ] || fail "bundled rules not installed"

# From another folder, with no Rules/ there and no WENPING_RULES: the installed rules are used, also through a
# symbolic link to the binary (as a user's ~/bin/wenping would be).
ln -s "$BIN" "$ELSEWHERE/wenping-link"
cp "$ROOT/Fixtures/projects/house-expropriation/xa-road-low.yaml" "$ELSEWHERE/project.yaml"
for binary in "$BIN" "$ELSEWHERE/wenping-link"; do
    (cd "$ELSEWHERE" && env -u WENPING_RULES "$binary" assess project.yaml --format json > report.json) \
        || fail "$binary assess from $ELSEWHERE failed"
    grep -q '"grade_after": "低"' "$ELSEWHERE/report.json" || fail "unexpected report from $binary"
done
(cd "$ELSEWHERE" && env -u WENPING_RULES "$BIN" check > /dev/null) || fail "check of the installed rules failed"
[ -z "$(find "$PREFIX/share/wenping/Rules" -name '*.test.yaml')" ] || fail "rule tests were installed"
[ "$("$BIN" --version)" = "$(cd "$ROOT" && .build/release/wenping --version)" ] || fail "--version differs"

# The service from the installed binary serves its pages, styles and OpenAPI document from the installed
# share/wenping/server (not from the build folder, which a user may delete).
[ -f "$PREFIX/share/wenping/server/templates/layout.mustache" ] || fail "service templates not installed"
PORT=$((19700 + RANDOM % 200))
printf 'install-test-password' > "$ELSEWHERE/admin"
(cd "$ELSEWHERE" && exec env -u WENPING_RULES "$BIN" serve --port "$PORT" --ledger "$ELSEWHERE/wenping.sqlite" \
    --jobs-folder "$ELSEWHERE/jobs" --admin-password-file "$ELSEWHERE/admin" --bcrypt-cost 4 2> "$ELSEWHERE/serve.log") &
SERVE=$!
python3 - "$PORT" <<'PY' || { cat "$ELSEWHERE/serve.log" >&2; fail "the installed service does not serve its pages"; }
import sys, time, urllib.request
base = f"http://127.0.0.1:{sys.argv[1]}"
for _ in range(200):
    try:
        urllib.request.urlopen(base + "/healthz", timeout=1)
        break
    except OSError:
        time.sleep(0.05)
def get(path):
    with urllib.request.urlopen(base + path, timeout=10) as response:
        return response.status, response.read().decode()
checks = [("/login", "稳评工作台"), ("/static/workbench.css", "{"), ("/api/v1/openapi.json", '"openapi"')]
for path, text in checks:
    status, body = get(path)
    assert status == 200 and text in body, (path, status, body[:200])
PY
kill -TERM "$SERVE"; wait "$SERVE" || true; SERVE=

# The manual renders, and lists the subcommands; the completion scripts parse in their shells.
MANPAGE="$PREFIX/share/man/man1/wenping.1"
LANG=C.UTF-8 man -l "$MANPAGE" 2>/dev/null | grep -q "按规则给项目评级" || fail "man page does not render its Chinese"
MANPATH="$PREFIX/share/man" man wenping > /dev/null 2>&1 || fail "man wenping does not find the page"
bash -n "$PREFIX/share/bash-completion/completions/wenping" || fail "bash completion does not parse"
bash -c "source '$PREFIX/share/bash-completion/completions/wenping' && complete -p wenping" > /dev/null \
    || fail "bash completion does not register"
grep -q '#compdef wenping' "$PREFIX/share/zsh/site-functions/_wenping" || fail "zsh completion missing"
grep -q "complete -c 'wenping'" "$PREFIX/share/fish/vendor_completions.d/wenping.fish" || fail "fish completion missing"

make uninstall PREFIX="$PREFIX"
[ ! -e "$BIN" ] && [ ! -e "$PREFIX/share/wenping" ] || fail "uninstall left files behind"
echo "test-install: ok ($PREFIX)"
