"""Generate responses with a known distribution for the report tests and benchmarks.

Deterministic (a seeded random.Random): the same arguments give the same JSON lines.
Each survey's questions, codes, routing and weights are written out here, apart from
rileva, so that `rileva load` judges what this script believes is valid.

usage: generate_responses.py SURVEY_ID N SEED START_DAY DAYS [--sites a,b,-] > out.jsonl

Each response gets one of --sites at random; `-` stands for a response without a site.
"""

import argparse
import datetime as dt
import json
import random
import sys

SCALE5 = [1, 2, 3, 4, 5]
SCALE5_WEIGHTS = [5, 10, 20, 35, 30]

CORE = [
    # id, kind, codes, weights, missing codes (with their weight), required, channels, show_if
    ("facilita", "scale", SCALE5, [4, 8, 20, 40, 28], {9: 3}, True, None, None),
    ("informazioni", "scale", SCALE5, [6, 9, 25, 35, 25], {9: 5}, True, None, None),
    ("efficacia", "scale", [1, 2, 3], [15, 25, 60], {}, True, None, None),
    ("soddisfazione", "scale", SCALE5, [8, 12, 25, 30, 25], {9: 4}, True, None, None),
    ("motivi", "multi", [1, 2, 3, 4, 99], [30, 25, 15, 20, 10], {}, False, None, ("soddisfazione", {1, 2})),
    ("attesa", "scale", SCALE5, SCALE5_WEIGHTS, {9: 2}, False, None, None),
    ("cortesia", "scale", SCALE5, [2, 4, 14, 40, 40], {9: 2}, False, None, None),
]

SURVEYS = {
    "prova.sportello_a": {
        "channels": ["kiosk", "web"],
        "questions": CORE
        + [
            ("raccomandazione", "nps", list(range(11)), [2, 1, 1, 2, 3, 5, 6, 10, 20, 25, 25], {}, False, {"web"}, None),
            ("prenotazione", "yesno", [1, 2], [40, 60], {}, False, None, None),
            ("minuti", "number", (0, 180), None, {}, False, {"web"}, None),
        ],
    },
    "prova.sportello_b": {
        "channels": ["kiosk", "web"],
        "questions": CORE
        + [
            ("stelle", "rating", [1, 2, 3, 4, 5], [3, 7, 20, 40, 30], {}, False, None, None),
            ("commento", "text", None, None, {}, False, {"web"}, None),
        ],
    },
    "lecce.anagrafe_kiosk": {
        "channels": ["kiosk", "web"],
        "questions": [
            ("giudizio", "faces", [1, 2, 3], [15, 25, 60], {}, True, None, None),
            ("motivo", "choice", [1, 2, 3, 4], [45, 25, 20, 10], {}, False, None, ("giudizio", {1})),
            ("pratica", "choice", [1, 2, 3, 4, 5], [35, 30, 15, 10, 10], {}, False, None, None),
            ("commento", "text", None, None, {}, False, {"web"}, ("giudizio", {1})),
        ],
    },
}

# A marker that must never appear in a report: every free text carries it.
FREE_TEXT_MARKER = "TESTO-LIBERO-<b>&'\""


def answer(rng, kind, codes, weights, missing, multi_done):
    if kind == "number":
        low, high = codes
        return rng.randint(low, high)
    if kind == "text":
        return f"{FREE_TEXT_MARKER} {rng.randint(0, 10**6)}"
    values = list(codes) + list(missing)
    w = list(weights) + list(missing.values())
    if kind == "multi":
        picks = sorted(set(rng.choices(codes, weights=weights, k=rng.randint(1, 3))))
        return picks
    return rng.choices(values, weights=w, k=1)[0]


def response(rng, survey_id, spec, day, sites):
    channel = rng.choice(spec["channels"])
    language = "it" if rng.random() < 0.9 else "en"
    seconds = rng.randint(8 * 3600, 18 * 3600)
    when = dt.datetime.combine(day, dt.time()) + dt.timedelta(seconds=seconds)
    answers = {}
    for qid, kind, codes, weights, missing, required, channels, show_if in spec["questions"]:
        if channels is not None and channel not in channels:
            continue
        if show_if is not None and answers.get(show_if[0]) not in show_if[1]:
            continue
        if not required and rng.random() < 0.15:
            continue
        value = answer(rng, kind, codes, weights, missing, answers)
        answers[qid] = value
        if kind == "multi" and 99 in value:
            answers[f"{qid}_99_text"] = f"{FREE_TEXT_MARKER} altro"
    out = {
        "survey": survey_id,
        "version": "1.0.0",
        "language": language,
        "channel": channel,
        "submitted_at": when.strftime("%Y-%m-%dT%H:%M:%SZ"),
    }
    if sites:
        site = rng.choice(sites)
        if site is not None:
            out["site"] = site
    out["answers"] = answers
    return out


def main():
    p = argparse.ArgumentParser()
    p.add_argument("survey")
    p.add_argument("n", type=int)
    p.add_argument("seed", type=int)
    p.add_argument("start")
    p.add_argument("days", type=int)
    p.add_argument("--sites", default="")
    a = p.parse_args()
    spec = SURVEYS[a.survey]
    rng = random.Random(a.seed)
    start = dt.date.fromisoformat(a.start)
    sites = [None if s == "-" else s for s in a.sites.split(",") if s]
    out = sys.stdout
    for i in range(a.n):
        day = start + dt.timedelta(days=rng.randrange(a.days))
        out.write(json.dumps(response(rng, a.survey, spec, day, sites), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
