"""The country-year panel from the UN Treaty Collection tables, in plain pandas.

The baseline a researcher would write by hand: read every table, turn participant
names into ISO codes, read the dates and their suffixes, apply each treaty's
entry-into-force rule from the project's registry (data/treaties/*.toml), and spread
the result over every state, treaty and year. It reads the same files as
`treatywatch --untc DIR export panel --all` and must give the same rows.

    python panel_pandas.py UNTC_DIR DATA_DIR FROM TO OUT.csv
"""

import csv
import glob
import os
import re
import sys
import tomllib
import unicodedata

import pandas as pd

untc_dir, data_dir, year_from, year_to, out = sys.argv[1:6]
year_from, year_to = int(year_from), int(year_to)

# ---- names -----------------------------------------------------------------------

SPECIAL = str.maketrans({"ø": "o", "ł": "l", "đ": "d", "ß": "s", "æ": "a", "œ": "o", "ı": "i"})


def normalize(name):
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower().translate(SPECIAL)
    words = [w for w in re.split(r"[^\w&]|_", s) if w]
    parts = []
    for w in words:
        parts.extend(p for p in re.split(r"(?<=&)", w) if p)
    out, first = [], True
    for w in (p.rstrip("&") for p in parts):
        if not w:
            continue
        if w in ("st", "ste"):
            w = "saint"
        elif w == "and":
            w = ""
        elif w == "the" and first:
            w = ""
        first = False
        out.append(w)
    return "".join(out)


with open(os.path.join(data_dir, "states.toml"), "rb") as f:
    states = tomllib.load(f)
with open(os.path.join(data_dir, "entities.toml"), "rb") as f:
    entities = tomllib.load(f)

name_to_code = {}
for code, s in states.items():
    for n in [s["name"], s.get("formal", "")] + s.get("aliases", []) + s.get("former", []):
        k = normalize(n)
        if k:
            name_to_code.setdefault(k, code)
not_states = set()
for eid, e in entities.items():
    for n in [eid, e["name"]] + e.get("aliases", []):
        not_states.add(normalize(n))

independence = {
    code: pd.Timestamp(s["independence"]) for code, s in states.items() if "independence" in s
}
state_names = pd.DataFrame(
    {"state": list(states), "state_name": [states[c]["name"] for c in states]}
).sort_values("state")

# ---- the registry ------------------------------------------------------------------

registry = {}
for path in glob.glob(os.path.join(data_dir, "treaties", "*.toml")):
    with open(path, "rb") as f:
        t = tomllib.load(f)
    if "untc" in t:
        registry[t["untc"].upper()] = t

index = pd.read_csv(os.path.join(untc_dir, "index.csv"), dtype=str)
index["stem"] = index["chapter_no"] + "-" + index["treaty_no"].str.replace(".", "-", regex=False)
index["ref"] = index["url"].str.extract(r"mtdsg_no=([^&]+)")[0]

# ---- headers and cells -------------------------------------------------------------

LABELS = [
    ("undertaking of provisional application", "provisional_application"),
    ("provisional", "provisional_application"),
    ("signature ad referendum", "signature"),
    ("succession to signature", "signature"),
    ("definitive signature", "definitive_signature"),
    ("signature", "signature"),
    ("definitive acceptance", "acceptance"),
    ("acceptance", "acceptance"),
    ("ratification", "ratification"),
    ("accession", "accession"),
    ("approval", "approval"),
    ("succession", "succession"),
    ("formal confirmation", "formal_confirmation"),
    ("consent to be bound", "consent_to_be_bound"),
    ("participation", "participation"),
    ("simplified procedure", "simplified_procedure"),
    ("application", "application"),
    ("registration date", "acceptance"),
    ("notification in respect of", "succession"),
]
GENERAL = {"a": "accession", "A": "acceptance", "AA": "approval", "d": "succession",
           "s": "definitive_signature", "c": "formal_confirmation",
           "n": "provisional_application", "P": "participation", "p": "simplified_procedure",
           "C": None}
RANK = {"signature": 0, "provisional_application": 2}


def meaning(label):
    low = label.strip().lower()
    for prefix, kind in LABELS:
        if low.startswith(prefix):
            return kind
    return None


def parse_header(header):
    cols = []
    for h in header:
        labels = []
        for raw in (p.strip() for p in h.split(", ")):
            if not raw:
                continue
            m = re.match(r"^(.*)\(([A-Za-z]{1,2})\)$", raw)
            text, suffix = (m.group(1).strip(), m.group(2)) if m else (raw, None)
            labels.append((text, suffix, meaning(text)))
        unsuffixed = [l for l in labels if l[1] is None]
        default = (unsuffixed or labels)[0][2] if labels else None
        cols.append({"labels": labels, "default": default,
                     "skip": default is None and all(l[1] is None for l in labels)})
    return cols


def suffix_kind(cols, i, suffix):
    def declared(col):
        for text, s, m in col["labels"]:
            if s == suffix:
                return m if m is not None else GENERAL.get(suffix)
        return "-"
    k = declared(cols[i])
    if k != "-":
        return k
    for c in cols:
        k = declared(c)
        if k != "-":
            return k
    return GENERAL.get(suffix)


MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december"]
CELL = re.compile(r"^\s*(\d{1,2})\s+([A-Za-z.]+)\s+(\d{4})(?:\s+\(?([A-Za-z]+)\)?)?\s*$")


def month_of(word):
    w = word.lower().rstrip(".")
    for i, m in enumerate(MONTHS):
        if len(w) >= 3 and m.startswith(w):
            return i + 1
    return None


# ---- every table -------------------------------------------------------------------

frames = []
treaties = []
for _, row in index.iterrows():
    path = os.path.join(untc_dir, "treaties", row["stem"] + ".csv")
    if not os.path.exists(path):
        continue
    reg = registry.get(row["ref"].upper())
    tid = reg["id"] if reg else "un-" + row["stem"].lower()
    treaties.append((tid, row["ref"]))
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    if len(table.columns) < 2 or table.empty:
        continue  # the table lists participants without dates
    cols = parse_header(list(table.columns[1:]))
    long = table.melt(id_vars=table.columns[0], var_name="column", value_name="cell")
    long = long[long["cell"].str.strip() != ""]
    long["col"] = long["column"].map({c: i for i, c in enumerate(table.columns[1:])})
    long = long[~long["col"].map(lambda i: cols[i]["skip"])]
    parts = long["cell"].str.extract(CELL)
    long["day"], long["mon"], long["year"], long["suffix"] = parts[0], parts[1], parts[2], parts[3]
    long = long.dropna(subset=["day"])
    long["kind"] = [
        cols[i]["default"] if pd.isna(s) else suffix_kind(cols, i, s)
        for i, s in zip(long["col"], long["suffix"])
    ]
    long = long.dropna(subset=["kind"])
    long["date"] = pd.to_datetime(
        dict(year=long["year"].astype(int), month=long["mon"].map(month_of),
             day=long["day"].astype(int)))
    name = long[table.columns[0]].str.strip().str.rstrip("0123456789,*† ")
    key = name.map(normalize)
    long["state"] = key.map(name_to_code)
    long = long.dropna(subset=["state"])
    long["treaty"] = tid
    long["order"] = range(len(long))
    frames.append(long[["treaty", "state", "kind", "date", "order"]])

actions = pd.concat(frames, ignore_index=True)
actions = actions.drop_duplicates(["treaty", "state", "kind", "date"])
actions = actions[actions["kind"] != "provisional_application"]
treaty_refs = dict(treaties)

# ---- entry into force --------------------------------------------------------------


def apply(delay, d):
    rule = delay["rule"]
    if rule == "first_day_of_month_after":
        return d.replace(day=1) + pd.DateOffset(months=delay["months"])
    if rule == "days_after":
        return d + pd.Timedelta(days=delay["days"])
    if rule == "months_after":
        return d + pd.DateOffset(months=delay["months"])
    return d


def invert(delay, d):
    rule = delay["rule"]
    if rule == "first_day_of_month_after":
        return d.replace(day=1) - pd.DateOffset(months=delay["months"])
    if rule == "days_after":
        return d - pd.Timedelta(days=delay["days"])
    if rule == "months_after":
        return d - pd.DateOffset(months=delay["months"])
    return d


reg_by_id = {t["id"]: t for t in registry.values()}
consents = actions[actions["kind"] != "signature"].copy()
sigs = actions[actions["kind"] == "signature"]


def counts_from(r, rules):
    if r["kind"] == "succession" and rules.get("succession", {}).get("rule") == "from_independence":
        ind = independence.get(r["state"])
        if ind is not None:
            return min(ind, r["date"])
    return r["date"]


firsts = []
for tid, group in consents.groupby("treaty", sort=False):
    t = reg_by_id.get(tid, {})
    rules = t.get("rules", {})
    g = group.copy()
    g["from"] = [counts_from(r, rules) for _, r in g.iterrows()]
    g = g.sort_values(["state", "from", "date", "order"], kind="stable")
    first = g.groupby("state", sort=False).head(1).copy()
    eif_rule = rules.get("entry_into_force", {"rule": "unknown"})
    general = threshold = None
    if eif_rule["rule"] in ("threshold", "all_of"):
        counted = first[first["kind"].isin(eif_rule["counted"])].sort_values(["date", "order"], kind="stable")
        if eif_rule["rule"] == "threshold":
            n = eif_rule["instruments"]
            if len(counted) >= n:
                threshold = counted["date"].iloc[n - 1]
        else:
            got = counted[counted["state"].isin(eif_rule["states"])]
            if len(got) == len(eif_rule["states"]):
                threshold = got["date"].max()
        if threshold is not None:
            general = apply(eif_rule["general"], threshold)
            if eif_rule.get("not_before"):
                general = max(general, pd.Timestamp(eif_rule["not_before"]))
        recorded = t.get("entry_into_force")
        if recorded is not None and (general is None or general > pd.Timestamp(recorded)):
            general = pd.Timestamp(recorded)
            threshold = invert(eif_rule["general"], general)
    eif = []
    for _, r in first.iterrows():
        if general is None:
            eif.append(pd.NaT)
        elif r["kind"] == "succession":
            rule = rules.get("succession", {}).get("rule", "unknown")
            if rule == "from_independence" and r["state"] in independence:
                eif.append(max(independence[r["state"]], general))
            elif rule == "from_notification":
                eif.append(max(r["date"], general))
            else:
                eif.append(pd.NaT)
        else:
            cutoff = threshold if eif_rule.get("later_from", "threshold_deposit") == "threshold_deposit" else general
            eif.append(general if r["date"] <= cutoff else max(apply(eif_rule["later"], r["date"]), general))
    first["eif"] = eif
    firsts.append(first)

first = pd.concat(firsts, ignore_index=True)

# ---- the panel ---------------------------------------------------------------------

with_actions = sorted(set(actions["treaty"]))
years = pd.DataFrame({"period": range(year_from, year_to + 1)})
years["date"] = pd.to_datetime(years["period"].astype(str) + "-12-31")
grid = (
    pd.DataFrame({"treaty": with_actions})
    .merge(state_names, how="cross")
    .merge(years, how="cross")
)
grid["treaty_ref"] = grid["treaty"].map(treaty_refs)
last_sig = sigs.groupby(["treaty", "state", "date"], as_index=False).size()[["treaty", "state", "date"]]
grid = grid.merge(
    first[["treaty", "state", "kind", "date", "from", "eif"]].rename(
        columns={"kind": "k", "date": "c_date", "from": "c_from", "eif": "c_eif"}),
    on=["treaty", "state"], how="left")
# The latest signature on or before each period's day.
grid = grid.sort_values("date", kind="stable")
sig_sorted = last_sig.rename(columns={"date": "sig"}).sort_values("sig")
sig_sorted["sig_key"] = sig_sorted["sig"]
grid = pd.merge_asof(grid, sig_sorted, left_on="date", right_on="sig_key",
                     by=["treaty", "state"], direction="backward")
has_consent = grid["c_from"].notna() & (grid["c_from"] <= grid["date"])
grid["consent_deposited"] = grid["c_date"].where(has_consent)
grid["consent_kind"] = grid["k"].where(has_consent)
grid["entry_into_force"] = grid["c_eif"].where(has_consent)
grid["signed"] = grid["sig"]
grid["status"] = "not_signatory"
grid.loc[grid["signed"].notna(), "status"] = "signatory"
grid.loc[has_consent, "status"] = "consent_deposited"
grid.loc[has_consent & grid["entry_into_force"].notna() & (grid["entry_into_force"] <= grid["date"]), "status"] = "party"
grid["withdrawal_notified"] = ""
grid["withdrawal_effective"] = ""
for c in ["date", "signed", "consent_deposited", "entry_into_force"]:
    grid[c] = grid[c].dt.strftime("%Y-%m-%d").fillna("")
grid["consent_kind"] = grid["consent_kind"].fillna("")
grid = grid.sort_values(["treaty", "state", "period"], kind="stable")
columns = ["state", "state_name", "treaty", "treaty_ref", "period", "date", "status", "signed",
           "consent_deposited", "consent_kind", "entry_into_force", "withdrawal_notified",
           "withdrawal_effective"]
grid[columns].to_csv(out, index=False, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
