#!/usr/bin/env python3
"""Batch throughput side by side: `wenping batch --summary-only` against Python's json.loads and orjson.

Not a test: run it by hand on a quiet machine (it prints the load average it saw). It generates N projects
as JSON Lines with `wenping generate`, then runs, interleaved, ROUNDS times each:

  json.loads   python3 reading the file line by line and parsing every line with json.loads
  orjson       the same with orjson.loads
  wenping      wenping batch FILE --summary-only (all cores)

and prints, per contender, the median wall time and CPU time (user + system, from wait4) and both ratios to
json.loads (wenping uses every core, json.loads one: on 2 cores the wall ratio is about half the CPU ratio).
The projects are `wenping generate`'s default grade mix. Usage (from the repository root):

  python3 -m venv .venv-bench && .venv-bench/bin/pip install orjson
  swift build -c release --product wenping
  .venv-bench/bin/python Benchmarks/batch-vs-json.py [--count 100000] [--rounds 5]
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

PARSE = """
import sys
{imp}
n = 0
with open(sys.argv[1], 'rb') as f:
    for line in f:
        if line.strip():
            {call}(line)
            n += 1
print(n)
"""


def run_times(command):
    """Wall, user and system seconds of one child process."""
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        sys.exit(f"failed: {' '.join(command)}")
    return wall, usage.ru_utime, usage.ru_stime


def run(command):
    """Wall seconds and CPU seconds (user + system) of one child process."""
    wall, user, system = run_times(command)
    return wall, user + system


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--wenping", default=".build/release/wenping")
    parser.add_argument("--ruleset", default="national/house-expropriation")
    parser.add_argument("--rules", default="Rules")
    args = parser.parse_args()

    work = tempfile.mkdtemp(prefix="wenping-bench-")
    projects = os.path.join(work, "projects.jsonl")
    with open(projects, "wb") as out:
        subprocess.run(
            [args.wenping, "generate", "--rules", args.rules, "--ruleset", args.ruleset, "--count", str(args.count)],
            stdout=out, check=True)
    size = os.path.getsize(projects)

    contenders = {
        "json.loads": [sys.executable, "-c", PARSE.format(imp="import json", call="json.loads"), projects],
        "wenping": [args.wenping, "batch", projects, "--rules", args.rules, "--output", os.path.join(work, "out"),
                    "--summary-only", "--quiet"],
    }
    try:
        import orjson  # noqa: F401
        contenders["orjson"] = [sys.executable, "-c", PARSE.format(imp="import orjson", call="orjson.loads"), projects]
    except ImportError:
        print("orjson not installed: pip install orjson (in a venv) to compare with it too", file=sys.stderr)

    results = {name: [] for name in contenders}
    load_before = os.getloadavg()
    for _ in range(args.rounds):
        for name, command in contenders.items():  # interleaved: one of each per round
            results[name].append(run(command))
    load_after = os.getloadavg()

    base = statistics.median(wall for wall, _ in results["json.loads"])
    base_cpu = statistics.median(cpu for _, cpu in results["json.loads"])
    print(f"{args.count} projects, {size / 1e6:.1f} MB JSON Lines, {args.rounds} interleaved rounds, "
          f"{os.cpu_count()} cores, load average {load_before[0]:.1f} before, {load_after[0]:.1f} after")
    print(f"{'':12} {'wall s':>8} {'CPU s':>8} {'CPU µs/project':>15} {'wall ÷ json.loads':>18} "
          f"{'CPU ÷ json.loads':>17}")
    for name, runs in results.items():
        wall = statistics.median(w for w, _ in runs)
        cpu = statistics.median(c for _, c in runs)
        print(f"{name:12} {wall:8.2f} {cpu:8.2f} {cpu / args.count * 1e6:15.1f} {wall / base:17.2f}× "
              f"{cpu / base_cpu:16.2f}×")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
