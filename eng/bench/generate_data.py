#!/usr/bin/env python3
"""Seeded generator of benchmark CSVs: 20 numeric and 10 categorical columns with some missing values.

Usage: generate_data.py ROWS OUT.csv [--seed S] [--shift SIGMAS] [--block-rows N]
  --block-rows generates and writes N rows at a time, block b drawn from the seed (S, b), so memory stays
  bounded whatever ROWS is (eng/bench/bounded_memory.sh writes 100M rows, ~20 GB, this way); the rows differ
  from those of an unblocked run with the same seed, the distributions do not.
  --shift moves the numeric columns' means by SIGMAS standard deviations and tilts category
  frequencies, to make a 'current' file that has drifted from a 'reference' one.
Needs numpy (Debian's python3-numpy). The same arguments always write the same bytes.
"""
import argparse
import numpy as np

CATEGORY_SIZES = [2, 3, 5, 8, 12, 20, 30, 50, 80, 120]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("rows", type=int)
    parser.add_argument("out")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--shift", type=float, default=0.0)
    parser.add_argument("--block-rows", type=int, default=0)
    args = parser.parse_args()

    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        if args.block_rows <= 0:
            write_block(f, np.random.default_rng(args.seed), args.rows, args.shift, header=True)
            return
        for b, start in enumerate(range(0, args.rows, args.block_rows)):
            rows = min(args.block_rows, args.rows - start)
            write_block(f, np.random.default_rng([args.seed, b]), rows, args.shift, header=(b == 0))


def write_block(f, rng, n, shift, header):
    columns = {}
    for i in range(20):
        scale = 10.0 ** (i % 4)
        if i % 5 == 0:
            values = rng.integers(0, 100 * (i + 1), n).astype(float) + shift * 29 * (i + 1)
            text = np.char.mod("%d", values)
        else:
            values = rng.normal(loc=i * scale, scale=scale, size=n) + shift * scale
            text = np.char.mod("%.6g", values)
        missing = rng.random(n) < 0.01 * (i % 3)
        text = np.where(missing, "", text)
        columns[f"num{i:02d}"] = text
    for j, size in enumerate(CATEGORY_SIZES):
        weights = np.arange(size, 0, -1, dtype=float) ** (1.0 + shift)
        weights /= weights.sum()
        codes = rng.choice(size, size=n, p=weights)
        labels = np.array([f"c{j}_{k}" for k in range(size)])
        text = labels[codes]
        missing = rng.random(n) < 0.02 * (j % 2)
        columns[f"cat{j:02d}"] = np.where(missing, "", text)

    names = list(columns)
    if header:
        f.write(",".join(names) + "\n")
    block = 100_000
    for start in range(0, n, block):
        stop = min(n, start + block)
        rows = zip(*(columns[c][start:stop] for c in names))
        f.write("\n".join(",".join(r) for r in rows))
        f.write("\n")


if __name__ == "__main__":
    main()
