#!/usr/bin/env python3
"""Report output throughput: `wenping batch` writing JSON reports, compact reports and the JSON Lines stream.

Not a test: run it by hand (it prints the load average it saw). It generates N projects as JSON Lines with
`wenping generate` (its default grade mix), then runs, interleaved, ROUNDS times each, into a fresh output
folder each time:

  json          wenping batch FILE --format json            (a pretty-printed report file per project)
  json-compact  wenping batch FILE --format json --compact  (a one-line report file per project)
  jsonl         wenping batch FILE --format jsonl           (one reports.jsonl for the batch)
  summary-only  wenping batch FILE --summary-only           (no reports: what the reports add)

all with `--jobs JOBS`. With `--baseline OTHER_BINARY`, each variant also runs with that binary (an earlier build),
in the same rounds, listed as `VARIANT@base`: a before/after comparison under the same load. Every run writes to a
new folder and nothing is removed until the end: on ext4 without a journal, a new inode skips every inode of its
group freed in the last minute (six, while the inode table block is still dirty), each skip a look-up, so files
made in the minutes after thousands were removed cost several times the kernel time (in a profile of 20,000
reports written right after a run's clean-up, 44% of all samples were in `recently_deleted` and
`find_inode_bit`). That would measure the clean-up rather than the batch: start the script at least six minutes
after the last large removal on the same file system (its own clean-up included). It prints per variant the median
wall time, projects per second (count ÷ median wall), user and system time, CPU time (user + system, from wait4)
per project and the bytes of reports written per project. Usage (from the repository root):

  swift build -c release --product wenping
  python3 Benchmarks/batch-reports.py [--count 100000] [--rounds 3] [--jobs 2] [--baseline OLD/wenping]
"""

import argparse
import importlib.util
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

# One child's wall, user and system seconds, as the summary-only benchmark measures them (the system time is
# mostly the kernel making files).
_spec = importlib.util.spec_from_file_location("batch_vs_json", os.path.join(os.path.dirname(__file__), "batch-vs-json.py"))
_bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_bench)

VARIANTS = {
    "json": ["--format", "json"],
    "json-compact": ["--format", "json", "--compact"],
    "jsonl": ["--format", "jsonl"],
    "summary-only": ["--summary-only"],
}


def report_bytes(folder):
    """Bytes of the reports in an output folder (report files and reports.jsonl; not the summaries)."""
    total = 0
    for root, _, files in os.walk(folder):
        for name in files:
            if root != folder or name == "reports.jsonl":
                total += os.path.getsize(os.path.join(root, name))
    return total


def generate(args, path):
    """Writes `args.count` generated projects to `path` as JSON Lines; returns `path`."""
    command = [args.wenping, "generate", "--rules", args.rules, "--ruleset", args.ruleset, "--count", str(args.count)]
    with open(path, "wb") as out:
        subprocess.run(command, stdout=out, check=True)
    return path


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--wenping", default=".build/release/wenping")
    parser.add_argument("--ruleset", default="national/house-expropriation")
    parser.add_argument("--rules", default="Rules")
    parser.add_argument("--only", nargs="*", default=list(VARIANTS), help="variants to run")
    parser.add_argument("--baseline", help="an earlier wenping binary to run each variant with too, interleaved")
    args = parser.parse_args()

    work = tempfile.mkdtemp(prefix="wenping-reports-bench-")
    projects = generate(args, os.path.join(work, "projects.jsonl"))
    size = os.path.getsize(projects)

    # (label, binary, variant): the baseline's run of a variant right before the new one's.
    runs = []
    for name in args.only:
        if args.baseline:
            runs.append((f"{name}@base", args.baseline, name))
        runs.append((name, args.wenping, name))
    results = {label: [] for label, _, _ in runs}
    written = {}
    load_before = os.getloadavg()
    for round in range(args.rounds):
        for label, binary, name in runs:  # interleaved: one of each per round
            output = os.path.join(work, f"out-{label}-{round}")
            command = [binary, "batch", projects, "--rules", args.rules, "--output", output, "--quiet",
                       "--jobs", str(args.jobs)] + VARIANTS[name]
            results[label].append(_bench.run_times(command))
            written[label] = report_bytes(output)
    load_after = os.getloadavg()
    shutil.rmtree(work, ignore_errors=True)
    print("(outputs removed: wait six minutes before the next run on this file system; see --help)", file=sys.stderr)

    print(f"{args.count} projects, {size / 1e6:.1f} MB JSON Lines, {args.rounds} interleaved rounds, "
          f"--jobs {args.jobs}, {os.cpu_count()} cores, load average {load_before[0]:.1f} before, "
          f"{load_after[0]:.1f} after")
    print(f"{'':18} {'wall s':>8} {'projects/s':>11} {'user s':>7} {'system s':>9} {'CPU µs/project':>15} "
          f"{'KB/project':>11}")
    for name, times in results.items():
        wall = statistics.median(w for w, _, _ in times)
        user = statistics.median(u for _, u, _ in times)
        system = statistics.median(s for _, _, s in times)
        cpu = statistics.median(u + s for _, u, s in times)
        print(f"{name:18} {wall:8.2f} {args.count / wall:11,.0f} {user:7.2f} {system:9.2f} "
              f"{cpu / args.count * 1e6:15.1f} {written[name] / args.count / 1000:11.1f}")
    print("(medians over the rounds; CPU = user + system)")


if __name__ == "__main__":
    main()
