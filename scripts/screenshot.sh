#!/usr/bin/env bash
# Regenerates graphs/page.png, the README's screenshot of the HTML page: builds the release
# binary, exports graphs/graph.json as HTML and photographs it in headless Chromium (with
# Valery Gerasimov clicked, so the details panel shows his contacts and their evidence).
# Needs web/node_modules (npm ci in web/) and /usr/bin/chromium (or CHROMIUM=path).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
page="$(mktemp -d)/graph.html"
trap 'rm -rf "$(dirname "$page")"' EXIT
./target/release/newsgraph export --format html --graph graphs/graph.json -o "$page"
node web/tools/page.mjs "$page" --click person:valery-gerasimov --screenshot graphs/page.png >/dev/null
echo "wrote graphs/page.png"
