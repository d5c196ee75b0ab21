#!/usr/bin/env python3
"""Writes eng/oracles/drift.json: SciPy's answers for every ModelGates drift test.

Run with Debian's interpreter (python3-scipy 1.10.1, numpy 1.24):

    /usr/bin/python3 eng/oracles/drift_oracles.py

The fixture samples come from seeded numpy generators and are stored in the JSON, so the C# tests
compute from exactly the same inputs and never need Python. Values are rounded to a few decimals so
that they are short in JSON and so that ties occur where a case wants them.

Where SciPy raises or returns NaN (a case ModelGates defines by convention), the case records
SciPy's raw outcome under "scipy" and ModelGates' documented answer under "expected".
"""

import json
import math
import re
import sys
import warnings
from pathlib import Path

import numpy as np
import scipy
from scipy import special, stats
from scipy.spatial import distance
from scipy.stats import _hypotests, _mannwhitneyu

EPSILON = 1e-4  # the proportion given to a bin empty on one side (psi, kl_div), then renormalised
OUT = Path(__file__).resolve().parent / "drift.json"

warnings.simplefilter("ignore")  # SciPy warns on capped Anderson p-values and degenerate inputs


def num(x):
    """A float for JSON; non-finite values as strings (JSON has no inf/nan)."""
    x = float(x)
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    return x


def rounded(values, decimals):
    return np.round(np.asarray(values, dtype=float), decimals)


# ----------------------------------------------------------------------------------------------
# Samples
# ----------------------------------------------------------------------------------------------

samples = {}
weights = {}


def sample(name, values):
    values = np.asarray(values, dtype=float)
    assert np.all(np.isfinite(values))
    samples[name] = values
    return values


def gen(seed):
    return np.random.default_rng(seed)


def distinct(rng, size, loc, scale, decimals, avoid=()):
    """size distinct rounded normal values, none equal to a value in avoid."""
    taken = set(float(v) for a in avoid for v in a)
    out = []
    while len(out) < size:
        for v in rounded(rng.normal(loc, scale, size), decimals):
            if float(v) not in taken:
                taken.add(float(v))
                out.append(v)
                if len(out) == size:
                    break
    return np.asarray(out)


sample("normal_8", rounded(gen(1).normal(0.0, 1.0, 8), 4))
sample("normal_10", rounded(gen(2).normal(0.5, 1.0, 10), 4))
sample("normal_12", rounded(gen(3).normal(0.0, 1.0, 12), 4))
sample("shift_15", rounded(gen(4).normal(0.8, 1.2, 15), 4))
sample("normal_30a", rounded(gen(5).normal(0.0, 1.0, 30), 4))
sample("normal_30b", rounded(gen(6).normal(0.3, 1.0, 30), 4))
sample("normal_3", rounded(gen(7).normal(0.0, 1.0, 3), 4))
sample("wide_9", rounded(gen(8).normal(1.5, 2.0, 9), 4))
sample("ints_15", gen(9).poisson(2.0, 15).astype(float))
sample("ints_18", gen(10).poisson(2.6, 18).astype(float))
sample("ints_500", gen(11).poisson(3.0, 500).astype(float))
sample("ints_700", gen(12).poisson(3.2, 700).astype(float))
sample("const3_20", np.full(20, 3.0))
sample("const3_25", np.full(25, 3.0))
sample("const1_20", np.full(20, 1.0))
sample("const2_15", np.full(15, 2.0))
sample("const3_6", np.full(6, 3.0))
sample("const3_7", np.full(7, 3.0))
sample("const1_6", np.full(6, 1.0))
sample("const2_7", np.full(7, 2.0))
sample("half_const_40", np.concatenate([np.full(30, 0.0), rounded(gen(13).exponential(1.0, 10), 3)]))
sample("exp_60", rounded(gen(14).exponential(1.0, 60), 3))
tiny = sample("tiny_5", distinct(gen(15), 5, 0.0, 1.0, 4))
sample("big_5000", distinct(gen(16), 5000, 0.3, 1.0, 6, avoid=[tiny]))
sample("distinct_400", distinct(gen(28), 400, 0.4, 1.0, 5, avoid=[tiny]))
sample("m3000", rounded(gen(17).normal(0.0, 1.0, 3000), 4))
sample("m4000", rounded(gen(18).normal(0.05, 1.0, 4000), 4))
large = sample("large_12000", distinct(gen(19), 12000, 0.0, 1.0, 5, avoid=[tiny]))
sample("large_10500_near", rounded(gen(20).normal(0.01, 1.0, 10500), 4))
sample("large_10500_shift", rounded(gen(21).normal(0.04, 1.0, 10500), 4))
sample("large_10500_far", rounded(gen(22).normal(0.3, 1.0, 10500), 4))
sample("spread_2000", rounded(gen(23).normal(0.0, 1.3, 2000), 4))
sample("current_1500", rounded(gen(24).normal(0.1, 1.0, 1500), 4))

# A weighted quantile sketch of a reference: 60 distinct points, integer weights (rows) summing to 2400.
sketch_rng = gen(25)
sample("sketch_60", np.sort(distinct(sketch_rng, 60, 0.0, 1.0, 3)))
weights["sketch_60_int"] = np.asarray(sketch_rng.integers(10, 71, 60), dtype=float)
weights["sketch_60_int"][-1] += 2400 - weights["sketch_60_int"].sum()
assert weights["sketch_60_int"].min() > 0 and weights["sketch_60_int"].sum() == 2400
weights["sketch_60_frac"] = np.round(sketch_rng.uniform(0.5, 30.0, 60), 3)
sample("points_40", np.sort(distinct(gen(26), 40, 0.2, 1.1, 3)))
weights["points_40_int"] = np.asarray(gen(27).integers(1, 40, 40), dtype=float)
# Heavy tails (wasserstein_rank): lognormal with sigma = 2, then every value up 30%; an amount with many zeros.
sample("lognormal_2000", rounded(gen(40).lognormal(0.0, 2.0, 2000), 3))
sample("lognormal_1800_up", rounded(gen(41).lognormal(0.0, 2.0, 1800) * 1.3, 3))
sample("zero_inflated_900", np.where(gen(42).uniform(size=900) < 0.4, 0.0, rounded(gen(43).lognormal(5.0, 1.5, 900), 1)))


# ----------------------------------------------------------------------------------------------
# Value tests
# ----------------------------------------------------------------------------------------------


def expand(values, w):
    return values if w is None else np.repeat(values, w.astype(int))


def weighted_std(values, w):
    if w is None:
        return np.std(values)
    mean = np.average(values, weights=w)
    return math.sqrt(np.average((values - mean) ** 2, weights=w))


def is_constant(values):
    return values.min() == values.max()


def ks(r, c, rw, cw):
    if (rw is not None and np.any(rw != np.round(rw))) or (cw is not None and np.any(cw != np.round(cw))):
        return None  # SciPy has no weighted KS; integer weights are checked by expansion
    a, b = expand(r, rw), expand(c, cw)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        res = stats.ks_2samp(a, b, method="auto")
    method = "exact" if max(len(a), len(b)) <= 10000 else "asymptotic"
    if any("Switching to method=asymp" in str(w.message) for w in caught):
        method = "asymptotic"
    return {"statistic": num(res.statistic), "pvalue": num(res.pvalue), "method": method}


def anderson(r, c, rw, cw):
    if rw is not None or cw is not None:
        return None
    try:
        res = stats.anderson_ksamp([r, c])
    except ValueError as e:
        return {"scipy": f"error: {e}", "expected": {"statistic": 0.0, "pvalue": 1.0, "method": "exact"}}
    return {"statistic": num(res.statistic), "pvalue": num(res.significance_level), "method": "interpolated"}


def cramer_von_mises(r, c, rw, cw):
    if rw is not None or cw is not None:
        return None
    res = stats.cramervonmises_2samp(r, c, method="auto")
    method = "asymptotic" if max(len(r), len(c)) > 20 else "exact"
    return {"statistic": num(res.statistic), "pvalue": num(res.pvalue), "method": method}


def mannw(r, c, rw, cw):
    if rw is not None or cw is not None:
        return None
    res = stats.mannwhitneyu(r, c, alternative="two-sided", method="auto", use_continuity=True)
    method = _mannwhitneyu._mwu_choose_method(len(r), len(c), np.concatenate([r, c]), "auto")
    return {"statistic": num(res.statistic), "pvalue": num(res.pvalue), "method": method}


def t_test(r, c, rw, cw):
    if (rw is not None and np.any(rw != np.round(rw))) or (cw is not None and np.any(cw != np.round(cw))):
        return None
    res = stats.ttest_ind(expand(r, rw), expand(c, cw), equal_var=False)
    if math.isnan(res.statistic):
        return {"scipy": f"statistic {res.statistic}, pvalue {res.pvalue}",
                "expected": {"statistic": 0.0, "pvalue": 1.0, "method": "exact"}}
    return {"statistic": num(res.statistic), "pvalue": num(res.pvalue), "method": "approximate"}


def normed(raw, r, rw):
    std = weighted_std(r, rw)
    value = raw / std if std != 0 else (math.inf if raw != 0 else math.nan)
    if is_constant(r):
        # np.std of a constant sample is 0 or rounding noise: ModelGates defines the normed distance.
        expected = 0.0 if raw == 0 else math.inf
        if value != expected:
            return {"scipy": f"distance {raw} / np.std {std} = {value}", "expected": {"statistic": num(expected)}}
    return {"statistic": num(value)}


def wasserstein(r, c, rw, cw):
    return normed(stats.wasserstein_distance(r, c, rw, cw), r, rw)


def ed(r, c, rw, cw):
    return normed(stats.energy_distance(r, c, rw, cw), r, rw)


def mid_distribution(r, rw, x):
    """The reference's mid-distribution function T(x) = (weight below x + half the weight at x) / total."""
    rw = np.ones(len(r)) if rw is None else np.asarray(rw, dtype=float)
    order = np.argsort(r, kind="stable")
    rs, ws = np.asarray(r, dtype=float)[order], rw[order]
    through = np.concatenate([[0.0], np.cumsum(ws)])
    below = through[np.searchsorted(rs, x, side="left")]
    upto = through[np.searchsorted(rs, x, side="right")]
    return (below + (upto - below) / 2.0) / through[-1]


def wasserstein_rank(r, c, rw, cw):
    """Both sides mapped through the reference's mid-distribution function, SciPy's Wasserstein distance x sqrt(12)."""
    tr, tc = mid_distribution(r, rw, r), mid_distribution(r, rw, c)
    return {"statistic": num(math.sqrt(12.0) * stats.wasserstein_distance(tr, tc, rw, cw))}


VALUE_TESTS = {
    "ks": ks,
    "anderson": anderson,
    "cramer_von_mises": cramer_von_mises,
    "mannw": mannw,
    "t_test": t_test,
    "wasserstein": wasserstein,
    "ed": ed,
    "wasserstein_rank": wasserstein_rank,
}

VALUE_CASES = [
    # name, reference, current, reference weights, current weights
    ("small_unequal", "normal_8", "normal_10", None, None),
    ("small_shift", "normal_12", "shift_15", None, None),
    ("equal_sizes", "normal_30a", "normal_30b", None, None),
    ("tiny_vs_small", "normal_3", "wide_9", None, None),
    ("ties_small", "ints_15", "ints_18", None, None),
    ("ties_large", "ints_500", "ints_700", None, None),
    ("constant_same", "const3_20", "const3_25", None, None),
    ("constant_different", "const1_20", "const2_15", None, None),
    ("constant_same_small", "const3_6", "const3_7", None, None),
    ("constant_different_small", "const1_6", "const2_7", None, None),
    ("constant_reference", "const3_20", "normal_30a", None, None),
    ("constant_current", "normal_30a", "const3_20", None, None),
    ("mostly_zero", "half_const_40", "exp_60", None, None),
    ("five_vs_400", "tiny_5", "distinct_400", None, None),
    ("five_vs_5000", "tiny_5", "big_5000", None, None),
    ("five_vs_12000", "tiny_5", "large_12000", None, None),
    ("medium_3000_4000", "m3000", "m4000", None, None),
    ("large_near", "large_12000", "large_10500_near", None, None),
    ("large_shift", "large_12000", "large_10500_shift", None, None),
    ("large_far", "large_12000", "large_10500_far", None, None),
    ("scale_change", "m3000", "spread_2000", None, None),
    ("identical_small", "normal_12", "normal_12", None, None),
    ("identical_large", "large_12000", "large_12000", None, None),
    ("sketch_integer_weights", "sketch_60", "current_1500", "sketch_60_int", None),
    ("sketch_fractional_weights", "sketch_60", "current_1500", "sketch_60_frac", None),
    ("both_weighted", "sketch_60", "points_40", "sketch_60_int", "points_40_int"),
    ("heavy_tail_shift", "lognormal_2000", "lognormal_1800_up", None, None),
    ("heavy_tail_with_zeros", "zero_inflated_900", "lognormal_2000", None, None),
]


# SciPy's exact Mann-Whitney recursion memoises every (m, n, k) state: for 5 values against thousands
# (no ties, so 'auto' picks exact) it needs gigabytes. ModelGates computes these exactly in O(m k);
# five_vs_400 checks that path against SciPy at a size SciPy can handle.
MANNW_INFEASIBLE = {"five_vs_5000", "five_vs_12000"}

# ----------------------------------------------------------------------------------------------
# Count tests
# ----------------------------------------------------------------------------------------------


def drop_empty(r, c):
    keep = (r + c) > 0
    return r[keep], c[keep]


def proportions(r, c):
    return r / r.sum(), c / c.sum()


def smoothed(counts):
    p = counts / counts.sum()
    p = np.where(p == 0, EPSILON, p)
    return p / p.sum()


def contingency(r, c, lambda_):
    r, c = drop_empty(r, c)
    res = stats.chi2_contingency(np.array([r, c]), correction=False, lambda_=lambda_)
    return {"statistic": num(res.statistic), "pvalue": num(res.pvalue), "method": "asymptotic"}


def chisquare(r, c):
    return contingency(r, c, None)


def g_test(r, c):
    return contingency(r, c, "log-likelihood")


def z(r, c):
    if len(r) != 2:
        return None
    # statsmodels.stats.proportion.proportions_ztest(count=[r1, c1], nobs=[nr, nc]) with value 0, two-sided
    count = np.array([r[1], c[1]], dtype=float)
    nobs = np.array([r.sum(), c.sum()], dtype=float)
    prop = count / nobs
    p_pooled = count.sum() / nobs.sum()
    std = np.sqrt(p_pooled * (1 - p_pooled) * np.sum(1.0 / nobs))
    with np.errstate(invalid="ignore", divide="ignore"):
        zstat = (prop[0] - prop[1]) / std
    pvalue = stats.norm.sf(np.abs(zstat)) * 2
    if math.isnan(zstat):
        return {"scipy": f"zstat {zstat}, pvalue {pvalue}", "expected": {"statistic": 0.0, "pvalue": 1.0, "method": "exact"}}
    return {"statistic": num(zstat), "pvalue": num(pvalue), "method": "asymptotic"}


def fisher_exact(r, c):
    if len(r) != 2:
        return None
    res = stats.fisher_exact([[r[0], r[1]], [c[0], c[1]]], alternative="two-sided")
    if math.isnan(res.statistic):
        return {"scipy": f"statistic {res.statistic}, pvalue {res.pvalue}",
                "expected": {"statistic": 1.0, "pvalue": num(res.pvalue), "method": "exact"}}
    return {"statistic": num(res.statistic), "pvalue": num(res.pvalue), "method": "exact"}


def psi(r, c):
    r, c = drop_empty(r, c)
    p, q = smoothed(r), smoothed(c)
    return {"statistic": num(np.sum((q - p) * np.log(q / p)))}


def kl_div(r, c):
    r, c = drop_empty(r, c)
    return {"statistic": num(stats.entropy(smoothed(r), smoothed(c)))}


def jensenshannon(r, c):
    return {"statistic": num(distance.jensenshannon(r, c, base=2))}


def hellinger(r, c):
    p, q = proportions(r, c)
    value = np.sqrt(np.sum((np.sqrt(p) - np.sqrt(q)) ** 2)) / np.sqrt(2)
    other = math.sqrt(max(0.0, 1 - np.sum(np.sqrt(p * q))))
    assert abs(value - other) < 1e-7, (value, other)  # the two conventions' forms agree
    return {"statistic": num(value)}


def tvd(r, c):
    p, q = proportions(r, c)
    return {"statistic": num(0.5 * np.sum(np.abs(p - q)))}


def linf(r, c):
    p, q = proportions(r, c)
    return {"statistic": num(np.max(np.abs(p - q)))}


def cohens_h(r, c):
    """The largest |Cohen's h| over the categories: |2 arcsin sqrt(q) - 2 arcsin sqrt(p)|."""
    p, q = proportions(r, c)
    return {"statistic": num(np.max(np.abs(2 * np.arcsin(np.sqrt(q)) - 2 * np.arcsin(np.sqrt(p)))))}


COUNT_TESTS = {
    "chisquare": chisquare,
    "z": z,
    "fisher_exact": fisher_exact,
    "g_test": g_test,
    "psi": psi,
    "jensenshannon": jensenshannon,
    "kl_div": kl_div,
    "hellinger": hellinger,
    "tvd": tvd,
    "linf": linf,
    "cohens_h": cohens_h,
}


def multinomial_pair(seed, total_r, total_c, k, shift):
    rng = gen(seed)
    base = rng.dirichlet(np.full(k, 2.0))
    moved = base * np.exp(shift * rng.normal(size=k))
    return rng.multinomial(total_r, base), rng.multinomial(total_c, moved / moved.sum())


def histogram_pair(seed, n_r, n_c, shift, bins):
    rng = gen(seed)
    edges = np.linspace(-3, 3, bins + 1)
    edges[0], edges[-1] = -np.inf, np.inf
    r = np.histogram(rng.normal(0, 1, n_r), edges)[0]
    c = np.histogram(rng.normal(shift, 1, n_c), edges)[0]
    return r, c


large_r, large_c = multinomial_pair(30, 400_000, 350_000, 30, 0.05)
near_r, near_c = multinomial_pair(31, 5_000, 6_000, 12, 0.02)
hist_r, hist_c = histogram_pair(32, 20_000, 15_000, 0.1, 10)

COUNT_CASES = [
    ("categories_basic", [120, 80, 40, 10], [100, 95, 30, 25]),
    ("category_on_one_side_only", [50, 30, 0, 20], [45, 25, 15, 0]),
    ("category_empty_on_both_sides", [50, 0, 30, 20], [40, 0, 35, 25]),
    ("single_category", [100], [50]),
    ("single_category_with_empty", [0, 100, 0], [0, 50, 0]),
    ("identical_counts", [10, 20, 30, 40], [10, 20, 30, 40]),
    ("proportional_counts", [10, 20, 30, 40], [30, 60, 90, 120]),
    ("many_categories_large", large_r.tolist(), large_c.tolist()),
    ("categories_near", near_r.tolist(), near_c.tolist()),
    ("histogram_bins", hist_r.tolist(), hist_c.tolist()),
    ("disjoint", [500, 0, 0], [0, 300, 200]),
    ("binary_small", [7, 3], [2, 8]),
    ("binary_large", [52_000, 48_000], [50_500, 49_500]),
    ("binary_moderate", [3000, 200], [2900, 320]),
    ("binary_all_false", [10, 0], [7, 0]),
    ("binary_all_true", [0, 12], [0, 9]),
    ("binary_mirror_tie", [3, 7], [7, 3]),
    ("binary_reference_pure", [10, 0], [5, 5]),
    ("binary_identical", [40, 60], [40, 60]),
    ("binary_far", [990, 10], [10, 990]),
    ("binary_unbalanced_sizes", [4, 1], [30_000, 45_000]),
    ("binary_ten_points", [50_000, 50_000], [40_000, 60_000]),
    ("rare_category_triples", [49_500, 49_500, 1_000], [48_500, 48_500, 3_000]),
    ("new_category", [600, 400, 0], [590, 395, 15]),
]


# ----------------------------------------------------------------------------------------------
# Special functions (each checked against scipy.special / scipy.stats directly)
# ----------------------------------------------------------------------------------------------


def cvm_limit_sf_mpmath(x):
    import mpmath as mp
    mp.mp.dps = 40
    x = mp.mpf(x)
    total, k = mp.mpf(0), 0
    while True:  # SciPy's series and stopping rule (stop after the first term below 1e-7)
        u = mp.gamma(k + mp.mpf(1) / 2) / mp.gamma(k + 1) / (mp.pi ** mp.mpf(1.5) * mp.sqrt(x))
        y = 4 * k + 1
        q = mp.mpf(y) ** 2 / (16 * x)
        term = u * mp.sqrt(y) * mp.exp(-q) * mp.besselk(mp.mpf(1) / 4, q)
        total += term
        if abs(term) < 1e-7:
            return float(1 - total)
        k += 1


def special_functions():
    out = {}
    out["log_gamma"] = [[x, num(special.gammaln(x))] for x in
                        [1e-3, 0.1, 0.5, 1.0, 1.5, 2.0, 2.5, 3.7, 10.0, 14.9, 15.0, 15.1, 50.5, 1e3, 123456.7, 1e7]]
    out["gamma_q"] = [[a, x, num(special.gammaincc(a, x))] for a, x in
                      [(0.5, 0.01), (0.5, 1.0), (0.5, 3.0), (0.5, 40.0), (1.0, 2.0), (2.5, 0.5), (2.5, 7.0), (10.0, 3.0),
                       (10.0, 10.0), (10.0, 30.0), (100.0, 90.0), (100.0, 130.0), (5000.0, 4900.0), (5000.0, 5400.0),
                       (3.5, 80.0), (0.5, 300.0)]]
    out["gamma_p"] = [[a, x, num(special.gammainc(a, x))] for a, x in
                      [(0.5, 1e-6), (0.5, 0.3), (3.0, 0.01), (10.0, 3.0), (100.0, 60.0), (5000.0, 4500.0)]]
    out["beta_i"] = [[x, a, b, num(special.betainc(a, b, x))] for x, a, b in
                     [(0.1, 0.5, 0.5), (0.5, 2.0, 3.0), (0.9, 5.0, 0.5), (0.999, 50.0, 0.5), (0.3, 500.0, 0.5),
                      (0.999999, 250000.0, 0.5), (0.2, 1.5, 20.0), (0.05, 3.0, 0.5)]]
    out["chi2_sf"] = [[x, df, num(stats.chi2.sf(x, df))] for x, df in
                      [(0.5, 1), (3.84, 1), (10.0, 3), (50.0, 29), (200.0, 29), (1e-3, 2), (1500.0, 999), (80.0, 4)]]
    out["t_two_sided"] = [[t, df, num(2 * special.stdtr(df, -abs(t)))] for t, df in
                          [(0.0, 5.0), (0.5, 3.0), (2.0, 10.0), (-2.5, 7.3), (4.0, 1.0), (8.0, 25.5), (30.0, 100.0),
                           (3.0, 12345.6), (5.0, 1e6), (1.0, 0.7), (12.0, 40.0)]]
    out["normal_sf"] = [[zz, num(stats.norm.sf(zz))] for zz in
                        [-8.0, -3.0, -1.0, -0.1, 0.0, 0.3, 1.0, 1.96, 3.0, 6.0, 10.0, 20.0, 37.0]]
    out["bessel_kve"] = [[nu, x, num(special.kve(nu, x))] for nu, x in
                         [(0.25, 1e-4), (0.25, 0.01), (0.25, 0.1), (0.25, 0.5), (0.25, 1.0), (0.25, 2.0), (0.25, 5.0),
                          (0.25, 30.0), (0.25, 100.0), (0.25, 1e4), (0.75, 0.3), (1.25, 3.0), (0.0, 1.0)]]
    kstwo = []
    for n, xs in [(1, [0.3, 0.6, 0.99]), (2, [0.2, 0.3, 0.6]), (5, [0.15, 0.25, 0.35, 0.55, 0.8]),
                  (10, [0.08, 0.15, 0.2, 0.27, 0.4, 0.6, 0.93]), (50, [0.015, 0.05, 0.1, 0.15, 0.3]),
                  (140, [0.005, 0.03, 0.06, 0.1, 0.2]), (141, [0.02, 0.06, 0.13]),
                  (500, [0.001, 0.01, 0.03, 0.05, 0.08, 0.2]), (6000, [0.002, 0.008, 0.015, 0.025, 0.05, 0.3]),
                  (100001, [0.001, 0.003, 0.006, 0.01]), (523460, [0.0005, 0.001, 0.0025, 0.004])]:
        for x in xs:
            kstwo.append([n, x, num(stats.kstwo.sf(x, n))])
    out["kstwo_sf"] = kstwo
    out["smirnov_sf"] = [[n, x, num(special.smirnov(n, x))] for n, x in
                         [(1, 0.3), (5, 0.1), (5, 0.19), (5, 0.5), (10, 0.05), (10, 0.25), (10, 0.95), (100, 0.05),
                          (100, 0.2), (1000, 0.01), (1000, 0.06), (50000, 0.005), (50000, 0.02), (2000000, 0.001),
                          (30, 0.002), (30, 1 / 30), (20, 0.1),
                          # A million rows on each side: D of a 0.05-sigma shift, ~10^5 terms mostly far below the largest.
                          (500000, 0.02), (495048, 0.019), (500000, 0.004)]]
    out["cvm_limit_cdf"] = [[x, num(_hypotests._cdf_cvm_inf(x))] for x in
                            [0.005, 0.02, 0.05, 0.1, 0.2, 0.35, 0.5, 0.8, 1.2, 2.0, 3.0]]
    # SciPy's p-value 1 - _cdf_cvm_inf(x) loses ~2e-15 to cancellation; these are the same truncated
    # series evaluated with 40-digit mpmath, to show where the exact value of SciPy's formula lies.
    out["cvm_limit_sf_mpmath"] = [[x, num(cvm_limit_sf_mpmath(x))] for x in
                                  [1.0, 2.0, 3.0, 4.494155186719261, 5.018260839779289]]
    cvm_exact = []
    for m, n in [(2, 3), (5, 7), (8, 10), (10, 10), (4, 20)]:
        for s in sorted({float(v) for v in np.linspace(m * n * (m + n) / 10, m * n * (m + n) * 2.0, 4).round()}):
            cvm_exact.append([s, m, n, num(_hypotests._pval_cvm_2samp_exact(s, m, n))])
    out["cvm_exact_pvalue"] = cvm_exact
    mwu = []
    for k, m, n in [(0, 3, 4), (3, 3, 4), (6, 3, 4), (10, 5, 8), (20, 5, 8), (40, 8, 8), (100, 4, 60), (300, 6, 200)]:
        mwu.append([k, m, n, num(_mannwhitneyu._mwu_state.cdf(k, m, n))])
    out["mwu_exact_cdf"] = mwu
    out["hypergeom_pmf"] = [[x, big, marked, draws, num(stats.hypergeom.pmf(x, big, marked, draws))] for x, big, marked, draws in
                            [(3, 20, 7, 12), (0, 20, 7, 12), (7, 20, 7, 12), (50, 200, 80, 120), (30_000, 100_000, 60_000, 50_000),
                             (29_500, 100_000, 60_000, 50_000), (500_123, 2_000_000, 1_000_000, 1_000_000)]]
    fisher = []
    for table in [[[8, 2], [1, 5]], [[1, 9], [11, 3]], [[3, 7], [7, 3]], [[5, 5], [5, 5]], [[10, 0], [0, 10]],
                  [[100, 50], [60, 90]], [[2000, 1000], [1900, 1100]], [[4, 1], [30000, 45000]], [[0, 5], [3, 2]],
                  [[500, 500], [520, 480]], [[49_500, 50_500], [50_500, 49_500]]]:
        fisher.append([table[0][0], table[0][1], table[1][0], table[1][1], num(stats.fisher_exact(table).pvalue)])
    out["fisher_pvalue"] = fisher
    out["mpmath"] = mpmath_values()
    return out


def mpmath_values():
    """40-digit values at points where SciPy's own double-precision answer is off by more than the C# one."""
    import mpmath as mp
    mp.mp.dps = 40

    def f(v):
        return num(float(v))

    out = {}
    out["log_gamma"] = [[x, f(mp.loggamma(mp.mpf(x)))] for x in
                        [0.25, 0.999, 1.0, 1.0000001, 1.25, 1.5, 1.999, 2.0, 2.0000001, 2.25, 3.5, 7.0, 14.5, 20.0]]
    out["beta_i"] = [[x, a, b, f(mp.betainc(a, b, 0, mp.mpf(x), regularized=True))] for x, a, b in
                     [(0.999999, 250000.0, 0.5), (0.3, 500.0, 0.5), (0.5, 2.0, 3.0)]]
    out["hypergeom_pmf"] = [[k, big, marked, draws,
                             f(mp.binomial(marked, k) * mp.binomial(big - marked, draws - k) / mp.binomial(big, draws))]
                            for k, big, marked, draws in
                            [(500_123, 2_000_000, 1_000_000, 1_000_000), (29_500, 100_000, 60_000, 50_000), (3, 20, 7, 12)]]
    out["normal_sf"] = [[z, f(mp.ncdf(-mp.mpf(z)))] for z in [1.0, 5.0, 20.0, 37.0]]
    return out


# ----------------------------------------------------------------------------------------------
# Output
# ----------------------------------------------------------------------------------------------


def main():
    value_cases = []
    for name, ref, cur, rw_name, cw_name in VALUE_CASES:
        r, c = samples[ref], samples[cur]
        rw = weights[rw_name] if rw_name else None
        cw = weights[cw_name] if cw_name else None
        results = {}
        for test_id, fn in VALUE_TESTS.items():
            if test_id == "mannw" and name in MANNW_INFEASIBLE:
                continue
            res = fn(r, c, rw, cw)
            if res is not None:
                results[test_id] = res
        value_cases.append({"name": name, "reference": ref, "current": cur,
                            "reference_weights": rw_name, "current_weights": cw_name, "results": results})

    count_cases = []
    for name, r, c in COUNT_CASES:
        r, c = np.asarray(r, dtype=np.int64), np.asarray(c, dtype=np.int64)
        results = {}
        for test_id, fn in COUNT_TESTS.items():
            res = fn(r, c)
            if res is not None:
                results[test_id] = res
        count_cases.append({"name": name, "reference": r.tolist(), "current": c.tolist(), "results": results})

    document = {
        "generator": "eng/oracles/drift_oracles.py",
        "python": sys.version.split()[0],
        "scipy": scipy.__version__,
        "numpy": np.__version__,
        "smoothing_epsilon": EPSILON,
        "samples": {k: [num(v) for v in vs] for k, vs in samples.items()},
        "weights": {k: [num(v) for v in vs] for k, vs in weights.items()},
        "value_cases": value_cases,
        "count_cases": count_cases,
        "special_functions": special_functions(),
    }
    text = json.dumps(document, indent=1, separators=(",", ": "))
    # Keep number arrays on one line: the file stays reviewable and small.
    OUT.write_text(compact_arrays(text) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({OUT.stat().st_size // 1024} KiB)")


def compact_arrays(text):
    """Puts every array of scalars that json.dumps(indent=...) spread over many lines on one line."""
    return re.sub(r"\[\s*([^\[\]{}]*?)\s*\]", lambda m: "[" + " ".join(m.group(1).split()) + "]", text)


if __name__ == "__main__":
    main()
