#!/usr/bin/env python3
"""Writes a seeded CSV of N rows shaped like samples/CreditRisk/data/train.csv for eng/bench/label_errors.sh.

Rows are drawn with replacement from the sample (seed 20261207); numeric columns get multiplicative noise
(N(1, 0.05), whole numbers kept whole) so that rows are not exact copies; 2% of labels are flipped.
Usage: label_errors_data.py <rows> <out.csv>
"""

import sys
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[2]
rows, out = int(sys.argv[1]), sys.argv[2]
rng = np.random.default_rng(20261207)
sample = pd.read_csv(ROOT / "samples" / "CreditRisk" / "data" / "train.csv")
data = sample.iloc[rng.integers(0, len(sample), size=rows)].reset_index(drop=True)
for column in ["Seniority", "Time", "Age", "Expenses", "Income", "Assets", "Debt", "Amount", "Price"]:
    noisy = data[column] * rng.normal(1.0, 0.05, size=rows)
    data[column] = noisy.round().astype("Int64")
flip = rng.random(rows) < 0.02
data.loc[flip, "Status"] = np.where(data.loc[flip, "Status"] == "good", "bad", "good")
data.to_csv(out, index=False)
