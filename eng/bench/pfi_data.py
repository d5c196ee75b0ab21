"""Seeded data of the permutation importance benchmark: 30 numeric features, a binary label driven by eight
of them with decreasing weight (two through an interaction), 10,000 training and 10,000 holdout rows.
Run: /usr/bin/python3 eng/bench/pfi_data.py <folder> [rows]"""
import pathlib
import sys

import numpy as np

folder = pathlib.Path(sys.argv[1])
rows = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
folder.mkdir(parents=True, exist_ok=True)
rng = np.random.default_rng(20261207)
names = [f"f{i:02d}" for i in range(30)]
for part in ("train", "holdout"):
    x = rng.normal(size=(rows, 30))
    logit = 1.6 * x[:, 0] - 1.2 * x[:, 1] + 0.9 * x[:, 2] + 0.6 * x[:, 3] * x[:, 4] + 0.4 * x[:, 5] - 0.3 * x[:, 6] + 0.2 * x[:, 7]
    label = rng.random(rows) < 1 / (1 + np.exp(-logit))
    with open(folder / f"{part}.csv", "w") as f:
        f.write(",".join(names + ["label"]) + "\n")
        for r in range(rows):
            f.write(",".join(f"{v:.6f}" for v in x[r]) + ("," + ("true" if label[r] else "false")) + "\n")
