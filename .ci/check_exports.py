"""Reads treatywatch's panel exports with real readers: pandas and polars for Parquet,
sqlite3 for the database. Exits non-zero with a message on any mismatch.

    python .ci/check_exports.py PANEL.parquet PANEL.sqlite PANEL.csv
"""

import sqlite3
import sys

import pandas as pd
import polars as pl

parquet, database, csv_path = sys.argv[1:4]
COLUMNS = ["state", "state_name", "iso3n", "ccode", "gwcode", "treaty", "treaty_name",
           "treaty_short_name", "treaty_ref", "year", "date", "status", "signed", "consented",
           "bound", "withdrawn", "signature_date", "consent_date", "consent_kind",
           "entry_into_force", "withdrawal_notified", "withdrawal_effective", "known_until"]
INTS = ["iso3n", "ccode", "gwcode", "signed", "consented", "bound", "withdrawn"]


def check(cond, message):
    if not cond:
        sys.exit(f"check_exports: {message}")


expected = pd.read_csv(csv_path, dtype=str, keep_default_na=False)
check(list(expected.columns) == COLUMNS, f"CSV columns {list(expected.columns)}")

# Parquet, with pandas (pyarrow) and polars.
pdf = pd.read_parquet(parquet)
check(list(pdf.columns) == COLUMNS, f"pandas columns {list(pdf.columns)}")
check(len(pdf) == len(expected), f"pandas rows {len(pdf)} != {len(expected)}")
ltu = pdf[(pdf.state == "LTU") & (pdf.treaty == "ccm") & (pdf.year == 2025)]
check(len(ltu) == 1 and ltu.status.iloc[0] == "withdrawn", f"pandas LTU ccm 2025: {ltu}")
check(int(ltu.withdrawn.iloc[0]) == 1 and int(ltu.bound.iloc[0]) == 0, "pandas LTU indicators")
check(int(ltu.ccode.iloc[0]) == 368, "pandas LTU ccode")
# The dataset's identity in the key-value metadata.
import pyarrow.parquet as pq
kv = {k.decode(): v.decode() for k, v in (pq.read_metadata(parquet).metadata or {}).items()}
for key in ["treatywatch.dataset.version", "treatywatch.dataset.latest_fact",
            "treatywatch.dataset.license", "treatywatch.dataset.digest"]:
    check(kv.get(key), f"Parquet metadata has no {key}: {sorted(kv)}")
check(kv["treatywatch.dataset.license"] == "CC-BY-4.0", "Parquet licence")
codecs = {pq.ParquetFile(parquet).metadata.row_group(0).column(i).compression for i in range(len(COLUMNS))}
check(codecs == {"ZSTD"}, f"Parquet compression {codecs}")
check(str(ltu.withdrawal_effective.iloc[0]) == "2025-03-06", "pandas reads DATE columns")
plf = pl.read_parquet(parquet)
check(plf.columns == COLUMNS, f"polars columns {plf.columns}")
check(plf.height == len(expected), f"polars rows {plf.height}")
check(plf.schema["entry_into_force"] == pl.Date, f"polars schema {plf.schema}")
check(plf.schema["bound"] == pl.Int32, f"polars schema {plf.schema}")
counts = plf.filter((pl.col("treaty") == "apmbc") & (pl.col("year") == 2026)) \
    .group_by("status").len().sort("status")
print("polars: apmbc statuses at the end of 2026:", dict(counts.iter_rows()))
# The same rows as the CSV export, cell for cell.
as_text = pdf.copy()
for c in COLUMNS:
    as_text[c] = as_text[c].map(
        lambda v: "" if v is None or (isinstance(v, float) and v != v)
        else str(int(v)) if c in INTS else str(v))
check(as_text.equals(expected), "the Parquet panel differs from the CSV panel")

# SQLite: the tables, the indexes, and a join across them.
db = sqlite3.connect(database)
tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
views = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'view'")}
for t in ["metadata", "states", "entities", "treaties", "actions", "action_sources", "sources",
          "panel_rows"]:
    check(t in tables, f"no table {t} in {sorted(tables)}")
check("panel" in views, f"no view panel in {sorted(views)}")
meta = dict(db.execute("SELECT key, value FROM metadata"))
check(meta.get("treatywatch.dataset.version") == kv["treatywatch.dataset.version"],
      f"sqlite metadata {meta}")
cols = [r[1] for r in db.execute("PRAGMA table_info(panel)")]
check(cols == COLUMNS, f"sqlite panel columns {cols}")
indexes = db.execute("SELECT count(*) FROM sqlite_master WHERE type = 'index'").fetchone()[0]
check(indexes >= 5, f"{indexes} indexes")
rows = db.execute("SELECT count(*) FROM panel").fetchone()[0]
check(rows == len(expected), f"sqlite panel rows {rows}")
joined = db.execute(
    """SELECT p.state, s.name, src.publisher, src.url FROM panel p
       JOIN states s ON s.code = p.state
       JOIN actions a ON a.state = p.state AND a.treaty = p.treaty AND a.action = 'withdrawal'
       JOIN action_sources x ON x.action = a.id
       JOIN sources src ON src.id = x.source
       WHERE p.treaty = 'ccm' AND p.year = 2025 AND p.status = 'withdrawn'"""
).fetchall()
check(joined and all(r[0] == "LTU" for r in joined), f"sqlite join: {joined}")
plan = " ".join(r[3] for r in db.execute(
    "EXPLAIN QUERY PLAN SELECT * FROM panel WHERE treaty = 'ccm' AND year = 2025"))
check("INDEX" in plan.upper(), f"the panel query uses no index: {plan}")
print(f"check_exports: {len(expected)} rows agree in CSV, Parquet (pandas, polars) and SQLite")
