#!/usr/bin/python3
"""Writes eng/oracles/metrics.json: model-acceptance metrics computed by scikit-learn.

Every input is generated here with seeded numpy generators and stored in the JSON next to the
expected values, so the C# tests compute from exactly the same predictions and never need Python.
Run with Debian's python3-sklearn 1.2.1: /usr/bin/python3 eng/oracles/metrics_oracles.py

Where ModelGates deliberately reports "undefined" (null) while scikit-learn raises or returns a
number with a warning, the expected value is null and `sklearnBehaviour` says what scikit-learn did.
"""
import json
import os
import warnings

import numpy as np
import scipy
import sklearn
from scipy import optimize, special, stats
from sklearn import metrics as skm
from sklearn.calibration import calibration_curve
from sklearn.linear_model import LogisticRegression

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "metrics.json")
warnings.simplefilter("ignore")


def _f(x):
    return None if x is None else float(x)


# ---------------------------------------------------------------- binary

def binary_expected(y, s, w, kind, t):
    y = np.asarray(y, dtype=np.int64)
    s = np.asarray(s, dtype=np.float64)
    w = None if w is None else np.asarray(w, dtype=np.float64)
    exp, behaviour = {}, {}
    try:
        exp["auc"] = skm.roc_auc_score(y, s, sample_weight=w)
    except ValueError as e:
        exp["auc"] = None
        behaviour["auc"] = "raises ValueError: " + str(e)
    ap = skm.average_precision_score(y, s, sample_weight=w)
    if (y == 1).sum() == 0:
        exp["averagePrecision"] = None
        behaviour["averagePrecision"] = "warns 'No positive class found in y_true' and returns %r" % float(ap)
    else:
        exp["averagePrecision"] = ap
    if kind == "probability":
        exp["logLoss"] = skm.log_loss(y, s, labels=[0, 1], sample_weight=w)
        exp["brier"] = skm.brier_score_loss(y, s, sample_weight=w)
    else:
        exp["logLoss"] = None
        exp["brier"] = None
        behaviour["logLoss"] = behaviour["brier"] = "not applicable: scores are not probabilities"
    # The decision rule ModelGates documents: predicted positive when score >= threshold.
    yp = (s >= t).astype(np.int64)
    exp["accuracy"] = skm.accuracy_score(y, yp, sample_weight=w)
    exp["precision"] = skm.precision_score(y, yp, sample_weight=w, zero_division=0)
    exp["recall"] = skm.recall_score(y, yp, sample_weight=w, zero_division=0)
    exp["f1"] = skm.f1_score(y, yp, sample_weight=w, zero_division=0)
    tn, fp, fn, tp = skm.confusion_matrix(y, yp, labels=[0, 1], sample_weight=w).ravel()
    if fp + tn == 0:
        exp["fpr"] = None
        behaviour["fpr"] = "confusion_matrix has FP + TN = 0: 0/0"
    else:
        exp["fpr"] = fp / (fp + tn)
    exp["positiveRate"] = np.average(yp, weights=w)
    credit_expected(y, s, w, kind, exp, behaviour)
    return {k: _f(v) for k, v in exp.items()}, behaviour


# ---------------------------------------------------------------- credit-risk and calibration (binary)

EPS = float(np.finfo(np.float64).eps)
# Members of the parameterised families checked in every case, beyond the defaults lift@0.1 and gain@0.1.
FAMILY_MEMBERS = {"lift": [0.05, 0.25, 1.0], "gain": [0.05, 0.25], "ece": [5, 20], "eceQuantile": [5, 20]}


def credit_expected(y, s, w, kind, exp, behaviour):
    both = (y == 1).any() and (y == 0).any()
    if both:
        exp["gini"] = 2 * skm.roc_auc_score(y, s, sample_weight=w) - 1
        fpr, tpr, _ = skm.roc_curve(y, s, sample_weight=w, drop_intermediate=False)
        exp["ks"] = np.max(tpr - fpr)
        if w is None:  # the same number as SciPy's one-sided two-sample KS statistic
            d = stats.ks_2samp(s[y == 0], s[y == 1], alternative="greater").statistic
            assert abs(d - exp["ks"]) < 1e-12, (d, exp["ks"])
    else:
        exp["gini"] = exp["ks"] = None
        behaviour["gini"] = behaviour["ks"] = "roc_auc_score raises ValueError: only one class present in y_true"
    for f in [0.1] + FAMILY_MEMBERS["lift"]:
        exp["lift@" + fraction_text(f)] = None if not (y == 1).any() else top_fraction(y, s, w, f) / f
    for f in [0.1] + FAMILY_MEMBERS["gain"]:
        exp["gain@" + fraction_text(f)] = None if not (y == 1).any() else top_fraction(y, s, w, f)
    if not (y == 1).any():
        behaviour["lift"] = behaviour["gain"] = "no label-1 rows: nothing to capture"
    if kind != "probability":
        for key in ["ece", "eceQuantile", "calibrationSlope", "calibrationIntercept"] + \
                ["ece@%d" % b for b in FAMILY_MEMBERS["ece"]] + ["eceQuantile@%d" % b for b in FAMILY_MEMBERS["eceQuantile"]]:
            exp[key] = None
        behaviour["calibration"] = "not applicable: scores are not probabilities"
        return
    for bins in [10] + FAMILY_MEMBERS["ece"]:
        exp["ece" if bins == 10 else "ece@%d" % bins] = ece(y, s, w, bins, "uniform")
    if w is None or np.all(w == np.round(w)):
        for bins in [10] + FAMILY_MEMBERS["eceQuantile"]:
            exp["eceQuantile" if bins == 10 else "eceQuantile@%d" % bins] = ece(y, s, w, bins, "quantile")
    else:
        behaviour["eceQuantile"] = "not checked with fractional weights: numpy's percentile has no weights (integer weights are checked as repeated rows)"
    exp["calibrationSlope"], why = calibration_slope(y, s, w)
    if why:
        behaviour["calibrationSlope"] = why
    exp["calibrationIntercept"], why = calibration_intercept(y, s, w)
    if why:
        behaviour["calibrationIntercept"] = why


def fraction_text(f):
    """The one spelling of a fraction in an id: the shortest round trip, '1' rather than '1.0'."""
    return "1" if f == 1.0 else repr(f)


def top_fraction(y, s, w, f):
    """Share of label-1 weight in the top f of the weight by score; a tied block at the cut pro rata
    (linear interpolation of the cumulative gains curve between distinct scores)."""
    w = np.ones(len(y)) if w is None else w
    order = np.argsort(-s, kind="stable")
    ss, yy, ww = s[order], y[order], w[order]
    ends = np.r_[np.flatnonzero(np.diff(ss) != 0), len(ss) - 1]
    cum_w = np.r_[0.0, np.cumsum(ww)[ends]]
    cum_p = np.r_[0.0, np.cumsum(ww * yy)[ends]]
    gain = np.interp(f * w.sum(), cum_w, cum_p) / cum_p[-1]
    if len(np.unique(s)) == len(s) and w.min() == w.max() == 1 and float(f * len(s)).is_integer():
        k = int(f * len(s))  # without ties, a whole number of rows: the plain top-k count
        assert abs(gain - yy[:k].sum() / yy.sum()) < 1e-12
    return gain


def ece(y, s, w, bins, strategy):
    """sum over non-empty bins of (bin weight / total) * |observed rate - mean probability|, with the
    bins and per-bin means of sklearn's calibration_curve; integer weights as repeated rows."""
    if w is not None and strategy == "quantile":
        reps = w.astype(np.int64)
        return ece(np.repeat(y, reps), np.repeat(s, reps), None, bins, strategy)
    prob_true, prob_pred = calibration_curve(y, s, n_bins=bins, strategy=strategy)
    edges = np.linspace(0.0, 1.0, bins + 1) if strategy == "uniform" else np.percentile(s, np.linspace(0, 1, bins + 1) * 100)
    ids = np.searchsorted(edges[1:-1], s)
    ww = np.ones(len(y)) if w is None else w
    total = np.bincount(ids, weights=ww, minlength=bins)
    nonzero = total > 0
    if w is None:  # the binning recomputed here is calibration_curve's own
        mine_true = np.bincount(ids, weights=y, minlength=bins)[nonzero] / total[nonzero]
        assert np.array_equal(mine_true, prob_true)
    else:
        prob_true = np.bincount(ids, weights=ww * y, minlength=bins)[nonzero] / total[nonzero]
        prob_pred = np.bincount(ids, weights=ww * s, minlength=bins)[nonzero] / total[nonzero]
    return float(np.sum(total[nonzero] / ww.sum() * np.abs(prob_true - prob_pred)))


def logits(s):
    p = np.clip(s, EPS, 1 - EPS)
    return np.log(p / (1 - p))


def calibration_slope(y, s, w):
    """Newton's method for logit P(y=1) = a + b logit(p), to convergence; checked against sklearn's
    LogisticRegression(penalty=None). None where there is no finite fit."""
    ww = np.ones(len(y)) if w is None else w
    x = logits(s)
    if not ((y == 1).any() and (y == 0).any()):
        return None, "one class: no logistic fit"
    if x.min() == x.max():
        return None, "constant logit: slope not identifiable"
    pos, neg = x[y == 1], x[y == 0]
    if pos.min() >= neg.max() or pos.max() <= neg.min():
        return None, "complete or quasi-complete separation: the maximum-likelihood slope is infinite"
    X = np.column_stack([np.ones(len(x)), x])
    beta = np.zeros(2)
    for _ in range(100):
        # y - mu and mu (1 - mu) from expit of both signs, without cancellation at confident scores
        eta = X @ beta
        up, down = special.expit(eta), special.expit(-eta)
        step = np.linalg.solve(X.T @ (X * (ww * up * down)[:, None]), X.T @ (ww * (y * down - (1 - y) * up)))
        beta = beta + step
        if np.max(np.abs(step)) < 1e-15 * (1 + np.max(np.abs(beta))):
            break
    model = LogisticRegression(penalty=None, solver="newton-cg", tol=1e-12, max_iter=10000)
    model.fit(x.reshape(-1, 1), y, sample_weight=ww)
    assert abs(model.coef_[0, 0] - beta[1]) < 1e-5 * (1 + abs(beta[1])), (model.coef_, beta)
    return beta[1], None


def calibration_intercept(y, s, w):
    """The root a of sum w (y - expit(a + logit p)) = 0 (the offset fit), by SciPy's brentq."""
    ww = np.ones(len(y)) if w is None else w
    if not ((y == 1).any() and (y == 0).any()):
        return None, "one class: no logistic fit"
    x = logits(s)
    score = lambda a: np.sum(ww * (y * special.expit(-(a + x)) - (1 - y) * special.expit(a + x)))
    lo, hi = -1.0, 1.0
    while score(lo) < 0:
        lo *= 2
    while score(hi) > 0:
        hi *= 2
    return optimize.brentq(score, lo, hi, xtol=1e-15, rtol=4 * EPS, maxiter=500), None


def binary_cases():
    rng = np.random.default_rng(20240611)
    cases = []

    def add(name, y, s, w=None, kind="probability", t=0.5):
        y = [int(v) for v in y]
        s = [float(v) for v in s]
        w = None if w is None else [float(v) for v in w]
        expected, behaviour = binary_expected(y, s, w, kind, t)
        case = {"name": name, "labels": y, "scores": s, "weights": w, "scoreKind": kind,
                "threshold": t, "expected": expected}
        if behaviour:
            case["sklearnBehaviour"] = behaviour
        cases.append(case)

    n = 500
    y = rng.binomial(1, 0.3, n)
    s = 1 / (1 + np.exp(-(rng.normal(size=n) + 1.2 * y - 0.8)))
    add("random_probabilities", y, s)

    y = rng.binomial(1, 0.4, 400)
    s = np.round(np.clip(rng.normal(0.35 + 0.3 * y, 0.2), 0, 1), 1)  # heavy ties, some exactly 0.5
    add("tied_scores_rounded_to_tenths", y, s)

    y = rng.binomial(1, 0.5, 300)
    s = np.round((rng.normal(size=300) + y) * 2) / 2  # free scores with ties, threshold 0
    add("free_scores_with_ties", y, s, kind="score", t=0.0)

    y = rng.binomial(1, 0.5, 200)
    s = rng.uniform(size=200)
    s[:40] = 0.0
    s[40:80] = 1.0
    s[80:90] = 1e-20
    s[90:100] = 1 - 1e-17
    add("probabilities_exactly_0_and_1", y, s)

    y = rng.binomial(1, 0.5, 60)
    add("all_correct_certain", y, y.astype(float))
    add("all_wrong_certain", y, 1.0 - y)
    add("all_correct_uncertain", y, np.where(y == 1, 0.75, 0.25))

    y0 = np.zeros(50, dtype=int)
    add("single_class_negative", y0, rng.uniform(size=50))
    add("single_class_positive", 1 - y0, rng.uniform(size=50))
    add("one_row_positive", [1], [0.7])
    add("one_row_negative", [0], [0.7])

    y = rng.binomial(1, 0.35, 300)
    s = 1 / (1 + np.exp(-(rng.normal(size=300) + y)))
    add("weighted", y, np.round(s, 2), w=rng.uniform(0.1, 3.0, 300))

    y = rng.binomial(1, 0.3, 250)
    s = 1 / (1 + np.exp(-(rng.normal(size=250) + 1.5 * y - 1)))
    add("threshold_0_3", y, s, t=0.3)

    y = rng.binomial(1, 0.3, 80)
    add("all_scores_equal", y, np.full(80, 0.4))
    add("nothing_predicted_positive", y, rng.uniform(0, 0.49, 80))

    # Credit-risk and calibration cases (added after the ones above, so their inputs did not change).
    y = rng.binomial(1, 0.2, 1005)
    s = np.round(1 / (1 + np.exp(-(rng.normal(size=1005) + 1.5 * y - 1.5))), 2)
    add("credit_scores_tied_at_the_cuts_1005_rows", y, s)
    p = rng.uniform(0.02, 0.98, 2000)
    add("calibrated_probabilities", rng.binomial(1, p), p)
    p = rng.uniform(0.05, 0.95, 1000)
    add("overconfident_probabilities", rng.binomial(1, p), 1 / (1 + np.exp(-2.5 * np.log(p / (1 - p)))))
    y = rng.binomial(1, 0.3, 500)
    add("underpredicting_probabilities", y, np.clip(rng.beta(2, 8, 500) + 0.1 * y, 0, 1))
    edges = np.r_[np.arange(11) / 10, np.arange(11) * 0.1, np.linspace(0, 1, 21)]
    add("probabilities_on_bin_edges", rng.binomial(1, 0.5, len(edges)), edges)
    y = rng.binomial(1, 0.3, 300)
    s = np.round(1 / (1 + np.exp(-(rng.normal(size=300) + y))), 2)
    add("integer_weights", y, s, w=rng.integers(1, 4, 300))
    y = np.r_[np.zeros(30, dtype=int), np.ones(20, dtype=int)]
    add("separated_classes", y, np.r_[rng.uniform(0.05, 0.4, 30), rng.uniform(0.6, 0.95, 20)])
    add("quasi_separated_classes", [0, 0, 0, 1, 0, 1, 1], [0.1, 0.2, 0.5, 0.5, 0.5, 0.7, 0.9])
    add("inverted_ranking", y, np.r_[rng.uniform(0.6, 0.95, 30), rng.uniform(0.05, 0.4, 20)])
    add("two_rows_one_of_each", [0, 1], [0.3, 0.6])
    add("tiny_overlapping", [0, 1, 0, 1, 1], [0.2, 0.3, 0.6, 0.6, 0.8])
    return cases


# ---------------------------------------------------------------- multiclass

def multiclass_expected(y, p, w, k):
    y = np.asarray(y, dtype=np.int64)
    p = np.asarray(p, dtype=np.float64)
    w = None if w is None else np.asarray(w, dtype=np.float64)
    K = p.shape[1]
    yp = p.argmax(axis=1)  # ties: the lowest class index
    exp = {
        "accuracy": skm.accuracy_score(y, yp, sample_weight=w),
        "macroF1": skm.f1_score(y, yp, average="macro", sample_weight=w, zero_division=0),
        "microF1": skm.f1_score(y, yp, average="micro", sample_weight=w, zero_division=0),
        "logLoss": skm.log_loss(y, p, labels=list(range(K)), sample_weight=w),
        # Two columns are scikit-learn's binary case, which takes the score of class 1 alone.
        "topKAccuracy": skm.top_k_accuracy_score(y, p if K > 2 else p[:, 1], k=k, labels=list(range(K)), sample_weight=w),
    }
    recall = skm.recall_score(y, yp, average=None, labels=list(range(K)), sample_weight=w, zero_division=0)
    for c in range(K):
        exp["recall.%d" % c] = recall[c]
    # Macro precision and recall over the classes present in the labels or the predictions (no `labels`
    # argument), each class's ratio 0 where its denominator is (zero_division=0, also what "warn" returns).
    exp["macroPrecision"] = skm.precision_score(y, yp, average="macro", sample_weight=w, zero_division=0)
    exp["macroRecall"] = skm.recall_score(y, yp, average="macro", sample_weight=w, zero_division=0)
    behaviour = {}
    exp["macroAuc"], why = macro_auc(y, p, w)
    if why:
        behaviour["macroAuc"] = why
    return {k2: _f(v) for k2, v in exp.items()}, behaviour


def macro_auc(y, p, w):
    """roc_auc_score(multi_class="ovr", average="macro"); None where scikit-learn raises (a class that is
    no label: its one-vs-rest AUC has no positive rows). Checked against the plain mean of each class's
    binary roc_auc_score of its own probability column."""
    K = p.shape[1]
    present = np.unique(y)
    per_class = None
    if len(present) == K:
        per_class = [skm.roc_auc_score((y == c).astype(int), p[:, c], sample_weight=w) for c in range(K)]
    if K == 2:
        # Two columns and two labels are scikit-learn's binary case: it wants the score of class 1 only.
        if per_class is None:
            return None, "raises ValueError: only one class present in y_true"
        auc = skm.roc_auc_score(y, p[:, 1], sample_weight=w)
    else:
        try:
            auc = skm.roc_auc_score(y, p, multi_class="ovr", average="macro", sample_weight=w)
        except ValueError as e:
            assert per_class is None
            return None, "raises ValueError: " + str(e)
    assert abs(auc - np.mean(per_class)) < 1e-12, (auc, per_class)
    return auc, None


def multiclass_cases():
    rng = np.random.default_rng(20240612)
    cases = []

    def add(name, y, p, w=None, k=2):
        p = np.asarray(p, dtype=np.float64)
        expected, behaviour = multiclass_expected(y, p, w, k)
        case = {
            "name": name, "classCount": int(p.shape[1]), "labels": [int(v) for v in y],
            "probabilities": [[float(v) for v in row] for row in p],
            "weights": None if w is None else [float(v) for v in w], "topK": k,
            "expected": expected}
        if behaviour:
            case["sklearnBehaviour"] = behaviour
        cases.append(case)

    def softmax(z):
        e = np.exp(z - z.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)

    n, K = 400, 4
    y = rng.integers(0, K, n)
    z = rng.normal(size=(n, K))
    z[np.arange(n), y] += 1.0
    add("random_4_classes", y, softmax(z))
    add("random_4_classes_top3", y, softmax(z), k=3)

    # Small integer weights per class, normalised: many exact ties between classes and zeros.
    n, K = 300, 3
    y = rng.integers(0, K, n)
    counts = rng.integers(0, 3, size=(n, K)).astype(float)
    counts[counts.sum(axis=1) == 0] = 1.0
    tied = counts / counts.sum(axis=1, keepdims=True)
    add("tied_probabilities_top1", y, tied, k=1)
    add("tied_probabilities_top2", y, tied, k=2)

    n, K = 120, 3
    y = rng.integers(0, K, n)
    onehot = np.eye(K)[rng.integers(0, K, n)]
    onehot[:60] = np.eye(K)[y[:60]]
    add("one_hot_probabilities_some_wrong", y, onehot)
    add("all_correct", y, np.eye(K)[y])
    add("all_wrong", y, np.eye(K)[(y + 1) % K])

    n, K = 150, 4
    y = rng.integers(0, 3, n)  # class 3 is never a label...
    z = rng.normal(size=(n, K))
    z[:, 3] = -50.0  # ...and never predicted: left out of macro-F1, recall.3 = 0
    z[np.arange(n), y] += 1.5
    add("class_absent_everywhere", y, softmax(z))

    add("one_row", [2], [[0.2, 0.3, 0.5]])
    add("one_row_wrong", [0], [[0.2, 0.3, 0.5]], k=1)

    n, K = 250, 5
    y = rng.integers(0, K, n)
    z = rng.normal(size=(n, K))
    z[np.arange(n), y] += 0.8
    add("weighted_5_classes", y, softmax(z), w=rng.uniform(0.2, 4.0, n), k=2)
    add("k_at_least_class_count", y, softmax(z), k=5)

    # Macro precision, recall and AUC cases (added after the ones above, so their inputs did not change).
    n, K = 200, 4
    y = rng.integers(0, K, n)
    z = rng.normal(size=(n, K))
    z[np.arange(n), y] += 1.2
    z[:, 2] -= 40.0  # class 2 is a label but never predicted: its precision 0/0 counts as 0
    add("class_never_predicted", y, softmax(z))

    n, K = 200, 4
    y = rng.integers(0, 3, n)  # class 3 is never a label...
    z = rng.normal(size=(n, K))
    z[np.arange(n), y] += 1.0
    z[:20, 3] += 6.0  # ...but predicted for some rows: its recall 0/0 counts as 0, its AUC has no positives
    add("class_absent_from_labels_but_predicted", y, softmax(z))

    n = 300
    y = rng.integers(0, 2, n)
    p1 = 1 / (1 + np.exp(-(rng.normal(size=n) + 1.4 * y - 0.7)))
    add("two_classes", y, np.column_stack([1 - p1, p1]), k=1)
    add("two_classes_weighted", y, np.column_stack([1 - p1, p1]), w=rng.uniform(0.1, 3.0, n), k=1)

    n, K = 240, 3
    y = rng.integers(0, K, n)
    tied = np.round(softmax(rng.normal(size=(n, K)) + 1.5 * np.eye(K)[y]), 1)
    tied[:, 2] = 1.0 - tied[:, 0] - tied[:, 1]  # rows still sum to 1; scores tied in blocks of tenths
    tied = np.clip(np.round(tied, 10), 0.0, 1.0)
    tied /= tied.sum(axis=1, keepdims=True)
    add("tied_probabilities_in_tenths", y, tied)
    add("tied_probabilities_in_tenths_integer_weights", y, tied, w=rng.integers(1, 4, n).astype(float))
    return cases


# ---------------------------------------------------------------- regression

def regression_expected(y, p, w):
    y = np.asarray(y, dtype=np.float64)
    p = np.asarray(p, dtype=np.float64)
    w = None if w is None else np.asarray(w, dtype=np.float64)
    exp, behaviour = {
        "rmse": np.sqrt(skm.mean_squared_error(y, p, sample_weight=w)),
        "mae": skm.mean_absolute_error(y, p, sample_weight=w),
        "mape": skm.mean_absolute_percentage_error(y, p, sample_weight=w),
    }, {}
    r2 = skm.r2_score(y, p, sample_weight=w)
    if len(y) < 2:
        exp["r2"] = None
        behaviour["r2"] = "warns 'not well-defined with less than two samples' and returns %r" % float(r2)
    else:
        exp["r2"] = r2
    return {k: _f(v) for k, v in exp.items()}, behaviour


def regression_cases():
    rng = np.random.default_rng(20240613)
    cases = []

    def add(name, y, p, w=None):
        y = [float(v) for v in y]
        p = [float(v) for v in p]
        w = None if w is None else [float(v) for v in w]
        expected, behaviour = regression_expected(y, p, w)
        case = {"name": name, "labels": y, "predictions": p, "weights": w, "expected": expected}
        if behaviour:
            case["sklearnBehaviour"] = behaviour
        cases.append(case)

    n = 300
    y = rng.normal(10, 3, n)
    add("random", y, y + rng.normal(0, 1.5, n))
    y = np.round(rng.normal(0, 2, 200))  # many labels exactly 0: MAPE divides by eps there
    add("zero_labels_mape_epsilon", y, y + rng.normal(0, 0.5, 200))
    add("constant_labels_imperfect", np.full(50, 2.0), rng.normal(2.0, 0.1, 50))
    add("constant_labels_perfect", np.full(50, 2.0), np.full(50, 2.0))
    y = rng.normal(size=40)
    add("perfect", y, y)
    add("one_row", [3.0], [2.5])
    add("two_rows", [1.0, 3.0], [1.5, 2.0])
    y = 1e6 + rng.normal(0, 1, 300)
    add("large_offset", y, y + rng.normal(0, 0.3, 300))
    y = rng.normal(5, 2, 250)
    add("weighted", y, y + rng.normal(0, 1, 250), w=rng.uniform(0.1, 5.0, 250))
    return cases


def main():
    doc = {
        "generatedBy": "eng/oracles/metrics_oracles.py",
        "versions": {"sklearn": sklearn.__version__, "numpy": np.__version__, "scipy": scipy.__version__},
        "conventions": {
            "decisionRule": "binary predicted positive when score >= threshold",
            "argmaxTies": "lowest class index (numpy argmax)",
            "zeroDivision": 0,
            "logLossEps": float(np.finfo(np.float64).eps),
            "relativeTolerance": 1e-9,
        },
        "binary": binary_cases(),
        "multiclass": multiclass_cases(),
        "regression": regression_cases(),
    }
    # One line per fixture case: the file stays small and a regenerated case shows as one changed line.
    lines = ["{"]
    for i, (key, value) in enumerate(doc.items()):
        comma = "," if i < len(doc) - 1 else ""
        if isinstance(value, list):
            lines.append(" %s: [" % json.dumps(key))
            for j, case in enumerate(value):
                tail = "," if j < len(value) - 1 else ""
                lines.append("  " + json.dumps(case, allow_nan=False, separators=(",", ":")) + tail)
            lines.append(" ]" + comma)
        else:
            lines.append(" %s: %s%s" % (json.dumps(key), json.dumps(value, allow_nan=False), comma))
    lines.append("}")
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    print("wrote", OUT, os.path.getsize(OUT), "bytes")


if __name__ == "__main__":
    main()
