#!/usr/bin/env bash
# Builds wenping's libFuzzer targets (release, libFuzzer + AddressSanitizer, core library only) and fuzzes each
# target for SECONDS seconds (default 60), one after the other on one core. See docs/hardening.md.
#
#   Fuzz/run.sh                  all four targets, a minute each
#   Fuzz/run.sh 900 FuzzRules    one target for 15 minutes
#   nice -n 19 Fuzz/run.sh 20    a smoke run on a shared machine
#
# Seeds are copied at run time from Rules/ and Fixtures/ into Fuzz/.build/corpus/<target>/, which keeps what
# libFuzzer adds, so later runs start where earlier ones stopped. Every limit below turns a problem into a
# finding: an input longer than MAX_LEN is never tried, one that runs longer than TIMEOUT seconds (a hang) or
# makes the process use more than RSS_MB (a blowup) is saved like a crash. Findings go to
# Fuzz/.build/findings/<target>/ (crash-*, timeout-*, oom-*, leak-*), the full log to Fuzz/.build/logs/<target>.log.
# Reproduce one with `Fuzz/.build/release/<target> <file>`. TIMEOUT, RSS_MB and LIBFUZZER_FLAGS (environment)
# change the limits or add libFuzzer flags.
# Exit status: 0 no finding, 1 some target found something, 2 the build failed.
set -uo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(FuzzYAML FuzzExpression FuzzRules FuzzProject)
: "${TIMEOUT:=10}"   # seconds per input; wall clock, so keep it generous on a loaded machine
: "${RSS_MB:=2048}"  # resident memory limit of the fuzzing process
: "${LIBFUZZER_FLAGS:=}"  # more libFuzzer flags for every target, such as -seed=1 or -len_control=0
build="Fuzz/.build"

# -use-ld=lld: gold aborts ("internal error in format_file_lineno") on the sanitizer-instrumented objects.
if ! swift build --package-path Fuzz -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld; then
    exit 2
fi

# Seeds: each target gets inputs of the kind it parses, copied fresh from the bundled files.
seed() {
    local target="$1" dir="$build/corpus/$1"
    mkdir -p "$dir"
    case "$target" in
        FuzzYAML)
            find Rules Fixtures -type f -name '*.yaml' -size -64k -exec cp {} "$dir/" \; ;;
        FuzzRules)
            # Rule files: the bundled ones and the rule-file cases of Fixtures/cases (not the rule tests).
            find Rules -name '*.yaml' ! -name '*.test.yaml' -exec cp {} "$dir/" \;
            find Fixtures/cases -type f -name '*.yaml' | while read -r file; do
                cp "$file" "$dir/case-$(echo "$file" | tr '/' '_')"
            done ;;
        FuzzProject)
            find Fixtures/projects -name '*.yaml' ! -name '*.expected.yaml' | while read -r file; do
                cp "$file" "$dir/project-$(echo "$file" | tr '/' '_')"
            done
            split -l 1 -a 3 Fixtures/batch/projects.jsonl "$dir/jsonl-" ;;
        FuzzExpression)
            # Every `when:` and `expr:` of the bundled rules and the expression cases, one per file.
            grep -rhoE "(when|expr): *('[^']*'|\"[^\"]*\"|[^,}#]*)" Rules Fixtures/cases |
                sed -E "s/^(when|expr): *//; s/^['\"]//; s/['\"] *$//" | sort -u |
                awk -v dir="$dir" 'length($0) > 0 { print > (dir "/seed-" NR) }' ;;
        *) echo "unknown target $target" >&2; return 1 ;;
    esac
}

case "$seconds" in *[!0-9]*|'') echo "usage: Fuzz/run.sh [SECONDS] [TARGET...]" >&2; exit 64 ;; esac
status=0
mkdir -p "$build/logs" "$build/tmp"
export TMPDIR="$PWD/$build/tmp"  # FuzzRules keeps its private copy of Rules/ there
export LSAN_OPTIONS="suppressions=$PWD/Fuzz/lsan.supp:print_suppressions=0"
for target in "${targets[@]}"; do
    seed "$target" || exit 64
    case "$target" in
        FuzzYAML|FuzzRules) max_len=65536 ;;
        FuzzProject) max_len=16384 ;;
        *) max_len=4096 ;;
    esac
    findings="$build/findings/$target"
    mkdir -p "$findings"
    log="$build/logs/$target.log"
    command=("$build/release/$target" "$build/corpus/$target" -dict=Fuzz/wenping.dict
        -max_total_time="$seconds" -max_len="$max_len" -timeout="$TIMEOUT" -rss_limit_mb="$RSS_MB"
        -malloc_limit_mb="$RSS_MB" -artifact_prefix="$findings/" -print_final_stats=1 $LIBFUZZER_FLAGS)
    echo "== $target, ${seconds}s: ${command[*]}"
    "${command[@]}" >"$log" 2>&1
    result=$?
    # The last status line (executions, coverage, corpus), the final statistics and any finding.
    grep -E "^#[0-9]+" "$log" | tail -1
    grep -E "^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)|^(==[0-9]+==)?ERROR|^SUMMARY|Test unit written to" "$log"
    if [ $result -ne 0 ]; then
        echo "!! $target found a problem (status $result); see $log and $findings/" >&2
        status=1
    fi
done
exit $status
