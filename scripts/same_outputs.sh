#!/usr/bin/env bash
# Do two newsgraph binaries write the same outputs? For work that must not change a byte
# (speed, refactoring): every output file of `build` (graph.json, graph.dot, every --format)
# compared byte for byte, and graph.db compared by `sqlite3 graph.db .dump` (the file's bytes
# may differ where SQLite is free to choose). The pictures are not drawn: Graphviz's fdp does
# not draw the same DOT the same way twice, and they are drawn from graph.dot, compared here.
#
#   scripts/same_outputs.sh OLD_BINARY NEW_BINARY [CORPUS_FOLDER...]
#
# Builds, with each binary, in a scratch folder:
#   - every article of tests/corpus alone (-j 1, --no-render, every format);
#   - each folder of tests/corpus, and all of them together (default threads and -j 1);
#   - each CORPUS_FOLDER given (the benchmark's sample, say), -j 1 and default threads;
#   - an update (seeds, then dev and dev2 with --update) and a merge of two builds.
# Prints each difference and exits 1 if there was one. Env: SCRATCH (a temporary folder),
# KEEP=1 keeps it.
set -euo pipefail
cd "$(dirname "$0")/.."
old=$(realpath "$1") new=$(realpath "$2")
shift 2
extra=("$@")
scratch=${SCRATCH:-$(mktemp -d)}
mkdir -p "$scratch"
[[ ${KEEP:-0} == 1 ]] || trap 'rm -rf "$scratch"' EXIT
formats=graphml,gexf,cytoscape,d3,html
differences=0 cases=0

# compare NAME: the outputs of $scratch/old/NAME and $scratch/new/NAME.
compare() {
    local a=$scratch/old/$1 b=$scratch/new/$1 f
    cases=$((cases + 1))
    if [[ "$(cd "$a" && ls)" != "$(cd "$b" && ls)" ]]; then
        echo "DIFFERENT files in $1: $(cd "$a" && ls | tr '\n' ' ') / $(cd "$b" && ls | tr '\n' ' ')"
        differences=$((differences + 1))
        return
    fi
    for f in "$a"/*; do
        f=$(basename "$f")
        if [[ $f == graph.db ]]; then
            if ! cmp -s <(sqlite3 "$a/$f" .dump) <(sqlite3 "$b/$f" .dump); then
                echo "DIFFERENT $1/$f (sqlite3 .dump)"
                differences=$((differences + 1))
            fi
        elif ! cmp -s "$a/$f" "$b/$f"; then
            echo "DIFFERENT $1/$f"
            differences=$((differences + 1))
        fi
    done
}

# run NAME ARGS...: `build ARGS` with each binary into $scratch/{old,new}/NAME, then compare;
# the exit status and stderr must be the same too.
run() {
    local name=$1 side bin status
    shift
    for side in old new; do
        bin=$old
        [[ $side == new ]] && bin=$new
        mkdir -p "$scratch/$side/$name"
        status=0
        "$bin" "$@" --out "$scratch/$side/$name" -q 2>"$scratch/$side/$name.stderr" || status=$?
        echo "$status" >>"$scratch/$side/$name.stderr"
    done
    if ! cmp -s "$scratch/old/$name.stderr" "$scratch/new/$name.stderr"; then
        echo "DIFFERENT stderr or exit status of $name"
        differences=$((differences + 1))
    fi
    compare "$name"
}

for file in tests/corpus/*/*.txt; do
    name=alone-$(basename "$(dirname "$file")")-$(basename "$file" .txt)
    run "$name" build "$file" -j 1 --no-render --format "$formats"
done
echo "articles alone: $cases compared, $differences different"
for folder in tests/corpus/*/; do
    run "folder-$(basename "$folder")" build "$folder" --no-render --format "$formats"
done
run all build tests/corpus/seeds tests/corpus/dev tests/corpus/dev2 --no-render --format "$formats"
run all-j1 build tests/corpus/seeds tests/corpus/dev tests/corpus/dev2 -j 1 --no-render
for folder in "${extra[@]}"; do
    name=corpus-$(basename "$folder")
    run "$name" build "$folder" -j 1 --no-render --format "$formats"
    run "$name-jobs" build "$folder" --no-render
done
# An update over a first build (the store is read back and written again), and a merge.
for side in old new; do
    bin=$old
    [[ $side == new ]] && bin=$new
    mkdir -p "$scratch/$side/update"
    "$bin" build tests/corpus/seeds --out "$scratch/$side/update" -q --no-render
    "$bin" build tests/corpus/dev tests/corpus/dev2 --out "$scratch/$side/update" -q --no-render --update
    mkdir -p "$scratch/$side/merged"
    "$bin" merge "$scratch/$side/folder-dev/graph.json" "$scratch/$side/folder-dev2/graph.json" \
        --out "$scratch/$side/merged" -q --no-render
done
compare update
compare merged
echo "$cases cases compared, $differences different"
((differences == 0))
