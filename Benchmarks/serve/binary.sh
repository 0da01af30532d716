# Sourced by the service benchmarks (from the repository root): sets BIN to the wenping binary to run, the release
# build (built first: `swift build -c release --product wenping`) or, when WENPING_BIN is set, that binary unbuilt.
if [ -z "${WENPING_BIN:-}" ]; then
    swift build -c release --product wenping
    BIN="$(swift build -c release --show-bin-path)/wenping"
else
    BIN=$WENPING_BIN
fi
