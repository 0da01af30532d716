#!/usr/bin/env bash
# Browser tests of the workbench: Selenium (PyPI, in a venv) driving Debian's headless chromium through
# chromium-driver, and Debian's firefox-esr through marionette-driver (PyPI). The tests start `wenping serve`
# themselves on a loopback port with a fresh ledger.
# Screenshots (1280 px and 390 px) go to Tests/Browser/screenshots (not committed).
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v chromium >/dev/null || need+=(chromium)
command -v chromedriver >/dev/null || need+=(chromium-driver)
command -v firefox-esr >/dev/null || need+=(firefox-esr)
if [ ${#need[@]} -gt 0 ]; then
    echo "installing ${need[*]}"
    if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

# Firefox is driven through its own Marionette protocol (marionette-driver, Mozilla's client on PyPI): Selenium's
# Firefox driver needs geckodriver, which Debian does not package.
VENV=.build/venv-browser
if [ ! -x "$VENV/bin/pytest" ] || ! "$VENV/bin/python" -c "import selenium, marionette_driver" 2>/dev/null; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q selenium==4.51.0 pytest==9.2.0 marionette-driver==3.7.1
fi
export WENPING_REQUIRE_FIREFOX=1

export WENPING_BIN=${WENPING_BIN:-$PWD/.build/debug/wenping}
set +e
"$VENV/bin/pytest" -q -p no:cacheprovider Tests/Browser
STATUS=$?
set -e
if [ "$STATUS" -eq 5 ]; then
    echo "browser tests: pytest collected no tests (exit 5); failing" >&2
    exit 1
fi
exit "$STATUS"
