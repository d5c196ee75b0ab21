"""Oracle values of the quality checks' single-feature score: scikit-learn's roc_auc_score (ties count half),
taken in the better direction, on seeded score/label vectors with many ties. Writes eng/oracles/quality.json.

Run: /usr/bin/python3 eng/oracles/quality_oracles.py
"""
import json
import pathlib

import numpy as np
from sklearn.metrics import roc_auc_score

rng = np.random.default_rng(20261207)
cases = []
for name, n, levels in [("small ties", 12, 3), ("binned", 200, 20), ("continuous", 500, 0), ("inverted", 300, 7)]:
    labels = rng.integers(0, 2, n)
    noise = rng.normal(size=n) if levels == 0 else rng.integers(0, levels, n).astype(float)
    scores = noise + (0.8 * labels if name != "inverted" else -1.5 * labels)
    if levels:
        scores = np.round(scores)
    auc = roc_auc_score(labels, scores)
    cases.append({
        "name": name,
        "scores": [float(s) for s in scores],
        "labels": [int(v) for v in labels],
        "auc": float(max(auc, 1 - auc)),
    })

out = pathlib.Path(__file__).with_name("quality.json")
out.write_text(json.dumps({"generator": "eng/oracles/quality_oracles.py", "aucBetterDirection": cases}, indent=1) + "\n")
print(f"wrote {out}")
