#!/usr/bin/python3
"""Seeded predictions CSV for the evaluate benchmark: label (0/1) and score (a probability), N rows.

    /usr/bin/python3 eng/bench/evaluate_data.py 1000000 eng/bench/out/evaluate_bench.csv [--seed 7]

Scores are a logistic of a latent signal plus noise, rounded to 6 decimals (ties as real model outputs have).
The same arguments always write the same bytes.
"""
import argparse
import numpy as np

parser = argparse.ArgumentParser()
parser.add_argument("rows", type=int)
parser.add_argument("out")
parser.add_argument("--seed", type=int, default=7)
args = parser.parse_args()
rng = np.random.default_rng(args.seed)
latent = rng.normal(size=args.rows)
label = (latent + rng.normal(size=args.rows) > 0.8).astype(np.int64)
score = np.round(1.0 / (1.0 + np.exp(-(latent + 0.7 * rng.normal(size=args.rows) - 0.8))), 6)
with open(args.out, "w") as f:
    f.write("label,score\n")
    f.write("".join("%d,%.6f\n" % (l, s) for l, s in zip(label, score)))
