#!/usr/bin/env python3
"""Writes eng/oracles/label_errors.json: confident learning (Northcutt, Jiang and Chuang, JAIR 2021) on fixed
probability matrices, for ModelGates' label-error check (src/Core/Quality/LabelErrors).

cleanlab is not installed here, so this is a small NumPy reimplementation of exactly what cleanlab computes
(github.com/cleanlab/cleanlab, commit 75062574; the function names below are cleanlab's):

    count.get_confident_thresholds   per class k, the mean of pred_probs[:, k] over the rows labelled k
                                     (2 for a class nobody is labelled with), clipped below at 2e-6
    count.compute_confident_joint    pred_probs >= thresholds - 1e-6 marks the confident classes of a row;
                                     the guess is the confident class, or the argmax when several are
                                     confident; rows with none are left out; C[given][guess] counted, the
                                     diagonal raised to at least 1, then calibrated
    count.calibrate_confident_joint  rows rescaled to the given-label counts, the whole to n, then each row
                                     rounded with util.round_preserving_sum
    filter._keep_at_least_n_per_class, _reduce_prune_counts (n = 1, frac_noise = 1): on C transposed
    filter._prune_by_count           per given class k and other class j, the prune count's rows of class k
                                     with the largest margin p[:, j] - p[:, k]
    filter._reduce_issues            a row whose given label is (within 1e-6) the argmax is never flagged
    rank.order_label_issues          flagged rows ranked by self-confidence p[i, label_i], lowest first

cleanlab sorts with NumPy's default quicksort, whose order among ties is unspecified; this oracle (and
ModelGates) sorts stably, so ties keep row order. Every other step is cleanlab's arithmetic in float64.

Run: /usr/bin/python3 eng/oracles/label_error_oracles.py (the same bytes every time).
"""

import json
from pathlib import Path

import numpy as np

OUT = Path(__file__).resolve().parent / "label_errors.json"
FLOATING_POINT_COMPARISON = 1e-6
CONFIDENT_THRESHOLDS_LOWER_BOUND = 2 * FLOATING_POINT_COMPARISON
TINY_VALUE = 1e-100


def value_counts(labels, k):
    return np.bincount(labels, minlength=k)


def get_confident_thresholds(labels, pred_probs):
    k = pred_probs.shape[1]
    unique = set(labels.tolist())
    t = [np.mean(pred_probs[:, c][labels == c]) if c in unique else 2 for c in range(k)]
    return np.clip(t, a_min=CONFIDENT_THRESHOLDS_LOWER_BOUND, a_max=None)


def round_preserving_sum(iterable):
    floats = np.asarray(iterable, dtype=float)
    ints = floats.round()
    orig_sum = np.sum(floats).round()
    int_sum = np.sum(ints).round()
    while abs(int_sum - orig_sum) > FLOATING_POINT_COMPARISON:
        diff = np.round(orig_sum - int_sum)
        increment = -1 if int(diff < 0.0) else 1
        changes = min(int(abs(diff)), len(iterable))
        indices = np.argsort(floats - ints, kind="stable")[::-increment][:changes]
        for i in indices:
            ints[i] = ints[i] + increment
        int_sum = np.sum(ints).round()
    return ints.astype(int)


def round_preserving_row_totals(cj):
    return np.apply_along_axis(func1d=round_preserving_sum, axis=1, arr=cj).astype(int)


def calibrate_confident_joint(cj, labels):
    label_counts = value_counts(labels, len(cj))
    c = (cj.T / np.clip(cj.sum(axis=1), a_min=TINY_VALUE, a_max=None) * label_counts).T
    c = c / np.clip(np.sum(c), a_min=TINY_VALUE, a_max=None) * sum(label_counts)
    return round_preserving_row_totals(c)


def compute_confident_joint(labels, pred_probs, thresholds):
    k = pred_probs.shape[1]
    confident = pred_probs >= thresholds - 1e-6
    count = confident.sum(axis=1)
    at_least_one = count > 0
    more_than_one = count > 1
    guess = np.where(more_than_one, pred_probs.argmax(axis=1), confident.argmax(axis=1))
    raw = np.zeros((k, k), dtype=int)
    for given, true in zip(labels[at_least_one], guess[at_least_one]):
        raw[given][true] += 1
    np.fill_diagonal(raw, raw.diagonal().clip(min=1))
    return raw, calibrate_confident_joint(raw, labels)


def keep_at_least_n_per_class(m, n):
    diagonal = np.diagonal(m)
    new_diagonal = np.maximum(diagonal, n)
    diff_per_col = new_diagonal - diagonal
    per_col = np.maximum(np.count_nonzero(m, axis=0) - 1.0, 1.0)
    new_mat = m - diff_per_col / per_col
    new_mat[new_mat < 0] = 0
    np.fill_diagonal(new_mat, new_diagonal)
    # _reduce_prune_counts with frac_noise = 1: the diagonal unchanged, then truncated to int.
    reduced = new_mat * 1.0
    np.fill_diagonal(reduced, new_mat.diagonal())
    np.fill_diagonal(reduced, new_mat.diagonal() + np.sum(new_mat - reduced, axis=0))
    return round_preserving_row_totals(reduced.astype(int)).astype(int)


def prune_by_count(k, pred_probs, prune_column, min_examples=1):
    mask = np.zeros(pred_probs.shape[0], dtype=bool)
    if pred_probs.shape[0] <= min_examples:
        return mask
    for j in range(pred_probs.shape[1]):
        num = prune_column[j]
        if k != j and num > 0:
            margin = pred_probs[:, j] - pred_probs[:, k]
            order = np.argsort(-margin, kind="stable")
            mask[order[:num]] = True
    return mask


def find_label_issues(labels, pred_probs):
    k = pred_probs.shape[1]
    thresholds = get_confident_thresholds(labels, pred_probs)
    raw, cj = compute_confident_joint(labels, pred_probs, thresholds)
    prune = keep_at_least_n_per_class(cj.T, 1)
    mask = np.zeros(len(labels), dtype=bool)
    for c in range(k):
        m = prune_by_count(c, pred_probs[labels == c], prune[:, c])
        if len(m) > 1:
            mask[labels == c] = m
    adjusted = np.copy(pred_probs)
    adjusted[np.arange(len(labels)), labels] += FLOATING_POINT_COMPARISON
    mask[adjusted.argmax(axis=1) == labels] = False
    self_confidence = pred_probs[np.arange(len(labels)), labels]
    flagged = np.arange(len(labels))[mask]
    ranked = flagged[np.argsort(self_confidence[mask], kind="stable")]
    return thresholds, raw, cj, prune, ranked


def noisy_case(name, rng, n, k, noise, concentration):
    true = rng.integers(0, k, size=n)
    probs = np.empty((n, k))
    for i in range(n):
        alpha = np.full(k, 1.0)
        alpha[true[i]] = concentration
        probs[i] = rng.dirichlet(alpha)
    labels = true.copy()
    flip = rng.random(n) < noise
    labels[flip] = (true[flip] + rng.integers(1, k, size=flip.sum())) % k
    return name, labels, probs


def cases():
    rng = np.random.default_rng(20260118)
    yield noisy_case("binary-200", rng, 200, 2, 0.1, 4.0)
    yield noisy_case("three-classes-300", rng, 300, 3, 0.15, 5.0)
    yield noisy_case("five-classes-500", rng, 500, 5, 0.2, 6.0)
    yield noisy_case("ten-classes-400", rng, 400, 10, 0.1, 12.0)
    # More than 128 rows per class: NumPy's pairwise summation recurses, which the thresholds must follow.
    yield noisy_case("binary-1000", rng, 1000, 2, 0.1, 3.0)
    # Probabilities on a coarse grid: ties in margins and self-confidence, ranked in row order.
    name, labels, probs = noisy_case("ties-three-classes-120", rng, 120, 3, 0.2, 3.0)
    probs = np.round(probs, 1)
    probs[:, 2] = np.round(1.0 - probs[:, 0] - probs[:, 1], 1)
    probs = np.clip(probs, 0.0, 1.0)
    yield name, labels, probs
    # A class that no row is labelled with: its threshold is 2, so no row is counted into it.
    name, labels, probs = noisy_case("unused-class-150", rng, 150, 3, 0.1, 4.0)
    labels[labels == 2] = 0
    yield name, labels, probs


def main():
    out = []
    for name, labels, probs in cases():
        thresholds, raw, cj, prune, ranked = find_label_issues(labels, probs)
        out.append({
            "name": name,
            "labels": labels.tolist(),
            "probabilities": probs.tolist(),
            "thresholds": thresholds.tolist(),
            "rawConfidentJoint": raw.tolist(),
            "confidentJoint": cj.tolist(),
            "pruneCounts": prune.tolist(),
            "issues": ranked.tolist(),
        })
    OUT.write_text(json.dumps({"source": "eng/oracles/label_error_oracles.py", "cases": out}, indent=1) + "\n")


if __name__ == "__main__":
    main()
