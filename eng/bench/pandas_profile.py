#!/usr/bin/env python3
"""What a pandas user does to profile a CSV: read_csv, describe(), value_counts() per string column."""
import sys
import pandas as pd

data = pd.read_csv(sys.argv[1])
summary = data.describe()
counts = {c: data[c].value_counts() for c in data.columns if data[c].dtype == object}
print(len(data), summary.shape[1], len(counts))
