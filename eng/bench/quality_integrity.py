#!/usr/bin/env python3
"""The pandas peer of `modelgates quality` for duplicates, conflicting labels and leakage (eng/bench/quality_integrity.sh).

Usage:
  quality_integrity.py inject TRAIN.csv HOLDOUT.csv OUT.csv [--seed S]
      writes HOLDOUT with injected rows: 1% exact duplicates of its own rows, 0.5% copies with the label (cat00)
      flipped (conflicts), 1% rows copied from TRAIN (leakage); seeded, so the same files always result.
  quality_integrity.py check HOLDOUT.csv TRAIN.csv
      reads both as text (as modelgates does: every column a string, empty fields missing) and prints one JSON line:
      the three counts and the wall seconds of read + checks. Duplicates: DataFrame.duplicated() (rows repeating an
      earlier row); conflicts: rows in groups of identical features (groupby) with more than one label; leakage:
      holdout rows whose features equal a training row (merge on the features). Needs pandas.
"""
import argparse
import json
import time

import numpy as np
import pandas as pd

LABEL = "cat00"


def read(path):
    return pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""])


def inject(args):
    rng = np.random.default_rng(args.seed)
    train, holdout = read(args.train), read(args.holdout)
    n = len(holdout)
    dups = holdout.iloc[rng.choice(n, n // 100, replace=False)]
    flips = holdout.iloc[rng.choice(n, n // 200, replace=False)].copy()
    flips[LABEL] = np.where(flips[LABEL] == "c0_0", "c0_1", "c0_0")
    leaks = train.iloc[rng.choice(len(train), n // 100, replace=False)]
    pd.concat([holdout, dups, flips, leaks]).to_csv(args.out, index=False)


def check(args):
    start = time.perf_counter()
    holdout, train = read(args.holdout), read(args.train)
    features = [c for c in holdout.columns if c != LABEL]
    duplicates = int(holdout.duplicated().sum())
    keyed = holdout[features].fillna("\0")
    labels = holdout[LABEL].fillna("\0")
    per_group = labels.groupby([keyed[c] for c in features], sort=False).transform("nunique")
    conflicts = int((per_group > 1).sum())
    reference = train[features].fillna("\0").drop_duplicates()
    leakage = len(keyed.merge(reference, on=features, how="inner"))
    seconds = time.perf_counter() - start
    print(json.dumps({"duplicates": duplicates, "conflictingLabels": conflicts, "leakage": leakage, "seconds": round(seconds, 2)}))


def main():
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("inject")
    p.add_argument("train")
    p.add_argument("holdout")
    p.add_argument("out")
    p.add_argument("--seed", type=int, default=11)
    c = sub.add_parser("check")
    c.add_argument("holdout")
    c.add_argument("train")
    args = parser.parse_args()
    inject(args) if args.command == "inject" else check(args)


if __name__ == "__main__":
    main()
