"""Check rileva's report.json against an independent computation from the raw responses.

What the surveys declare comes from their IR (`rileva build --target ir`, OUT/<id>/ir/
survey.json): questions, codes, missing codes, the positive codes the compiler lowered,
sites, locked questions and the standard they conform to. Nothing is taken from rileva's
report code: grouping, periods, --from/--to, participation (--served), comparisons and
--min-cell disclosure are recomputed here from the JSON lines of the responses, counts
and means with numpy, Wilson intervals with statsmodels' proportion_confint(
method="wilson"), the NPS adjusted-Wald interval from its formula (Rocks 2016). Every
count must be equal and every figure within 1e-9. Also checks that no free text of the
responses appears anywhere in the report.

usage: check_report.py REPORT.json --ir OUT RESPONSES.jsonl... [--by day|week|month]
       [--by-site] [--by-channel] [--from DAY] [--to DAY] [--served FILE.csv] [--min-cell K]
Prints how many figures were compared; exits 1 with the list of differences.
"""

import argparse
import csv
import datetime as dt
import json
import os
import sys

import numpy as np
from scipy.stats import norm
from statsmodels.stats.proportion import proportion_confint

Z = 1.959964
ALPHA = 2 * norm.sf(Z)  # so that statsmodels uses z = 1.959964 exactly as rileva does
TOL = 1e-9
ORDINAL = {"scale", "faces", "rating", "nps"}

compared = 0
problems = []


def same(where, expected, actual):
    global compared
    compared += 1
    if isinstance(expected, float) or isinstance(actual, float):
        if actual is None or expected is None or abs(float(expected) - float(actual)) > TOL:
            problems.append(f"{where}: expected {expected!r}, report has {actual!r}")
    elif expected != actual:
        problems.append(f"{where}: expected {expected!r}, report has {actual!r}")


def compare(where, expected, actual):
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            problems.append(f"{where}: expected an object, report has {actual!r}")
            return
        if set(expected) != set(actual):
            problems.append(f"{where}: keys {sorted(expected)} expected, report has {sorted(actual)}")
        for key in expected:
            compare(f"{where}.{key}", expected[key], actual.get(key))
    elif isinstance(expected, list):
        if not isinstance(actual, list) or len(expected) != len(actual):
            problems.append(f"{where}: expected {expected!r}, report has {actual!r}")
            return
        for i, (e, a) in enumerate(zip(expected, actual)):
            compare(f"{where}[{i}]", e, a)
    else:
        same(where, expected, actual)


def nps_interval(promoters, detractors, n):
    n_adj = n + 3
    p = (promoters + 0.75) / n_adj
    d = (detractors + 0.75) / n_adj
    s = p - d
    half = Z * np.sqrt((p + d - s * s) / n_adj)
    return max(-100.0, 100 * (s - half)), min(100.0, 100 * (s + half))


def declared_positive(q):
    """The positive codes the survey declares (lowered into the IR), checked for sense:
    some of the non-missing codes, the highest ones (a higher code is more positive),
    and for an NPS its promoters."""
    codes = q["positive_codes"]
    present = sorted(c["value"] for c in q["codes"] if not c["missing"])
    if not codes or codes != present[len(present) - len(codes) :]:
        problems.append(f"{q['id']}: the IR's positive codes {codes} are not the top codes of {present}")
    if q["kind"] == "nps" and codes != [9, 10]:
        problems.append(f"{q['id']}: an NPS counts 9 and 10 as positive, the IR says {codes}")
    return codes


def expected_question(q, responses, k):
    qid, kind = q["id"], q["kind"]
    present = [c["value"] for c in q["codes"] if not c["missing"]]
    missing = [c["value"] for c in q["codes"] if c["missing"]]
    values = [r["answers"][qid] for r in responses if qid in r["answers"]]
    out = {"question": qid, "type": kind, "suppressed": True}
    if kind == "number":
        if len(values) < k or not values:
            return out
        return {**out, "suppressed": False, "answered": len(values), "mean": float(np.mean(np.array(values, dtype=np.float64)))}
    if kind == "multi":
        counts = {c: sum(1 for v in values if c in v) for c in present}
        miss = {c: sum(1 for v in values if c in v) for c in missing}
        answered = sum(1 for v in values if any(c in present for c in v))
    else:
        counts = {c: values.count(c) for c in present}
        miss = {c: values.count(c) for c in missing}
        answered = sum(counts.values())
    if answered < k or answered == 0:
        return out
    out.update(suppressed=False, answered=answered, counts={str(c): n for c, n in sorted(counts.items())})
    if miss:
        out["missing"] = {str(c): n for c, n in sorted(miss.items())}
    if kind in ORDINAL:
        non_missing = np.repeat(np.array(list(counts.keys()), dtype=np.float64), list(counts.values()))
        out["mean"] = float(np.mean(non_missing))
        positive = declared_positive(q)
        count = sum(counts[c] for c in positive)
        low, high = proportion_confint(count, answered, alpha=ALPHA, method="wilson")
        out["positive"] = {"codes": positive, "count": count, "share": count / answered, "ci95": [float(low), float(high)]}
    if kind == "nps":
        promoters = counts[9] + counts[10]
        detractors = sum(counts[c] for c in range(7))
        low, high = nps_interval(promoters, detractors, answered)
        out["nps"] = {
            "promoters": promoters,
            "detractors": detractors,
            "score": 100.0 * (promoters - detractors) / answered,
            "ci95": [float(low), float(high)],
        }
    if kind in ("choice", "multi"):
        ranked = sorted(present, key=lambda c: -counts[c])  # stable: ties keep the survey's order
        out["ranking"] = [{"code": c, "count": counts[c], "share": counts[c] / answered} for c in ranked]
    return out


def expected_cell(ir, responses, k):
    """responses (or None when withheld) and the figures of every reported question."""
    reported = [q for q in ir["questions"] if q["kind"] != "text"]
    if len(responses) < k:
        return None, [{"question": q["id"], "type": q["kind"], "suppressed": True} for q in reported]
    return len(responses), [expected_question(q, responses, k) for q in reported]


def day_of(r):
    return dt.date.fromisoformat(r["submitted_at"][:10])


def period(day, by):
    if by == "day":
        return day.isoformat()
    if by == "week":
        year, week, _ = day.isocalendar()
        return f"{year:04d}-W{week:02d}"
    return day.strftime("%Y-%m")


def null_first(key):
    """Sort keys as the report does: by each value, a missing site (None) first."""
    return tuple((0, "") if v is None else (1, v) for v in key)


def check_survey(a, ir, report, mine):
    sid = ir["id"]
    site_ids = [s["id"] for s in ir.get("sites", [])]
    compare(f"{sid}.sites", [{"id": s["id"], "label": s["label"]} for s in ir.get("sites", [])], report.get("sites", []))
    n, questions = expected_cell(ir, mine, a.min_cell)
    same(f"{sid}.responses", n, report["responses"])
    same(f"{sid}.suppressed", n is None, report["suppressed"])
    compare(f"{sid}.questions", questions, report["questions"])
    same(f"{sid}.versions", sorted({r["version"] for r in mine}), report["versions"])

    dims = []
    if a.by:
        dims.append(("period", lambda r: period(day_of(r), a.by)))
    if a.by_site and site_ids:
        dims.append(("site", lambda r: r.get("site")))
    if a.by_channel:
        dims.append(("channel", lambda r: r["channel"]))
    if dims:
        def key(r):
            return tuple(f(r) for _, f in dims)

        groups = []
        for k in sorted({key(r) for r in mine}, key=null_first):
            cell = [r for r in mine if key(r) == k]
            cell_n, qs = expected_cell(ir, cell, a.min_cell)
            groups.append({**{name: v for (name, _), v in zip(dims, k)}, "responses": cell_n, "suppressed": cell_n is None, "questions": qs})
        compare(f"{sid}.groups", groups, report.get("groups"))
    elif "groups" in report:
        problems.append(f"{sid}: groups given though no grouping was asked")

    if a.by:
        periods = sorted({period(day_of(r), a.by) for r in mine})
        timeline = []
        for p in periods:
            count = sum(1 for r in mine if period(day_of(r), a.by) == p)
            timeline.append({"period": p, "responses": count if count >= a.min_cell else None, "suppressed": count < a.min_cell})
        compare(f"{sid}.timeline", timeline, report.get("timeline"))

    if a.served:
        compare(f"{sid}.participation", expected_participation(a, site_ids, mine), report.get("participation"))
    elif "participation" in report:
        problems.append(f"{sid}: participation given without --served")
    return {q["question"]: q for q in questions} if n is not None else {}


def expected_participation(a, site_ids, mine):
    cells = {}
    with open(a.served, encoding="utf-8", newline="") as f:
        for line in csv.DictReader(f):
            day = dt.date.fromisoformat(line["date"])
            site = line["site"] or None
            if (a.from_day and day < a.from_day) or (a.to_day and day > a.to_day):
                continue
            if site is not None and site not in site_ids:
                continue
            key = (period(day, a.by) if a.by else None, site)
            cells[key] = cells.get(key, 0) + int(line["served"])

    def responses(p, site):
        return sum(
            1
            for r in mine
            if (a.by is None or period(day_of(r), a.by) == p) and (not site_ids or r.get("site") == site)
        )

    def row(p, site, served, n):
        shown = n >= a.min_cell
        out = {"site": site, "served": served, "responses": n if shown else None, "rate": n / served if shown and served > 0 else None, "suppressed": not shown}
        if p is not None:
            out["period"] = p
        return out

    rows, all_served, all_n = [], 0, 0
    for (p, site), served in sorted(cells.items(), key=lambda kv: null_first(kv[0])):
        n = responses(p, site)
        all_served += served
        all_n += n
        rows.append(row(p, site, served, n))
    return {"rows": rows, "total": row(None, None, all_served, all_n)}


def expected_comparisons(irs, reports, figures):
    """One table per locked ordinal question of a standard version that two or more
    surveys conform to; a withheld survey is listed apart."""
    members = {}
    for ir in irs:
        c = ir.get("conforms")
        if c:
            members.setdefault((c["standard"], c["version"]), []).append(ir)
    out = []
    for (standard, version), group in sorted(members.items()):
        if len(group) < 2:
            continue
        ids = []
        for ir in group:
            for q in ir["questions"]:
                if q["locked"] and q["kind"] in ORDINAL and q["id"] not in ids:
                    ids.append(q["id"])
        for qid in ids:
            asking = [(ir, next(q for q in ir["questions"] if q["id"] == qid)) for ir in group if any(q["id"] == qid for q in ir["questions"])]
            if len(asking) < 2:
                continue
            codes = asking[0][1]["positive_codes"]
            rows, withheld = [], []
            for ir, q in asking:
                f = figures[ir["id"]].get(qid)
                if f and "positive" in f and q["positive_codes"] == codes:
                    rows.append({"survey": ir["id"], "answered": f["answered"], "share": f["positive"]["share"], "ci95": f["positive"]["ci95"]})
                else:
                    withheld.append(ir["id"])
            rows.sort(key=lambda r: (-r["share"], r["survey"]))
            out.append({"standard": standard, "version": version, "question": qid, "codes": codes, "rows": rows, "withheld": sorted(withheld)})
    return out


def version_key(version):
    return [int(p) if p.isdigit() else 0 for p in version.split(".")]


def merged_ir(versions):
    """Several versions of one survey (docs/versions.md), read independently of rileva: the
    latest, on the questions every version that asks them asks alike (type, wording and code
    labels in the default language, missing codes) and the latest of each major version asks.
    Returns (ir, ids of the questions left out)."""
    versions = sorted(versions, key=lambda ir: version_key(ir["version"]))
    latest = versions[-1]
    newest = {}
    for ir in versions:
        newest[ir["version"].split(".")[0]] = ir

    def meaning(ir, q):
        lang = ir["languages"][0]
        codes = sorted((c["value"], c["label"].get(lang, ""), c["missing"]) for c in q["codes"])
        return (q["kind"], q["wording"].get(lang, ""), codes)

    ids = []
    for ir in [latest] + versions:
        ids += [q["id"] for q in ir["questions"] if q["id"] not in ids]
    kept, left = [], []
    for qid in ids:
        asked = [(ir, next((q for q in ir["questions"] if q["id"] == qid), None)) for ir in versions]
        ok = all(q is not None for ir, q in asked if ir is newest[ir["version"].split(".")[0]])
        ok = ok and asked[-1][1] is not None
        ok = ok and len({repr(meaning(ir, q)) for ir, q in asked if q is not None}) == 1
        (kept if ok else left).append(qid)
    ir = dict(latest)
    ir["questions"] = [q for q in latest["questions"] if q["id"] in kept]
    if len(newest) > 1 and any(not v.get("sites") for v in versions):
        ir["sites"] = []  # the view over several major versions has sites only if all do
    return ir, left


def main():
    p = argparse.ArgumentParser()
    p.add_argument("report")
    p.add_argument("responses", nargs="+")
    p.add_argument("--ir", required=True, help="the --out of `rileva build --target ir`")
    p.add_argument("--by", choices=["day", "week", "month"])
    p.add_argument("--by-site", action="store_true")
    p.add_argument("--by-channel", action="store_true")
    p.add_argument("--from", dest="from_day", type=dt.date.fromisoformat)
    p.add_argument("--to", dest="to_day", type=dt.date.fromisoformat)
    p.add_argument("--served")
    p.add_argument("--min-cell", type=int, default=5)
    a = p.parse_args()
    text = open(a.report, encoding="utf-8").read()
    if "TESTO-LIBERO" in text:
        problems.append("free text of a response appears in the report")
    report = json.loads(text)
    rows = [json.loads(line) for path in a.responses for line in open(path, encoding="utf-8")]
    assert any("TESTO-LIBERO" in json.dumps(r) for r in rows), "the responses carry no free text"
    rows = [r for r in rows if (not a.from_day or day_of(r) >= a.from_day) and (not a.to_day or day_of(r) <= a.to_day)]
    scope = {
        "from": a.from_day.isoformat() if a.from_day else None,
        "to": a.to_day.isoformat() if a.to_day else None,
        "by": a.by,
        "by_site": a.by_site,
        "by_channel": a.by_channel,
        "min_cell": a.min_cell,
        "z": Z,
    }
    compare("scope", scope, report["scope"])
    irs, figures = [], {}
    # `build` writes a survey's latest version under <id>/, the others under <id>@<version>/.
    by_id = {}
    for name in sorted(os.listdir(a.ir)):
        with open(os.path.join(a.ir, name, "ir", "survey.json"), encoding="utf-8") as f:
            ir = json.load(f)
        by_id.setdefault(ir["id"], []).append(ir)
    same("surveys", len(by_id), len(report["surveys"]))
    for survey in report["surveys"]:
        sid = survey["survey"]
        if sid not in by_id:
            problems.append(f"{sid}: no IR under --ir")
            continue
        ir, left = merged_ir(by_id[sid])
        same(f"{sid}.not_merged", left, [n["question"] for n in survey.get("not_merged", [])])
        irs.append(ir)
        figures[sid] = check_survey(a, ir, survey, [r for r in rows if r["survey"] == sid])
    compare("comparisons", expected_comparisons(irs, report["surveys"], figures), report["comparisons"])
    if problems:
        print("\n".join(problems[:50]))
        print(f"{len(problems)} difference(s) among {compared} figures")
        sys.exit(1)
    print(f"report figures agree with numpy/statsmodels: {compared} figures compared to 1e-9")


if __name__ == "__main__":
    main()
