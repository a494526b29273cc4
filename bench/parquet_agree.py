"""Checks two Parquet panels hold the same rows and types: treatywatch's and polars'.

    python parquet_agree.py OURS.parquet POLARS.parquet
"""

import sys

import polars as pl

ours, theirs = (pl.read_parquet(p) for p in sys.argv[1:3])
if ours.schema != theirs.schema:
    sys.exit(f"schemas differ:\n{ours.schema}\n{theirs.schema}")
if not ours.equals(theirs):
    sys.exit("the Parquet panels differ")
meta = pl.read_parquet_metadata(sys.argv[1])
print(f"  identical: {ours.height} rows; dataset {meta.get('treatywatch.dataset.version')}")
