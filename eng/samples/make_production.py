#!/usr/bin/env python3
"""Writes the weekly production batches of the credit sample under samples/CreditRisk/production/.

Each batch is one week of scored applications with the time of the decision (`decided_at`, UTC), the label
`Status` and the model's probability of `bad` (`p_bad`, a fixed logistic scorecard standing in for the model):

- 26 weeks from Monday 2026-06-01, about 240 applications a week, drawn with replacement from data/train.csv;
- week 9 (2026-07-27) is an outage: 30 applications only, too few to judge (an insufficient window);
- from week 17 (2026-09-21) on, applicants shift: incomes fall by 40%, amounts rise by 50%, more have records,
  and the scorecard's ranking weakens (a third of the labels no longer follow it);
- labels arrive four weeks late: `Status` is empty for the last 4 weeks.

`reference.csv` is data/holdout.csv scored with the same scorecard: what the monitor compares each week with.
Deterministic (a seeded generator, no other randomness): run it again and the files come out byte for byte the
same. Standard library only. Usage: python3 eng/samples/make_production.py
"""
import csv
import datetime
import io
import math
import os
import random

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SAMPLE = os.path.join(ROOT, "samples", "CreditRisk")
OUT = os.path.join(SAMPLE, "production")
FIRST_WEEK = datetime.datetime(2026, 6, 1)
WEEKS = 26
OUTAGE_WEEK = 9
SHIFT_WEEK = 17
LATE_LABEL_WEEKS = 4

# Logistic regression fitted once on data/train.csv (scikit-learn, missing values as 0); AUC 0.84 on the holdout.
INTERCEPT = -3.205
COEFFICIENTS = [-0.846, 0.089, 0.188, 1.792, -0.819, -0.07, 0.16, 2.536, 1.772, 1.14, -0.341, -0.284]


def number(text):
    return float(text) if text not in ("", None) else 0.0


def p_bad(row):
    x = [
        number(row["Seniority"]) / 10,
        number(row["Time"]) / 12,
        number(row["Age"]) / 10,
        number(row["Expenses"]) / 100,
        number(row["Income"]) / 100,
        math.log1p(number(row["Assets"])),
        number(row["Debt"]) / 1000,
        number(row["Amount"]) / number(row["Price"]),
        1.0 if row["Records"] == "yes" else 0.0,
        1.0 if row["Job"] == "partime" else 0.0,
        1.0 if row["Home"] == "owner" else 0.0,
        1.0 if row["Marital"] == "married" else 0.0,
    ]
    z = INTERCEPT + sum(c * v for c, v in zip(COEFFICIENTS, x))
    return f"{1 / (1 + math.exp(-z)):.6f}"


def read(name):
    with open(os.path.join(SAMPLE, "data", name), newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        return reader.fieldnames, list(reader)


def shifted(row, rng):
    row = dict(row)
    if row["Income"]:
        row["Income"] = str(round(number(row["Income"]) * 0.6))
    row["Amount"] = str(round(number(row["Amount"]) * 1.5))
    if row["Records"] == "no" and rng.random() < 0.25:
        row["Records"] = "yes"
    if rng.random() < 1 / 3:
        row["Status"] = rng.choice(["good", "bad"])
    return row


def write(path, header, rows):
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=header, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    with open(path, "w", newline="", encoding="utf-8") as f:
        f.write(buffer.getvalue())


def main():
    rng = random.Random(20260601)
    fields, train = read("train.csv")
    _, holdout = read("holdout.csv")
    os.makedirs(os.path.join(OUT, "batches"), exist_ok=True)
    write(os.path.join(OUT, "reference.csv"), fields + ["p_bad"], [dict(r, p_bad=p_bad(r)) for r in holdout])
    for week in range(1, WEEKS + 1):
        start = FIRST_WEEK + datetime.timedelta(weeks=week - 1)
        count = 30 if week == OUTAGE_WEEK else rng.randint(200, 280)
        rows = []
        for _ in range(count):
            row = dict(rng.choice(train))
            if week >= SHIFT_WEEK:
                row = shifted(row, rng)
            row["p_bad"] = p_bad(row)
            if week > WEEKS - LATE_LABEL_WEEKS:
                row["Status"] = ""
            decided = start + datetime.timedelta(seconds=rng.randrange(7 * 24 * 3600))
            rows.append((decided, row))
        rows.sort(key=lambda r: r[0])
        out = [dict(decided_at=d.strftime("%Y-%m-%d %H:%M:%S"), **r) for d, r in rows]
        write(os.path.join(OUT, "batches", start.strftime("%Y-%m-%d") + ".csv"), ["decided_at"] + fields + ["p_bad"], out)


if __name__ == "__main__":
    main()
