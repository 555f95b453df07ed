#!/usr/bin/env bash
# The HTML page of a large graph (issue 15): how long `export --format html` takes and how long
# headless Chromium takes to open the page until it is drawn and ready, for the default page
# (the 2,000 most connected entities) and for larger --top values. Figures in BENCHMARKS.md.
#
#   scripts/page_bench.sh                          # 40,000 generated articles
#   ARTICLES=5000 TOPS="1000 5000" scripts/page_bench.sh
#
# Needs node, web/node_modules (npm ci in web/) and chromium (CHROMIUM overrides the path).
set -euo pipefail
cd "$(dirname "$0")/.."
ARTICLES=${ARTICLES:-40000}
TOPS=${TOPS:-"5000 10000"}
PROFILE=${PROFILE:-release}
WORK=${WORK:-target/page-bench}
cargo build --profile "$PROFILE" --quiet --bin newsgraph --example corpus
BIN=target/$PROFILE/newsgraph
mkdir -p "$WORK"
if [ ! -f "$WORK/graph-$ARTICLES/graph.json" ]; then
  rm -rf "$WORK/corpus-$ARTICLES"
  "target/$PROFILE/examples/corpus" --seed 7 --articles "$ARTICLES" --out "$WORK/corpus-$ARTICLES" >/dev/null
  "$BIN" build "$WORK/corpus-$ARTICLES" --out "$WORK/graph-$ARTICLES" --no-render --quiet
fi
GRAPH=$WORK/graph-$ARTICLES/graph.json
echo "graph: $ARTICLES articles, $(du -h "$GRAPH" | cut -f1) graph.json"
run() {
  local name=$1; shift
  local page=$WORK/$name.html
  local start end
  start=$(date +%s.%N)
  "$BIN" export --format html --graph "$GRAPH" -o "$page" "$@" 2>/dev/null
  end=$(date +%s.%N)
  local report
  report=$(PAGE_TIMEOUT_MS=120000 node web/tools/page.mjs "$page" --search a)
  python3 - "$name" "$start" "$end" "$page" "$report" <<'PY'
import json, os, sys
name, start, end, page, report = sys.argv[1:]
r = json.loads(report)
print(f"{name:>10}: export {float(end) - float(start):6.1f} s, page {os.path.getsize(page) / 1e6:6.1f} MB, "
      f"{r['total']:>6} entities, ready={r['ready']} in {r['loadMs'] / 1000:5.1f} s ({r['renderer']}), "
      f"errors={len(r['errors'])}")
PY
}
run default
for top in $TOPS; do
  run "top-$top" --top "$top"
done
