#!/usr/bin/env python3
"""Writes responses.csv: a made-up but realistic household survey for the 幸福里 expropriation (西安市).

Deterministic (its own linear congruential generator, no dependence on Python's `random`), so running it again
gives the same bytes:  python3 Fixtures/survey/generate.py > Fixtures/survey/responses.csv

1,236 questionnaires from 1,280 households in four areas, exported the way Excel writes "CSV UTF-8": a byte
order mark, CRLF line ends. Answers use the spellings people actually type (非常支持, 不支持, 是/否 …), and
27 rows are spoiled on purpose: a misspelt answer, a blank required answer, a repeated questionnaire number,
a comma inside an unquoted answer, plus two blank lines. See README.md for the expected counts.
"""
import sys

state = 20250301


def rand():
    """Next pseudo-random number in [0, 1) from a 32-bit LCG (Numerical Recipes constants)."""
    global state
    state = (1664525 * state + 1013904223) % (2**32)
    return state / 2**32


def pick(weighted):
    r = rand()
    total = 0.0
    for value, weight in weighted:
        total += weight
        if r < total:
            return value
    return weighted[-1][0]


AREAS = [("东片", 0.30), ("西片", 0.25), ("南片", 0.25), ("北片", 0.20)]
# Opposition is higher in 北片 (older housing, more tenants), lower in 东片.
ATTITUDE = {
    "东片": [("支持", 0.58), ("非常支持", 0.20), ("无所谓", 0.10), ("说不清", 0.05), ("反对", 0.04), ("不支持", 0.03)],
    "西片": [("支持", 0.55), ("非常支持", 0.18), ("无所谓", 0.10), ("说不清", 0.06), ("反对", 0.07), ("不支持", 0.04)],
    "南片": [("支持", 0.52), ("非常支持", 0.17), ("无所谓", 0.12), ("说不清", 0.06), ("反对", 0.08), ("不支持", 0.05)],
    "北片": [("支持", 0.45), ("非常支持", 0.12), ("无所谓", 0.13), ("说不清", 0.08), ("反对", 0.13), ("不支持", 0.09)],
}
AWARE = [("了解", 0.62), ("是", 0.20), ("不了解", 0.13), ("否", 0.05)]
RESETTLE = [("货币补偿", 0.46), ("产权调换", 0.39), ("还没想好", 0.15)]
CONCERN = [("补偿标准", 0.38), ("安置房位置", 0.20), ("过渡期", 0.12), ("子女上学", 0.08), ("", 0.22)]

SPOILED = {
    # row index (0-based among questionnaires) -> how it is spoiled
    17: "typo", 95: "blank", 160: "duplicate", 233: "comma", 301: "typo", 377: "blank", 420: "typo",
    468: "duplicate", 512: "aware-typo", 580: "blank", 633: "comma", 701: "typo", 745: "aware-blank",
    802: "duplicate", 860: "typo", 905: "blank", 951: "aware-typo", 999: "typo", 1040: "comma",
    1077: "blank", 1101: "duplicate", 1133: "typo", 1160: "aware-blank", 1188: "typo", 1203: "blank",
    1219: "duplicate", 1230: "typo",
}
TYPOS = ["反队", "支特", "同意", "不清楚", "?"]
BLANK_LINES = {400, 900}


def main():
    out = sys.stdout
    out.write("\ufeff")
    out.write("问卷编号,片区,家庭人口,对本次征收的态度,是否了解补偿方案,安置方式意愿,主要顾虑\r\n")
    typo = 0
    for index in range(1236):
        if index in BLANK_LINES:
            out.write("\r\n")
        number = f"XFL-{index + 1:04d}"
        area = pick(AREAS)
        people = 1 + int(rand() * 5)
        attitude = pick(ATTITUDE[area])
        aware = pick(AWARE)
        resettle = pick(RESETTLE)
        concern = pick(CONCERN)
        how = SPOILED.get(index)
        if how == "typo":
            attitude = TYPOS[typo % len(TYPOS)]
            typo += 1
        elif how == "blank":
            attitude = ""
        elif how == "duplicate":
            number = f"XFL-{index:04d}"  # the previous questionnaire's number, typed again
        elif how == "aware-typo":
            aware = "知道一点"
        elif how == "aware-blank":
            aware = ""
        fields = [number, area, str(people), attitude, aware, resettle, concern]
        line = ",".join(fields)
        if how == "comma":
            line = ",".join(fields[:6] + ["补偿标准,过渡期"])  # two worries typed with a comma, no quotes
        out.write(line + "\r\n")


main()
