"""The list's query before and after the `project_list` table, side by side on one seeded ledger (SQL only, no
HTTP): the scan of every project's latest assessment that the first release ran (copied from its
SQLiteLedger+Overview.swift) and the index range read the ledger runs now (as SQLiteLedger.projectOverviewQuery
builds it for one ruleset or none). Each filter ROUNDS times, interleaved; prints medians in ms.

Usage: python3 compare-queries.py LEDGER [ROUNDS]
"""
import sqlite3
import statistics
import sys
import time

ledger, rounds = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 11
OLD = """
SELECT * FROM (
    SELECT p.id AS id,
        (SELECT max(version) FROM project_versions WHERE project_id = p.id) AS latest,
        a.id AS aid, a.ruleset_id, a.grade_before, a.grade_after, a.created_at AS assessed_at, a.project_version,
        (SELECT decision FROM reviews r WHERE r.assessment_id = a.id ORDER BY r.id DESC LIMIT 1) AS decision
    FROM projects p
    LEFT JOIN assessments a ON a.id = (SELECT max(id) FROM assessments WHERE project_id = p.id)
) {where} ORDER BY id LIMIT 51"""
OLD_STATE = {"编制中": "aid IS NULL", "待审核": "aid IS NOT NULL AND decision IS NULL", "已退回": "decision = '退回'",
             "已通过": "decision IN ('通过', '调整')"}
FILTERS = [  # (ruleset, grade after, state)
    (None, None, None), (None, "高", None), (None, None, "已退回"), (None, "高", "已退回"),
    ("chongqing/house-expropriation", None, None), ("chongqing/house-expropriation", "高", "已退回"),
    (None, "无", None),
]


def old(ruleset, grade, state):
    conditions, arguments = [], []
    if ruleset:
        conditions.append("ruleset_id IN (?)"); arguments.append(ruleset)
    if grade:
        conditions.append("grade_after = ?"); arguments.append(grade)
    if state:
        conditions.append(OLD_STATE[state])
    return OLD.format(where="WHERE " + " AND ".join(conditions) if conditions else ""), arguments


def new(ruleset, grade, state):
    conditions, arguments = [], []
    for column, value in [("ruleset_id", ruleset), ("state", state), ("grade_after", grade)]:
        if value:
            conditions.append(column + " = ?"); arguments.append(value)
    where = " WHERE " + " AND ".join(conditions) if conditions else ""
    return f"SELECT * FROM project_list{where} ORDER BY project_id LIMIT 51", arguments


db = sqlite3.connect(f"file:{ledger}?mode=ro", uri=True)
times = {}
for _ in range(rounds):
    for index, query in enumerate(FILTERS):
        for name, build in [("old", old), ("new", new)]:
            sql, arguments = build(*query)
            start = time.perf_counter()
            rows = db.execute(sql, arguments).fetchall()
            times.setdefault((index, name), []).append((time.perf_counter() - start) * 1000)
            times[(index, name, "rows")] = len(rows)
print(f"| filter (ruleset, grade after, state) | rows | before: scan | now: project_list | ratio |")
print("|---|---|---|---|---|")
for index, query in enumerate(FILTERS):
    before, now = statistics.median(times[(index, "old")]), statistics.median(times[(index, "new")])
    label = ", ".join(value or "全部" for value in query)
    print(f"| {label} | {times[(index, 'new', 'rows')]} | {before:.2f} ms | {now:.3f} ms | {before / now:.0f}× |")
