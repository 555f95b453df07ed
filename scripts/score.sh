#!/usr/bin/env bash
# Builds the release binary and scores it against the gold files beside the project.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q --bins --examples
python3 ../shared/tools/score.py --cmd 'target/release/newsgraph build {input} --out {out} -q' "$@" tests/corpus/seeds tests/corpus/dev tests/corpus/dev2
