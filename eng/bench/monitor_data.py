#!/usr/bin/env python3
"""Seeded weekly batches for eng/bench/monitor_bench.sh: generate_data.py's 30 columns plus a timestamp 'ts'.

Usage: monitor_data.py OUT_DIR WEEKS ROWS_PER_WEEK [--first-week N] [--seed S]
Writes OUT_DIR/batches/week_NNN.csv for weeks first-week .. first-week+WEEKS-1 (week w starts on Monday 2025-01-06
plus w weeks; its rows are spread evenly over the week, naive timestamps), and OUT_DIR/reference.csv (ROWS_PER_WEEK
rows, no timestamp) when it does not exist. From week 26 on the numeric columns shift by 0.5 standard deviations.
The same arguments always write the same bytes; week w is drawn from the seed (S, w) alone, so adding a week never
changes the others.
"""
import argparse
import datetime as dt
import io
import os

import numpy as np

import generate_data


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("weeks", type=int)
    parser.add_argument("rows", type=int)
    parser.add_argument("--first-week", type=int, default=0)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    os.makedirs(os.path.join(args.out, "batches"), exist_ok=True)
    reference = os.path.join(args.out, "reference.csv")
    if not os.path.exists(reference):
        with open(reference, "w", encoding="utf-8", newline="\n") as f:
            generate_data.write_block(f, np.random.default_rng([args.seed, 10_000]), args.rows, 0.0, header=True)

    monday = dt.datetime(2025, 1, 6)
    for w in range(args.first_week, args.first_week + args.weeks):
        block = io.StringIO()
        generate_data.write_block(block, np.random.default_rng([args.seed, w]), args.rows, 0.5 if w >= 26 else 0.0, header=True)
        lines = block.getvalue().splitlines()
        start = monday + dt.timedelta(weeks=w)
        step = dt.timedelta(weeks=1) / args.rows
        path = os.path.join(args.out, "batches", f"week_{w:03d}.csv")
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write("ts," + lines[0] + "\n")
            for i, line in enumerate(lines[1:]):
                f.write((start + i * step).strftime("%Y-%m-%d %H:%M:%S") + "," + line + "\n")


if __name__ == "__main__":
    main()
