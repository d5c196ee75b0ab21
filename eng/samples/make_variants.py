#!/usr/bin/env python3
"""Writes the deliberately broken variants of the credit sample under samples/data/broken/ and its
drifted variant under samples/data/drifted/.

Deterministic (no randomness): run it again and the files come out byte for byte the same.
Standard library only. Usage: python3 eng/samples/make_variants.py
"""
import csv
import io
import os

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SOURCE = os.path.join(ROOT, "samples", "data", "credit_data.csv")
OUT = os.path.join(ROOT, "samples", "data", "broken")
DRIFTED = os.path.join(ROOT, "samples", "data", "drifted")


def read_rows():
    with open(SOURCE, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]


def write(name, header, rows, extra_lines=None, folder=OUT):
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    for i, row in enumerate(rows):
        if extra_lines and i in extra_lines:
            buffer.write(extra_lines[i] + "\n")
        writer.writerow(row)
    with open(os.path.join(folder, name), "w", newline="", encoding="utf-8") as f:
        f.write(buffer.getvalue())


def corrupted(header, rows):
    """Every kind of contract violation the sample contract catches, each at a known row."""
    col = {name: i for i, name in enumerate(header)}
    rows = [list(r) for r in rows]
    rows[9][col["Income"]] = "abc"          # record 10: not an integer
    rows[19][col["Amount"]] = "-500"        # record 20: below the minimum 0 (and fails the row check)
    rows[29][col["Home"]] = "castle"        # records 30, 31: unknown categories
    rows[30][col["Home"]] = "castle"
    rows[59][col["Status"]] = "maybe"       # record 60: unknown label
    for i in range(0, len(rows), 8):        # Job missing in 1 row of 8: over its budget
        rows[i][col["Job"]] = ""
    # A record with one field too many, between records 49 and 50 of the original data.
    broken_line = ",".join(rows[49]) + ",EXTRA"
    return rows, {49: broken_line}


def drifted(header, rows):
    """The same applicants a few years on: some columns moved, some did not (docs/drift.md uses it)."""
    col = {name: i for i, name in enumerate(header)}
    rows = [list(r) for r in rows]
    owners = 0
    for i, row in enumerate(rows):
        if row[col["Income"]] != "":
            row[col["Income"]] = str(round(int(row[col["Income"]]) * 13 / 10))  # incomes up 30%: drift
        row[col["Age"]] = str(int(row[col["Age"]]) + 5)                            # applicants 5 years older: drift
        row[col["Expenses"]] = str(int(row[col["Expenses"]]) + 1)                  # a negligible shift: no drift
        if row[col["Home"]] == "owner":
            owners += 1
            if owners % 2 == 0:
                row[col["Home"]] = "rent"                                          # half the owners now rent: drift
        if i % 5 == 0:
            row[col["Job"]] = ""                                                   # Job missing in 1 row of 5: missing-share drift
    return rows


def main():
    os.makedirs(OUT, exist_ok=True)
    header, rows = read_rows()
    bad_rows, extra = corrupted(header, rows)
    write("credit_corrupted.csv", header, bad_rows, extra)
    os.makedirs(DRIFTED, exist_ok=True)
    write("credit_drifted.csv", header, drifted(header, rows), folder=DRIFTED)


if __name__ == "__main__":
    main()
