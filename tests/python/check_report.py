"""Check rileva's report.json against an independent computation from the raw responses.

Counts and means with numpy, Wilson intervals with statsmodels'
proportion_confint(method="wilson"), the NPS adjusted-Wald interval from its formula
(Rocks 2016). The questions, codes and missing codes come from generate_responses.py,
written apart from rileva. Every count must be equal and every figure within 1e-9.
Also checks that no free text of the responses appears anywhere in the report.

usage: check_report.py REPORT.json RESPONSES.jsonl... [--by month] [--by-channel] [--min-cell K]
Prints how many figures were compared; exits 1 on the first list of differences.
"""

import argparse
import json
import sys

import numpy as np
from scipy.stats import norm
from statsmodels.stats.proportion import proportion_confint

from generate_responses import SURVEYS

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


def nps_interval(promoters, detractors, n):
    n_adj = n + 3
    p = (promoters + 0.75) / n_adj
    d = (detractors + 0.75) / n_adj
    s = p - d
    half = Z * np.sqrt((p + d - s * s) / n_adj)
    return max(-100.0, 100 * (s - half)), min(100.0, 100 * (s + half))


def expected_question(spec_q, responses, k):
    qid, kind, codes, _weights, missing, *_ = spec_q
    values = [r["answers"][qid] for r in responses if qid in r["answers"]]
    out = {"question": qid, "type": kind}
    if kind == "number":
        if len(values) < k:
            return {**out, "suppressed": True}
        return {**out, "suppressed": False, "answered": len(values), "mean": float(np.mean(np.array(values, dtype=np.float64)))}
    if kind == "multi":
        counts = {c: sum(1 for v in values if c in v) for c in codes}
        answered = sum(1 for v in values if any(c in codes for c in v))
        miss = {}
    else:
        counts = {c: values.count(c) for c in codes}
        miss = {c: values.count(c) for c in missing}
        answered = sum(counts.values())
    if answered < k or answered == 0:
        return {**out, "suppressed": True}
    out.update(suppressed=False, answered=answered, counts={str(c): n for c, n in counts.items()})
    if miss:
        out["missing"] = {str(c): n for c, n in miss.items()}
    if kind in ORDINAL:
        non_missing = np.repeat(np.array(list(counts.keys()), dtype=np.float64), list(counts.values()))
        out["mean"] = float(np.mean(non_missing))
        ordered = sorted(codes)
        positive = ordered[len(ordered) - len(ordered) // 2 :]
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
        ranked = sorted(codes, key=lambda c: -counts[c])  # stable: ties keep the code order
        out["ranking"] = [{"code": c, "count": counts[c], "share": counts[c] / answered} for c in ranked]
    return out


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


def expected_cell(spec, responses, k):
    if len(responses) < k:
        return None, [{"question": q[0], "type": q[1], "suppressed": True} for q in spec["questions"] if q[1] != "text"]
    return len(responses), [expected_question(q, responses, k) for q in spec["questions"] if q[1] != "text"]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("report")
    p.add_argument("responses", nargs="+")
    p.add_argument("--by", choices=["month"])
    p.add_argument("--by-channel", action="store_true")
    p.add_argument("--min-cell", type=int, default=5)
    a = p.parse_args()
    text = open(a.report, encoding="utf-8").read()
    if "TESTO-LIBERO" in text:
        problems.append("free text of a response appears in the report")
    report = json.loads(text)
    rows = [json.loads(line) for path in a.responses for line in open(path, encoding="utf-8")]
    assert any("TESTO-LIBERO" in json.dumps(r) for r in rows), "the responses carry no free text"
    shares = {}
    for survey in report["surveys"]:
        sid = survey["survey"]
        spec = SURVEYS[sid]
        mine = [r for r in rows if r["survey"] == sid]
        n, questions = expected_cell(spec, mine, a.min_cell)
        same(f"{sid}.responses", n, survey["responses"])
        compare(f"{sid}.questions", questions, survey["questions"])
        shares[sid] = {q["question"]: q for q in questions}
        if a.by or a.by_channel:
            def key(r):
                return ((r["submitted_at"][:7],) if a.by else ()) + ((r["channel"],) if a.by_channel else ())
            keys = sorted({key(r) for r in mine})
            same(f"{sid}.groups.count", len(keys), len(survey["groups"]))
            for g, k in zip(survey["groups"], keys):
                got = ((g["period"],) if a.by else ()) + ((g["channel"],) if a.by_channel else ())
                same(f"{sid}.group.key", k, got)
                n, questions = expected_cell(spec, [r for r in mine if key(r) == k], a.min_cell)
                same(f"{sid}.group{k}.responses", n, g["responses"])
                compare(f"{sid}.group{k}.questions", questions, g["questions"])
    for c in report["comparisons"]:
        rows_expected = []
        for sid, qs in shares.items():
            q = qs.get(c["question"])
            if q and "positive" in q:
                rows_expected.append({"survey": sid, "answered": q["answered"], "share": q["positive"]["share"], "ci95": q["positive"]["ci95"]})
        rows_expected.sort(key=lambda r: (-r["share"], r["survey"]))
        compare(f"comparison.{c['question']}.rows", rows_expected, c["rows"])
    if problems:
        print("\n".join(problems[:50]))
        print(f"{len(problems)} difference(s) among {compared} figures")
        sys.exit(1)
    print(f"report figures agree with numpy/statsmodels: {compared} figures compared to 1e-9")


if __name__ == "__main__":
    main()
