#!/usr/bin/env python3
"""The pandas + SciPy side of eng/bench/drift_vs_scipy.sh: what Evidently's data drift runs per column.

Reads both CSVs with pandas, then for every column: numeric -> scipy.stats.ks_2samp on the non-missing
values; other -> Evidently's chi-squared stattest (scipy.stats.chisquare of the current counts against
the reference proportions scaled to the current size, over the union of categories). Prints the share
of columns with p < 0.05 and a timing breakdown to stderr.

Usage: drift_scipy.py REFERENCE.csv CURRENT.csv
"""
import sys
import time

import numpy as np
import pandas as pd
from scipy import stats


def chi_squared(reference, current):
    keys = sorted(set(reference.unique()) | set(current.unique()))
    k_norm = current.shape[0] / reference.shape[0]
    ref_counts = {**dict.fromkeys(keys, 0), **dict(reference.value_counts())}
    cur_counts = {**dict.fromkeys(keys, 0), **dict(current.value_counts())}
    f_exp = [ref_counts[k] * k_norm for k in keys]
    f_obs = [cur_counts[k] for k in keys]
    return stats.chisquare(f_obs, f_exp)[1]


def main():
    start = time.perf_counter()
    reference = pd.read_csv(sys.argv[1])
    current = pd.read_csv(sys.argv[2])
    read = time.perf_counter()
    p_values = {}
    for column in reference.columns:
        r = reference[column].dropna()
        c = current[column].dropna()
        if pd.api.types.is_numeric_dtype(r):
            p_values[column] = stats.ks_2samp(r.to_numpy(), c.to_numpy()).pvalue
        else:
            p_values[column] = chi_squared(r, c)
    done = time.perf_counter()
    drifted = sum(p < 0.05 for p in p_values.values())
    print(
        f"pandas+scipy: read {read - start:.2f} s, tests {done - read:.2f} s; "
        f"{drifted} of {len(p_values)} columns with p < 0.05",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
