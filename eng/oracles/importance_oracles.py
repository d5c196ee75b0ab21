"""Oracle values of the importance shift gate's rank correlations: scipy.stats.spearmanr and
scipy.stats.kendalltau (tau-b) on seeded importance vectors, with and without ties, of the sizes a
model's columns have. Writes eng/oracles/importance.json.

Run: /usr/bin/python3 eng/oracles/importance_oracles.py
"""
import json
import pathlib

import numpy as np
import scipy
from scipy.stats import kendalltau, spearmanr

rng = np.random.default_rng(20261207)
cases = []
for name, n, kind in [
    ("similar", 8, "noisy"),
    ("reversed", 6, "reversed"),
    ("ties in both", 12, "ties"),
    ("zeros tied", 10, "zeros"),
    ("thirty columns", 30, "noisy"),
    ("unrelated", 15, "independent"),
]:
    x = rng.exponential(0.05, n)
    if kind == "noisy":
        y = x + rng.normal(0, 0.02, n)
    elif kind == "reversed":
        y = -x
    elif kind == "ties":
        x = np.round(rng.integers(0, 4, n) * 0.01, 2)
        y = np.round(x + rng.integers(-1, 2, n) * 0.01, 2)
    elif kind == "zeros":
        x[: n // 2] = 0.0
        y = x * 1.5 + rng.normal(0, 0.01, n)
        y[: n // 3] = 0.0
    else:
        y = rng.exponential(0.05, n)
    cases.append({
        "name": name,
        "x": [float(v) for v in x],
        "y": [float(v) for v in y],
        "spearman": float(spearmanr(x, y).statistic),
        "kendall": float(kendalltau(x, y).statistic),
    })

out = pathlib.Path(__file__).with_name("importance.json")
out.write_text(json.dumps({"generator": "eng/oracles/importance_oracles.py", "scipy": scipy.__version__, "rankCorrelation": cases}, indent=1) + "\n")
print(f"wrote {out}")
