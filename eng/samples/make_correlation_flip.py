#!/usr/bin/env python3
"""Writes samples/data/multivariate/: two files whose columns have the same marginals but whose Income and Debt
correlation flips from +0.8 to -0.8 (docs/drift.md#multivariate-drift). Deterministic (numpy's seeded generator):
run it again to regenerate the files byte for byte.

- correlated.csv: 2,000 rows, Income and Debt standard normal with correlation +0.8, Age and Score independent
  normal, Region one of four categories.
- flipped.csv: 2,000 new rows of the same, with correlation -0.8: every column alone looks the same.
"""
import os

import numpy as np


def write(path, rows, correlation, seed):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal(rows)
    y = correlation * x + np.sqrt(1 - correlation ** 2) * rng.standard_normal(rows)
    age = rng.standard_normal(rows)
    score = rng.standard_normal(rows)
    region = rng.integers(0, 4, rows)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("Income,Debt,Age,Score,Region\n")
        for i in range(rows):
            f.write(f"{x[i]:.4f},{y[i]:.4f},{age[i]:.4f},{score[i]:.4f},{'NESW'[region[i]]}\n")


def main():
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "samples", "data", "multivariate")
    os.makedirs(root, exist_ok=True)
    write(os.path.join(root, "correlated.csv"), 2000, 0.8, 1)
    write(os.path.join(root, "flipped.csv"), 2000, -0.8, 2)


if __name__ == "__main__":
    main()
