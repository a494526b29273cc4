"""The country-year panel from the UN Treaty Collection tables, in plain pandas.

The baseline a researcher would write by hand: read every table, turn participant
names into ISO codes, read the dates and their suffixes, keep the curated record of the
treaties the project curates (adding only what the tables alone have), apply each
treaty's rules from the project's registry (data/treaties/*.toml: entry into force,
successions, withdrawal), and spread the result over every state while it exists, every
former state, treaty and year, with the state codes of data/codes.csv and a status
`unknown` after a table's capture. It reads the same files as
`treatywatch --untc DIR --untc-captured FROM/TO export panel --all` and must give the
same rows.

    python panel_pandas.py UNTC_DIR DATA_DIR FROM TO OUT.csv [CAPTURED_FROM]
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
captured_from = pd.Timestamp(sys.argv[6]) if len(sys.argv) > 6 else None

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
table_meta = {}
for _, row in index.iterrows():
    path = os.path.join(untc_dir, "treaties", row["stem"] + ".csv")
    if not os.path.exists(path):
        continue
    reg = registry.get(row["ref"].upper())
    tid = reg["id"] if reg else "un-" + row["stem"].lower()
    table_meta[tid] = row
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
    long["state"] = name.map(normalize).map(name_to_code)
    long = long.dropna(subset=["state"])
    long["treaty"] = tid
    frames.append(long[["treaty", "state", "kind", "date"]])

table_actions = pd.concat(frames, ignore_index=True)
table_actions = table_actions.drop_duplicates(["treaty", "state", "kind", "date"])
RANKS = {"signature": 0, "provisional_application": 2, "withdrawal": 3,
         "withdrawal_retracted": 4, "suspension_declared": 5}
table_actions["rank"] = table_actions["kind"].map(lambda k: RANKS.get(k, 1))
table_actions = table_actions.sort_values(["treaty", "state", "date", "rank"], kind="stable")
latest = table_actions.groupby("treaty")["date"].max()

# ---- the curated record, and what only the tables add ---------------------------------

curated = {}
for path in sorted(glob.glob(os.path.join(data_dir, "actions", "*.csv"))):
    tid = os.path.basename(path)[:-4]
    rows = pd.read_csv(path, dtype=str, comment="#", keep_default_na=False)
    curated[tid] = pd.DataFrame({"treaty": tid, "state": rows["state"], "kind": rows["action"],
                                 "date": pd.to_datetime(rows["date"])})


def klass(kind):
    return "signature" if kind == "signature" else (
        "consent" if RANKS.get(kind, 1) == 1 else kind)


parts = []
known_until = {}
for tid in sorted(set(table_actions["treaty"]) | set(curated)):
    t = table_actions[table_actions["treaty"] == tid]
    if tid in curated:
        c = curated[tid]
        have = set(zip(c["state"], c["kind"], c["date"]))
        classes = set(zip(c["state"], c["kind"].map(klass)))
        keep = [(s, k, d) not in have and (s, klass(k)) not in classes
                for s, k, d in zip(t["state"], t["kind"], t["date"])]
        extra = t.loc[pd.Series(keep, index=t.index, dtype=bool), ["treaty", "state", "kind", "date"]]
        parts.append(pd.concat([c, extra]) if len(extra) else c)
    elif len(t):
        parts.append(t[["treaty", "state", "kind", "date"]])
        k = latest[tid]
        known_until[tid] = max(k, captured_from) if captured_from is not None else k
actions = pd.concat(parts, ignore_index=True)
actions["order"] = range(len(actions))
actions = actions[~actions["kind"].isin(["provisional_application", "suspension_declared"])]

# ---- the rules -----------------------------------------------------------------------


def apply(delay, d):
    rule = delay["rule"]
    if rule == "first_day_of_month_after":
        return d.replace(day=1) + pd.DateOffset(months=delay["months"])
    if rule == "first_day_of_month_after_days":
        return (d + pd.Timedelta(days=delay["days"])).replace(day=1) + pd.DateOffset(months=1)
    if rule == "days_after":
        return d + pd.Timedelta(days=delay["days"])
    if rule == "months_after":
        return d + pd.DateOffset(months=delay["months"])
    return d


def invert(delay, d):
    rule = delay["rule"]
    if rule == "first_day_of_month_after":
        return d.replace(day=1) - pd.DateOffset(months=delay["months"])
    if rule == "first_day_of_month_after_days":
        return d.replace(day=1) - pd.DateOffset(months=1) - pd.Timedelta(days=delay["days"])
    if rule == "days_after":
        return d - pd.Timedelta(days=delay["days"])
    if rule == "months_after":
        return d - pd.DateOffset(months=delay["months"])
    return d


reg_by_id = {t["id"]: t for t in registry.values()}
for path in glob.glob(os.path.join(data_dir, "treaties", "*.toml")):
    with open(path, "rb") as f:
        t = tomllib.load(f)
    reg_by_id.setdefault(t["id"], t)
NOT = pd.NaT


def pair_events(tid, state, acts, rules, general, threshold):
    """Every day the pair's record changes, with the facts from then on."""
    acts = sorted(acts, key=lambda a: (a[3], RANKS.get(a[1], 1), a[2], a[4]))
    succession = rules.get("succession", {}).get("rule", "unknown")
    eif_rule = rules.get("entry_into_force", {"rule": "unknown"})
    wd = rules.get("withdrawal", {"rule": "unknown"})

    def entry(kind, d):
        if eif_rule["rule"] == "unknown":
            return "unknown"
        if general is None:
            return "not_in_force"
        if kind == "succession":
            if succession == "from_independence":
                ind = independence.get(state)
                return max(ind, general) if ind is not None else "unknown"
            if succession == "from_notification":
                return max(d, general)
            return "unknown"
        cutoff = threshold if eif_rule.get("later_from", "threshold_deposit") == "threshold_deposit" else general
        return general if d <= cutoff else max(apply(eif_rule["later"], d), general)

    def effect(d):
        if wd["rule"] != "notice":
            return None
        p = wd.get("period", {})
        return d + pd.DateOffset(months=p.get("months", 0)) + pd.Timedelta(days=p.get("days", 0))

    derived = {}
    days = set()
    for i, (_, kind, d, cf, _) in enumerate(acts):
        days.add(cf)
        if kind == "withdrawal":
            e = effect(d)
            derived[i] = e
            if e is not None:
                days.add(e)
        elif kind != "signature":
            e = entry(kind, d)
            derived[i] = e
            if isinstance(e, pd.Timestamp):
                days.add(e)
    events = []
    for day in sorted(days):
        sig = consent = wdr = None
        for i, (_, kind, d, cf, _) in enumerate(acts):
            if cf > day:
                break
            if kind == "signature":
                sig = i
            elif kind == "withdrawal":
                if wd["rule"] == "no_clause":
                    continue
                if consent is not None and wdr is None:
                    wdr = i
            else:
                left = wdr is not None and derived[wdr] is not None and derived[wdr] <= d
                if consent is None or left:
                    consent, wdr = i, None if left else wdr
        e = derived.get(consent) if consent is not None else None
        eif = e if isinstance(e, pd.Timestamp) else NOT
        we = derived.get(wdr) if wdr is not None else None
        if consent is not None and wdr is not None:
            status = "withdrawn" if we is not None and we <= day else "withdrawal_pending"
        elif consent is not None:
            if isinstance(e, pd.Timestamp) and e <= day:
                status = "party"
            elif e == "unknown":
                status = "consented"
            else:
                status = "consent_deposited"
        elif sig is not None:
            status = "signatory"
        else:
            status = "not_signatory"
        events.append((tid, state, day, status,
                       acts[sig][2] if sig is not None else NOT,
                       acts[consent][2] if consent is not None else NOT,
                       acts[consent][1] if consent is not None else "",
                       eif,
                       acts[wdr][2] if wdr is not None else NOT,
                       we if we is not None else NOT))
    return events


events = []
for tid, group in actions.groupby("treaty", sort=True):
    t = reg_by_id.get(tid, {})
    rules = t.get("rules", {})
    succession = rules.get("succession", {}).get("rule", "unknown")
    g = group.copy()
    g["from"] = [
        min(independence[s], d) if k == "succession" and succession == "from_independence"
        and s in independence else d
        for s, k, d in zip(g["state"], g["kind"], g["date"])]
    g["rank"] = g["kind"].map(lambda k: RANKS.get(k, 1))
    g = g.sort_values(["state", "from", "rank", "date", "order"], kind="stable")
    consents = g[g["rank"] == 1]
    first = consents.groupby("state", sort=False).head(1)
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
    for state, acts in g.groupby("state", sort=False):
        events.extend(pair_events(tid, state, list(zip(acts["state"], acts["kind"], acts["date"],
                                                       acts["from"], acts["order"])),
                                  rules, general, threshold))

ev = pd.DataFrame(events, columns=["treaty", "record", "day", "status", "signature_date",
                                   "consent_date", "consent_kind", "entry_into_force",
                                   "withdrawal_notified", "withdrawal_effective"])

# ---- who has rows, and their codes -------------------------------------------------------

actors = [(c, s["name"], pd.Timestamp(s["from"]) if "from" in s else None, None, c)
          for c, s in sorted(states.items())]
actors += sorted((eid, e["name"], pd.Timestamp(e["from"]) if "from" in e else None,
                  pd.Timestamp(e["until"]) if "until" in e else None, e.get("continued_by"))
                 for eid, e in entities.items()
                 if e["kind"] == "historical_state" and ("from" in e or "until" in e))
codes = pd.read_csv(os.path.join(data_dir, "codes.csv"), comment="#", dtype=str, keep_default_na=False)
years = list(range(year_from, year_to + 1))
spans = {}
for r in codes.itertuples(index=False):
    spans.setdefault(r.id, []).append((r.system, r.code, getattr(r, "_3"), r.until))
rows = []
for order, (aid, name, start, end, record) in enumerate(actors):
    for y in years:
        day = pd.Timestamp(f"{y}-12-31")
        if (start is not None and day < start) or (end is not None and day > end):
            continue
        text = f"{y}-12-31"
        code = {}
        for system in ["iso3n", "cow", "gw"]:
            code[system] = next((c for sy, c, f, u in spans.get(aid, [])
                                 if sy == system and (f == "" or f <= text)
                                 and (u == "" or u >= text)), "")
        rows.append((order, aid, name, code["iso3n"], code["cow"], code["gw"], record, y, day))
frame = pd.DataFrame(rows, columns=["order", "state", "state_name", "iso3n", "ccode", "gwcode",
                                    "record", "year", "date"])

# ---- the panel ---------------------------------------------------------------------------

treaty_ids = sorted(set(actions["treaty"]))


def names(tid):
    t = reg_by_id.get(tid)
    if t is not None:
        return t["name"], t["short_name"], t.get("untc", "")
    m = table_meta[tid]
    title = m["treaty_name"].strip()
    head, _, tail = title.rpartition(". ")
    short = head if head and tail[-1:].isdigit() else title
    return short, short, m["ref"]


def opened(tid):
    t = reg_by_id.get(tid) or {}
    days = [pd.Timestamp(t[k]) for k in ("adopted", "opened_for_signature") if k in t]
    return min(days) if days else None


grid = pd.DataFrame({"treaty": treaty_ids}).merge(frame, how="cross")
names_df = pd.DataFrame([(t, *names(t)) for t in treaty_ids],
                        columns=["treaty", "treaty_name", "treaty_short_name", "treaty_ref"])
grid = grid.merge(names_df, on="treaty", how="left")
grid["known_until"] = grid["treaty"].map(known_until)
grid["asked"] = grid["date"].where(grid["known_until"].isna() | (grid["date"] <= grid["known_until"]),
                                   grid["known_until"])
grid = grid.sort_values("asked", kind="stable")
ev = ev.sort_values("day", kind="stable")
grid = pd.merge_asof(grid, ev, left_on="asked", right_on="day", by=["treaty", "record"],
                     direction="backward")
grid["status"] = grid["status"].fillna("not_signatory")
grid.loc[grid["known_until"].notna() & (grid["date"] > grid["known_until"]), "status"] = "unknown"
no_record = grid["record"].isna()
grid["opened"] = grid["treaty"].map({t: opened(t) for t in treaty_ids})
before = no_record & grid["opened"].notna() & (grid["date"] < grid["opened"])
grid.loc[no_record, "status"] = "unknown"
grid.loc[before, "status"] = "not_signatory"
st = grid["status"]
known = st != "unknown"


def ind(mask, blank=None):
    out = pd.Series("", index=grid.index)
    out[known] = mask[known].map({True: "1", False: "0"})
    if blank is not None:
        out[blank] = ""
    return out


grid["signed"] = ind(grid["signature_date"].notna())
grid["consented"] = ind(st.isin(["consent_deposited", "consented", "party", "withdrawal_pending"]))
grid["bound"] = ind(st.isin(["party", "withdrawal_pending"]), blank=st == "consented")
grid["withdrawn"] = ind(st == "withdrawn")
for c in ["date", "signature_date", "consent_date", "entry_into_force", "withdrawal_notified",
          "withdrawal_effective", "known_until"]:
    grid[c] = grid[c].dt.strftime("%Y-%m-%d").fillna("")
grid["consent_kind"] = grid["consent_kind"].fillna("")
grid = grid.sort_values(["treaty", "order", "year"], kind="stable")
columns = ["state", "state_name", "iso3n", "ccode", "gwcode", "treaty", "treaty_name",
           "treaty_short_name", "treaty_ref", "year", "date", "status", "signed", "consented",
           "bound", "withdrawn", "signature_date", "consent_date", "consent_kind",
           "entry_into_force", "withdrawal_notified", "withdrawal_effective", "known_until"]
grid[columns].to_csv(out, index=False, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
