"""The peer of eng/bench/Pfi: scikit-learn's permutation_importance of a gradient-boosted model
(HistGradientBoostingClassifier, 100 iterations of 31 leaves, learning rate 0.1: FastTree's shape) on the same
holdout, scoring roc_auc, the same number of repeats, one job. Prints "train_s pfi_wall_s pfi_cpu_s top5".
Run: /usr/bin/python3 eng/bench/pfi_sklearn.py <train.csv> <holdout.csv> [repeats]"""
import sys
import time

import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.inspection import permutation_importance

train = pd.read_csv(sys.argv[1])
holdout = pd.read_csv(sys.argv[2])
repeats = int(sys.argv[3]) if len(sys.argv) > 3 else 5
features = [c for c in train.columns if c != "label"]
start = time.perf_counter()
model = HistGradientBoostingClassifier(max_iter=100, max_leaf_nodes=31, learning_rate=0.1, min_samples_leaf=20, early_stopping=False, random_state=1)
model.fit(train[features], train["label"])
trained = time.perf_counter() - start
wall, cpu = time.perf_counter(), time.process_time()
result = permutation_importance(model, holdout[features], holdout["label"], scoring="roc_auc", n_repeats=repeats, random_state=1, n_jobs=1)
wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
top = [features[i] for i in result.importances_mean.argsort()[::-1][:5]]
print(f"{trained:.2f} {wall:.2f} {cpu:.2f} {','.join(top)}")
