#!/usr/bin/env python3
"""Fits the pair model's weights (src/lexicon/data/pair_weights.tsv) on gold folders.

usage: scripts/fit_pairs.py [--out FILE] [--check | --measure] [--add] DIR [DIR...]
       (the weights in the repository: scripts/fit_pairs.py tests/corpus/seeds tests/corpus/dev
        tests/corpus/dev2)

The pair model (src/extract/pairs.rs) is the contact reader's second opinion: for two sides
named in one sentence with a contact word, that the reader did not link, it weighs cues
(where the contact word stands, what lies between the names, reporting and modal words) and
adds a contact when the probability passes a threshold. This script:

1. runs `examples/pair_cues.rs` (built with `cargo build --release --example pair_cues`) on
   every NAME.txt with a NAME.gold.json beside it in the folders given;
2. labels each candidate pair: 1 when the gold has a contact that happened between the two
   gold entities its sides denote and the gold evidence of that contact lies in the
   candidate's sentence, else 0 (entities are matched to gold as `score.py` matches nodes:
   a shared normalised name or alias, else a person's unique surname);
3. fits L2-regularised logistic regression by full-batch gradient descent (deterministic:
   no sampling, cues in sorted order);
4. picks the threshold (from 0.30 up) that gives the best contact F1 over the folders,
   counting the pairs the reader found as `score.py` counts contacts; it is written only with
   `--add`: without, the threshold is 1 and the model adds no pair, because on fresh articles
   nobody tuned for its gain changes sign with the threshold (see README, "Developing");
   the pairs the reader found get their confidence either way (5);
5. fits a second model on the reader's own pairs (label: the gold has a contact between the
   two), whose probability is each event's `confidence` (cues prefixed `read:`);
6. writes the weights, sorted by cue, with `bias` and `threshold`.

Fit on the development folders only (tests/corpus/*), never on a folder kept for measuring.
`--check` prints the fit's figures and writes nothing.
"""
import argparse
import json
import math
import os
import re
import subprocess
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CUES = os.environ.get("PAIR_CUES", os.path.join(ROOT, "target", "release", "examples", "pair_cues"))
OUT = os.path.join(ROOT, "src", "lexicon", "data", "pair_weights.tsv")
L2 = 1.0
STEPS = 3000
RATE = 0.5
# The least belief that adds a pair: below it the few positive pairs of the folders would
# set the threshold wherever they happen to fall.
FLOOR = 30


def norm(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.lower().replace("\u2019", "'")
    s = re.sub(r"'s\b", "", s)
    s = re.sub(r"[^a-z0-9 ]+", " ", s)
    return " ".join(s.split())


def gold_index(entity, gold):
    """The gold entity `entity` denotes, as score.py matches a node, or None."""
    forms = {norm(entity["name"])} | {norm(a) for a in entity["aliases"]}
    forms.discard("")
    best = None
    for i, g in enumerate(gold):
        if forms & ({norm(g["name"])} | {norm(a) for a in g.get("aliases", [])}):
            if g["kind"] == entity["kind"]:
                return i
            best = i if best is None else best
    if entity["kind"] == "person":
        last = norm(entity["name"]).split()[-1:]
        hits = [i for i, g in enumerate(gold)
                if g["kind"] == "person" and last and norm(g["name"]).split()[-1:] == last]
        if len(hits) == 1:
            return hits[0]
    return best


def articles(dirs):
    for d in dirs:
        for f in sorted(os.listdir(d)):
            gold = os.path.join(d, f[:-4] + ".gold.json")
            if f.endswith(".txt") and os.path.exists(gold):
                yield os.path.join(d, f), gold


def read(dirs):
    """One record per article: gold pairs, the reader's pairs, candidates with labels."""
    pairs = list(articles(dirs))
    out = subprocess.run([CUES] + [t for t, _ in pairs], check=True, capture_output=True,
                         text=True).stdout.splitlines()
    records = []
    for (text, gold_path), line in zip(pairs, out):
        view = json.loads(line)
        gold = json.load(open(gold_path, encoding="utf-8"))
        ents = gold["entities"]
        index = {g["name"]: i for i, g in enumerate(ents)}
        happened, elsewhere, evidence = set(), set(), {}
        for it in gold.get("interactions", []):
            a, b = (index.get(p) for p in it["participants"])
            if a is None or b is None or a == b:
                continue
            pair = frozenset((a, b))
            if it.get("status", "happened") == "happened":
                happened.add(pair)
                evidence.setdefault(pair, []).append(" ".join(it.get("evidence", "").split()))
            else:
                elsewhere.add(pair)
        elsewhere -= happened
        to_gold = [gold_index(e, ents) for e in view["entities"]]

        def gold_pair(a, b):
            ga, gb = to_gold[a], to_gold[b]
            return None if ga is None or gb is None or ga == gb else frozenset((ga, gb))

        read_pairs = {gold_pair(a, b) for a, b, _ in view["linked"]} - {None}
        read_other = sum(1 for a, b, _ in view["linked"] if gold_pair(a, b) is None)
        candidates = []
        for c in view["candidates"]:
            pair = gold_pair(c["a"], c["b"])
            sentence = " ".join(c["sentence"].split())
            said_here = pair in happened and any(
                e and (e[:60] in sentence or sentence[:60] in e) for e in evidence[pair])
            candidates.append({"pair": pair, "cues": sorted(c["cues"]), "label": int(said_here)})
        known = happened | elsewhere
        read_cues = [{"cues": sorted(r["cues"]), "label": int(gold_pair(r["a"], r["b"]) in known)}
                     for r in view["read"]]
        records.append({"happened": happened, "elsewhere": elsewhere, "read": read_pairs,
                        "read_other": read_other, "candidates": candidates,
                        "read_cues": read_cues})
    return records


def fit(rows, names):
    """Weights (bias first) of L2-regularised logistic regression."""
    w = [0.0] * (len(names) + 1)
    n = len(rows)
    for _ in range(STEPS):
        grad = [0.0] * len(w)
        for cues, y in rows:
            z = w[0] + sum(w[k] for k in cues)
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            d = p - y
            grad[0] += d
            for k in cues:
                grad[k] += d
        for k in range(len(w)):
            reg = L2 * w[k] if k else 0.0
            w[k] -= RATE * (grad[k] + reg) / n
    return w


def contacts_f1(records, chances, threshold):
    tp = fp = fn = 0
    for r in records:
        predicted = set(r["read"])
        fp_extra = r["read_other"]
        for c, p in zip(r["candidates"], chances(r)):
            if p >= threshold:
                if c["pair"] is None:
                    fp_extra += 1
                else:
                    predicted.add(c["pair"])
        predicted -= r["elsewhere"]
        tp += len(predicted & r["happened"])
        fp += len(predicted - r["happened"]) + fp_extra
        fn += len(r["happened"] - predicted)
    p = tp / (tp + fp) if tp + fp else 1.0
    rc = tp / (tp + fn) if tp + fn else 1.0
    return (2 * p * rc / (p + rc) if p + rc else 0.0), tp, fp, fn


def fit_model(examples):
    """(bias, {cue: weight}) fitted on (cues, label) examples."""
    names = sorted({cue for cues, _ in examples for cue in cues})
    column = {name: k + 1 for k, name in enumerate(names)}
    w = fit([([column[q] for q in cues], y) for cues, y in examples], names)
    return w[0], {name: w[column[name]] for name in names}


def probability(model, cues):
    bias, weights = model
    z = bias + sum(weights.get(q, 0.0) for q in cues)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def bands(scored, what, log):
    for lo, hi in [(0.0, 0.5), (0.5, 0.8), (0.8, 1.01)]:
        band = [y for p, y in scored if lo <= p < hi]
        if band:
            log(f"{what} with confidence {lo:.1f} to {min(hi, 1):.1f}: {len(band)}, "
                f"{sum(band) / len(band):.2f} of them gold")


def measure(records, path, log):
    """How the weights of `path` sort the pairs of `records`."""
    rows = dict(line.rstrip("\n").split("\t") for line in open(path, encoding="utf-8")
                if line.strip() and not line.startswith("#"))
    rows = {k: float(v) for k, v in rows.items()}
    threshold = rows.pop("threshold")
    added = (rows.pop("bias"), rows)
    believed = (rows.get("read:bias", 0.0), rows)
    scored = [(probability(believed, [q for q in c["cues"] if q != "read:bias"]), c["label"])
              for r in records for c in r["read_cues"]]
    bands(scored, "reader's pairs", log)
    chance = lambda r: [probability(added, c["cues"]) for c in r["candidates"]]
    base = contacts_f1(records, lambda r: [0.0] * len(r["candidates"]), 1.0)
    f1, tp, fp, fn = contacts_f1(records, chance, threshold)
    log(f"reader alone: contacts F1 {base[0]:.3f} (tp {base[1]}, fp {base[2]}, fn {base[3]})")
    log(f"with the model at {threshold:.2f}: contacts F1 {f1:.3f} (tp {tp}, fp {fp}, fn {fn})")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dirs", nargs="+")
    ap.add_argument("--out", default=OUT)
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--add", action="store_true",
                    help="write the fitted threshold, so the model adds pairs (default: 1, none)")
    ap.add_argument("--measure", action="store_true",
                    help="fit nothing: tell how well the weights in --out sort the pairs of DIR")
    args = ap.parse_args()
    if not os.access(CUES, os.X_OK):
        sys.exit(f"{CUES} missing: run `cargo build --release --example pair_cues` first")
    records = read(args.dirs)
    log = lambda text: print(text, file=sys.stderr)
    if args.measure:
        measure(records, args.out, log)
        return

    # The pairs the reader left alone: which to add.
    examples = [(c["cues"], c["label"]) for r in records for c in r["candidates"]]
    added = fit_model(examples)
    chance = lambda r: [probability(added, c["cues"]) for c in r["candidates"]]
    base = contacts_f1(records, lambda r: [0.0] * len(r["candidates"]), 1.0)
    grid = [t / 100 for t in range(FLOOR, 100)]
    best = max(grid, key=lambda t: (round(contacts_f1(records, chance, t)[0], 6), t))
    f1, tp, fp, fn = contacts_f1(records, chance, best)
    log(f"{len(records)} articles, {len(examples)} pairs the reader left alone, "
        f"{sum(y for _, y in examples)} said in their sentence")
    log(f"reader alone: contacts F1 {base[0]:.3f} (tp {base[1]}, fp {base[2]}, fn {base[3]})")
    log(f"with the model at {best:.2f}: contacts F1 {f1:.3f} (tp {tp}, fp {fp}, fn {fn})")

    # The reader's own pairs: how much to believe each (its events' confidence).
    read_examples = [([q for q in c["cues"] if q != "read:bias"], c["label"])
                     for r in records for c in r["read_cues"]]
    believed = fit_model(read_examples)
    bands([(probability(believed, cues), y) for cues, y in read_examples], "reader's pairs", log)
    if args.check:
        for name, weight in sorted(added[1].items(), key=lambda kv: -abs(kv[1]))[:25]:
            log(f"  {name:40} {weight:+.3f}")
        return
    with open(args.out + ".tmp", "w", encoding="utf-8") as f:
        f.write("# Written by scripts/fit_pairs.py on " + " ".join(
            os.path.relpath(os.path.abspath(d), ROOT) for d in args.dirs)
            + "; do not edit by hand.\n")
        f.write("# cue<TAB>weight. bias and threshold are the added pairs' model's own rows;\n"
                "# cues named read:... weigh the reader's pairs, read:bias their bias.\n")
        f.write(f"bias\t{added[0]:.4f}\nthreshold\t{best if args.add else 1.0:.2f}\n")
        rows = dict(added[1])
        rows.update(believed[1])
        rows["read:bias"] = believed[0]
        for name in sorted(rows):
            if abs(rows[name]) >= 0.00005:
                f.write(f"{name}\t{rows[name]:.4f}\n")
    os.replace(args.out + ".tmp", args.out)
    log(f"wrote {os.path.relpath(args.out, ROOT)}")


if __name__ == "__main__":
    main()
