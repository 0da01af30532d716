"""Seeds a wenping ledger (schema made by `wenping serve`) with N projects for the project-list benchmark.

Each project is one of the graded example projects (`wenping batch` output) under a new id and name: one or two
versions, 0 to 2 assessments, and for most assessments a review (通过, 调整 or 退回), in the proportions of an
office's ledger (about 15 % 编制中, 35 % 待审核, 35 % 已通过, 15 % 已退回). The mix is uneven on purpose, as a real
ledger is: the ruleset is drawn with the weights in RULESET_WEIGHTS (most projects national, a few Chongqing), and
the grade after measures 低 65 %, 中 27 %, 高 8 % (the examples lean to 高, so grades are drawn, not the example's
own; the grade before measures is the same or one higher). The rows are therefore not consistent with their
truncated reports; the list reads only ids, names, rulesets, grades and reviews. Rows are written directly in one transaction for speed, so the hash chain of a seeded ledger does
not verify; the list query reads neither the chain nor the reports. `report_json` holds the first 8 KB of the
example's real report (real ones are ~55 KB): SQLite keeps at most about one page of a row on the table's leaf
pages and the rest on overflow pages, which the list query never reads.

Usage: python3 seed-ledger.py LEDGER BATCH_OUTPUT N
"""
import hashlib
import json
import pathlib
import random
import sqlite3
import sys

ledger, batch, count = sys.argv[1], pathlib.Path(sys.argv[2]), int(sys.argv[3])
summary = json.loads((batch / "summary.json").read_text())
templates = []
for row in summary["rows"]:
    if row.get("status") != "graded":
        continue
    path = pathlib.Path(row["reports"][0])
    report = (path if path.is_absolute() else batch / path).read_text()
    parsed = json.loads(report)
    templates.append({
        "ruleset": parsed["ruleset"]["id"], "version": parsed["ruleset"]["version"],
        "digest": parsed["ruleset"]["digest"].removeprefix("sha256:"), "before": row["grade_before"], "after": row["grade_after"],
        "kind": parsed["project"].get("kind", ""), "report": report[:8192],
    })
assert templates, "no graded example projects"
# Share of assessed projects per ruleset (an office in Xi'an that also handles the national kinds).
RULESET_WEIGHTS = {
    "national/house-expropriation": 30, "national/land-requisition": 20, "national/major-project": 25,
    "shaanxi/xian/house-expropriation": 15, "sichuan/chengdu/house-expropriation": 8,
    "chongqing/house-expropriation": 2,
}
by_ruleset = {}
for template in templates:
    by_ruleset.setdefault(template["ruleset"], []).append(template)
weighted = [name for name in RULESET_WEIGHTS if name in by_ruleset]
assert weighted, "none of the weighted rulesets graded an example"
HIGHER = {"低": "中", "中": "高", "高": "高"}


def graded():
    ruleset = random.choices(weighted, [RULESET_WEIGHTS[name] for name in weighted])[0]
    template = dict(random.choice(by_ruleset[ruleset]))
    after = random.choices(["低", "中", "高"], [65, 27, 8])[0]
    template["after"], template["before"] = after, HIGHER[after] if random.random() < 0.5 else after
    return template
districts = ["莲湖区", "碑林区", "新城区", "雁塔区", "未央区", "灞桥区", "武侯区", "锦江区", "青羊区", "渝中区", "江北区", "沙坪坝区"]
works = ["棚户区改造房屋征收", "道路拓宽工程房屋征收", "小学扩建项目房屋征收", "地铁站点用地征收", "城中村改造项目", "污水处理厂扩建"]
random.seed(20261130)
db = sqlite3.connect(ledger)
db.execute("PRAGMA journal_mode=WAL")
seq = db.execute("SELECT coalesce(max(chain_seq), 0) FROM (SELECT chain_seq FROM assessments UNION ALL "
                 "SELECT chain_seq FROM reviews)").fetchone()[0]
previous = "0" * 64


def chained(text):
    global previous
    previous = hashlib.sha256((previous + text).encode()).hexdigest()
    return previous


with db:
    for number in range(1, count + 1):
        template = graded()
        project = f"BM-{number:06d}"
        name = f"{random.choice(districts)}第{number}号{random.choice(works)}"
        day = f"2026-{1 + number % 11:02d}-{1 + number % 28:02d}T09:{number % 60:02d}:00Z"
        db.execute("INSERT INTO projects (id, created_at, created_by) VALUES (?, ?, 'planner')", (project, day))
        versions = 2 if random.random() < 0.3 else 1
        for version in range(1, versions + 1):
            content = json.dumps({"id": project, "name": name, "version": version}, ensure_ascii=False)
            db.execute("INSERT INTO project_versions VALUES (?, ?, ?, ?, ?, ?, 'planner')",
                       (project, version, name, content, hashlib.sha256(content.encode()).hexdigest(), day))
        state = random.random()
        if state < 0.15:
            continue  # 编制中: saved, never assessed
        assessments = 2 if versions == 2 else 1
        for version in range(versions - assessments + 1, versions + 1):
            seq += 1
            cursor = db.execute(
                "INSERT INTO assessments (chain_seq, project_id, project_version, ruleset_id, ruleset_version, "
                "ruleset_digest, engine_version, created_at, created_by, grade_before, grade_after, index_before, "
                "index_after, report_json, prev_hash, row_hash) "
                "VALUES (?, ?, ?, ?, ?, ?, 'bench', ?, 'planner', ?, ?, 0.4, 0.3, ?, ?, ?)",
                (seq, project, version, template["ruleset"], template["version"], template["digest"], day,
                 template["before"], template["after"], template["report"], previous, chained(project)))
            assessment = cursor.lastrowid
            last = version == versions
            decision = None
            if not last:
                decision = "退回"
            elif state >= 0.50:
                decision = "退回" if state >= 0.85 else random.choice(["通过", "通过", "通过", "调整"])
            if decision:
                seq += 1
                db.execute(
                    "INSERT INTO reviews (chain_seq, assessment_id, reviewer, decision, adjusted_grade, comment, "
                    "created_at, prev_hash, row_hash) VALUES (?, ?, 'reviewer', ?, ?, ?, ?, ?, ?)",
                    (seq, assessment, decision, template["after"] if decision == "调整" else None,
                     "请补充入户调查材料" if decision == "退回" else "同意", day, previous, chained(str(assessment))))
db.execute("ANALYZE")
db.close()
print(f"seeded {count} projects into {ledger}")
