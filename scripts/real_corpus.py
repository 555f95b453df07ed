#!/usr/bin/env python3
"""A benchmark corpus of real news text with invented people.

Usage: real_corpus.py --articles N --out DIR [--seed S] [--per-folder 1000] [--shift-years K]
                      [--gold] [--corpus tests/corpus]

Why: the invented-news generator (examples/corpus.rs) writes its articles in 16 sentence forms,
which the extractor reads faster and more easily than real news (issue 12). This corpus is the
real thing: the gold article texts of tests/corpus/{seeds,dev,dev2} (114 articles from many
outlets, regions and kinds of news), repeated N times in total, with every person renamed, so
that a large corpus is real English news about people who recur across articles the way a
graph build meets them, and names no real person for the people it is about.

What it does, for article n (deterministic: the same seed and arguments give the same bytes):
- the text is source number n % 114 (sorted paths), so any first 114 * k articles hold every
  source text k times;
- each person of the source's gold file (kind "person") is given a person of an invented
  population: a given name from src/lexicon/data/given_names.txt and a surname made from
  syllables or (half the time) another gold person's surname. Population members are drawn
  with a skewed frequency (a few recur often, most rarely), so names recur across articles;
- the parts of the person's canonical name (split on spaces and hyphens; particles such as
  "bin", "al", "von" and titles such as "Sheikh" or "Pope" stay) are replaced wherever they
  stand as words in the text, consistently within the article: the first part by the given
  name, the last by the surname, middle parts by a second given name; a one-word name by the
  surname. So "Lloyd Austin", "Austin" and "Austin's" become "Kenji Varodin", "Varodin" and
  "Varodin's". Spelling variants the gold lists as aliases ("Shoygu" for "Shoigu") take the
  replacement of the part they resemble. CAPITALISED forms (headlines) are replaced too;
- with --shift-years K, four-digit years 1900-2039 move by one offset in [-K, K] drawn for
  the article (off by default: dates stay as published);
- with --gold, the gold file is written beside the text with the same replacements applied
  to every string (names, aliases, participants, evidence), so the corpus can be scored.

Writes DIR/0000/000000.txt, DIR/0000/000001.txt, ... (1,000 articles to a folder by default)
and prints one summary line. About 4,000 articles a second (250,000, 388 MB, in about a minute).
"""
import argparse
import difflib
import json
import pathlib
import random
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
PARTICLES = {
    "al", "el", "bin", "ibn", "bint", "abu", "da", "de", "do", "dos", "das", "del", "della",
    "der", "di", "du", "la", "le", "van", "von", "y", "jr", "jr.", "sr", "sr.", "ii", "iii",
}
SYLLABLES = (
    "ka ro mi ta sen vo li dra bek an ol ur zan pe tiv go mar del shi na ku ev ren jo la "
    "bro sta vik ne hal du mon ti ser ga lo qui fe zu ry ot is am ber cha"
).split()
ENDINGS = "ov ova ski ez ian enko ic oglu son ani ura ez in ero ovic at ene".split()


def words(path):
    """Non-comment lines of a lexicon data file."""
    with open(path, encoding="utf-8") as f:
        return [line.strip() for line in f if line.strip() and not line.startswith("#")]


def title_words():
    """Lowercased words of titles and honorifics: kept in names ("Pope Francis", "Sheikh")."""
    out = set()
    data = ROOT / "src" / "lexicon" / "data"
    for name in ("titles.txt", "honorifics.txt"):
        for line in words(data / name):
            out.update(w.lower().rstrip(".") for w in line.split())
    return out


def name_parts(name, titles):
    """The replaceable parts of a name: capitalised words, split on hyphens, no particles,
    titles or initials."""
    parts = []
    for word in re.split(r"[\s\-]+", name):
        bare = word.strip(".,'’\"()")
        if (
            len(bare) < 2
            or not bare[0].isupper()
            or bare.lower() in PARTICLES
            or bare.lower() in titles
            or word.endswith(".")
        ):
            continue
        parts.append(bare)
    return parts


def similarity(a, b):
    return difflib.SequenceMatcher(None, a.lower(), b.lower()).ratio()


class Source:
    """One gold article: its text, gold, and the name parts of each person."""

    def __init__(self, txt, titles):
        self.txt = txt
        self.text = txt.read_text(encoding="utf-8")
        gold_path = txt.with_name(txt.stem + ".gold.json")
        self.gold = json.loads(gold_path.read_text(encoding="utf-8"))
        # people: list of (parts of the canonical name, {variant part: canonical part})
        self.people = []
        for entity in self.gold.get("entities", []):
            if entity.get("kind") != "person":
                continue
            parts = name_parts(entity["name"], titles)
            if not parts:
                continue
            variants = {}
            for alias in entity.get("aliases", []):
                for part in name_parts(alias, titles):
                    if part in parts or part in variants:
                        continue
                    best = max(parts, key=lambda p: similarity(p, part))
                    if similarity(best, part) >= 0.7:
                        variants[part] = best
            self.people.append((parts, variants))
        every = {p for parts, variants in self.people for p in (*parts, *variants)}
        every |= {p.upper() for p in every}
        alternatives = "|".join(re.escape(p) for p in sorted(every, key=lambda p: (-len(p), p)))
        self.pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)") if every else None


def invented_surname(rng):
    n = rng.choice((1, 2, 2, 3))
    stem = "".join(rng.choice(SYLLABLES) for _ in range(n))
    if rng.random() < 0.5:
        stem += rng.choice(ENDINGS)
    return stem.capitalize()


def match_case(model, word):
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model.islower():
        return word.lower()
    return word


def rename(source, population, rng, weight):
    """The replacement of every name part of the source's people, for one article."""
    mapping = {}
    used = set()
    for parts, variants in source.people:
        for _ in range(20):  # a population member whose names the article does not use yet
            pick = min(int(len(population) * rng.random() ** weight), len(population) - 1)
            given, middle, surname = population[pick]
            if not {given, middle, surname} & used:
                break
        new = {}
        for i, part in enumerate(parts):
            if part in mapping:
                continue  # shared with someone already renamed (the Kims)
            if len(parts) == 1 or i == len(parts) - 1:
                new[part] = surname
            elif i == 0:
                new[part] = given
            else:
                new[part] = middle
        mapping.update(new)
        used |= {given, middle, surname}
        for variant, part in variants.items():
            mapping.setdefault(variant, mapping[part])
    for part, word in list(mapping.items()):
        mapping.setdefault(part.upper(), word.upper())
    return mapping


YEAR = re.compile(r"(?<!\d)(19\d\d|20[0-3]\d)(?!\d)")


def substitute(text, source, mapping, shift):
    if source.pattern is not None:
        text = source.pattern.sub(lambda m: match_case(m.group(0), mapping[m.group(0)]), text)
    if shift:
        text = YEAR.sub(lambda m: str(int(m.group(0)) + shift), text)
    return text


def substitute_all(value, source, mapping, shift):
    if isinstance(value, str):
        return substitute(value, source, mapping, shift)
    if isinstance(value, list):
        return [substitute_all(v, source, mapping, shift) for v in value]
    if isinstance(value, dict):
        return {k: substitute_all(v, source, mapping, shift) for k, v in value.items()}
    return value


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--out", type=pathlib.Path, required=True)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--per-folder", type=int, default=1000)
    parser.add_argument("--shift-years", type=int, default=0)
    parser.add_argument("--gold", action="store_true", help="write the renamed gold files too")
    parser.add_argument("--corpus", type=pathlib.Path, default=ROOT / "tests" / "corpus")
    args = parser.parse_args()

    titles = title_words()
    paths = sorted(p for d in ("seeds", "dev", "dev2") for p in (args.corpus / d).glob("*.txt"))
    if not paths:
        sys.exit(f"no articles in {args.corpus}/{{seeds,dev,dev2}}")
    sources = [Source(p, titles) for p in paths]

    rng = random.Random(args.seed)
    data = ROOT / "src" / "lexicon" / "data"
    given_names = [w for w in words(data / "given_names.txt") if len(w) > 2]
    gold_surnames = sorted({parts[-1] for s in sources for parts, _ in s.people if len(parts) > 1})
    # The population: a few hundred people for a small corpus, one for every two articles for
    # a large one; drawn with density falling as x^(1/weight - 1), so the first ones recur most.
    size = max(500, args.articles // 2)
    population = []
    for _ in range(size):
        surname = rng.choice(gold_surnames) if rng.random() < 0.5 else invented_surname(rng)
        population.append((rng.choice(given_names), rng.choice(given_names), surname))
    weight = 2.5

    per_folder = max(1, args.per_folder)
    n_bytes = n_words = 0
    for n in range(args.articles):
        source = sources[n % len(sources)]
        mapping = rename(source, population, rng, weight)
        shift = rng.randint(-args.shift_years, args.shift_years) if args.shift_years else 0
        text = substitute(source.text, source, mapping, shift)
        folder = args.out / f"{n // per_folder:04}"
        if n % per_folder == 0:
            folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{n:06}.txt").write_text(text, encoding="utf-8")
        if args.gold:
            gold = substitute_all(source.gold, source, mapping, shift)
            gold["article"] = f"{n:06}.txt"
            gold["renamed_from"] = str(source.txt.relative_to(args.corpus))
            (folder / f"{n:06}.gold.json").write_text(
                json.dumps(gold, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
            )
        n_bytes += len(text.encode("utf-8"))
        n_words += len(text.split())
    print(
        f"real corpus: {args.articles} articles from {len(sources)} gold texts, {n_bytes} bytes "
        f"({n_bytes / max(1, args.articles):.0f} per article), {n_words} words -> {args.out}",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
