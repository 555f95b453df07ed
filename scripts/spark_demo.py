#!/usr/bin/env python3
"""newsgraph beyond one machine: PySpark builds shard graphs in parallel, one merge joins them.

    pip install pyspark            # needs a Java runtime (java 17 is on these machines)
    python3 scripts/spark_demo.py target/bench-corpus/0000 target/bench-corpus/0001 \
        --out target/spark --shards 8 --check

The driver lists the articles (sorted, as `newsgraph build` sorts them) and cuts them into
contiguous shards. Each Spark task runs `newsgraph build --out <dir> <files of its shard>`; the
driver then runs `newsgraph merge <shard graph.json...> --out DIR`, in shard order. `merge`
gives exactly what one build over all the articles gives, so `--check` builds the whole input
once more on the driver and compares the bytes of graph.json.

On a real cluster see "Beyond one machine" in BENCHMARKS.md.
"""
import argparse
import os
import pathlib
import shutil
import subprocess
import sys


def collect(inputs):
    files = []
    for path in map(pathlib.Path, inputs):
        if path.is_dir():
            files.extend(p for p in path.rglob("*.txt") if p.is_file())
        elif path.suffix == ".txt":
            files.append(path)
    # Absolute paths, so every executor and the check name each article the same way.
    return sorted({str(p.resolve()) for p in files})


def build_shard(newsgraph, work, shard):
    """Runs on an executor: one shard's graph. Returns its graph.json and newsgraph's exit."""
    index, paths = shard
    out = os.path.join(work, f"shard-{index:05}")
    done = subprocess.run(
        [newsgraph, "build", "--out", out, "--no-render", "-q", "--jobs", "1", *paths],
        capture_output=True,
        text=True,
    )
    # Exit 1 means some input was skipped (reported on stderr); the shard is still built.
    if done.returncode not in (0, 1):
        raise RuntimeError(f"shard {index}: newsgraph build failed: {done.stderr.strip()}")
    return index, os.path.join(out, "graph.json"), done.returncode, done.stderr


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("inputs", nargs="+", help="article files or folders")
    parser.add_argument("--out", default="target/spark", help="folder for shards and the merged graph")
    parser.add_argument("--shards", type=int, default=8)
    parser.add_argument("--master", default=f"local[{os.cpu_count() or 2}]")
    parser.add_argument("--newsgraph", default=str(pathlib.Path("target/release/newsgraph").resolve()))
    parser.add_argument("--check", action="store_true", help="compare with one plain build")
    args = parser.parse_args()

    from pyspark.sql import SparkSession

    files = collect(args.inputs)
    if not files:
        sys.exit("no .txt articles in the inputs")
    n = max(1, min(args.shards, len(files)))
    size = -(-len(files) // n)
    shards = [(i, files[i * size : (i + 1) * size]) for i in range(n) if files[i * size : (i + 1) * size]]
    work = str(pathlib.Path(args.out).resolve())
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)

    spark = SparkSession.builder.master(args.master).appName("newsgraph").getOrCreate()
    newsgraph = args.newsgraph
    built = (
        spark.sparkContext.parallelize(shards, numSlices=len(shards))
        .map(lambda shard: build_shard(newsgraph, work, shard))
        .collect()
    )
    spark.stop()
    built.sort()  # shard order = path order
    for index, _, code, stderr in built:
        if code:
            sys.stderr.write(stderr)
    graphs = [graph for _, graph, _, _ in built]
    print(f"{len(files)} articles in {len(graphs)} shard graphs under {work}")

    has_merge = subprocess.run([newsgraph, "merge", "--help"], capture_output=True).returncode == 0
    if not has_merge:
        print("this newsgraph has no `merge` subcommand yet: stopping after the shard builds")
        return
    merged = os.path.join(work, "merged")
    subprocess.run([newsgraph, "merge", *graphs, "--out", merged], check=True)
    print(f"merged graph: {merged}/graph.json")
    if args.check:
        whole = os.path.join(work, "whole")
        subprocess.run(
            [newsgraph, "build", "--out", whole, "--no-render", "-q", *files],
            check=False,
        )
        same = pathlib.Path(merged, "graph.json").read_bytes() == pathlib.Path(whole, "graph.json").read_bytes()
        print("check: merged graph.json equals one build over all articles:", "yes" if same else "NO")
        if not same:
            sys.exit(1)


if __name__ == "__main__":
    main()
