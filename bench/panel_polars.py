"""The Parquet baseline: polars writes the same panel rows as Parquet (zstd).

It reads the CSV panel (the rows both implementations agree on), with the types
treatywatch's Parquet file uses, and writes it with polars' defaults for zstd. Prints
the seconds spent writing alone (the whole run, reading included, is timed outside).

    python panel_polars.py PANEL.csv OUT.parquet
"""

import sys
import time

import polars as pl

src, out = sys.argv[1:3]
INTS = ["iso3n", "ccode", "gwcode", "year", "signed", "consented", "bound", "withdrawn"]
DATES = ["date", "signature_date", "consent_date", "entry_into_force", "withdrawal_notified",
         "withdrawal_effective", "known_until"]
df = pl.read_csv(src, infer_schema=False)
df = df.with_columns(
    [pl.col(c).cast(pl.Int32, strict=True) for c in INTS]
    + [pl.col(c).str.to_date("%Y-%m-%d") for c in DATES]
)
start = time.perf_counter()
df.write_parquet(out, compression="zstd")
print(f"polars write_parquet: {time.perf_counter() - start:.2f} s, {df.height} rows")
