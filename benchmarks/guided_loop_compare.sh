#!/usr/bin/env bash
# 09b_guided_training at the quick profile, an older checkout's code then this one's, one after the other on one default
# model; prints each run's seconds. The two executed notebooks hold the tables to compare (benchmarks/RESULTS.md, 2026-11-28).
# Usage: bash benchmarks/guided_loop_compare.sh [OLD_COMMIT (default 13d0deb: the loop before fit)] [OUT (default /tmp/guided-loops)]
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
old=${1:-13d0deb} out=${2:-/tmp/guided-loops}
model=$repo/runs/models/xception-quick     # a quick default model; trained by the first run if missing
rm -rf "$out" && mkdir -p "$out"
git -C "$repo" worktree add -q "$out/old-src" "$old"
trap 'git -C "$repo" worktree remove --force "$out/old-src"' EXIT
for v in old new; do
  src=$([ $v = old ] && echo "$out/old-src" || echo "$repo")
  start=$(date +%s)
  (cd "$out" && PYTHONPATH=$src python -c "import sys; from brain_gradcam.cli import main; sys.exit(main(sys.argv[1:]))" run --nbs "$src/nbs" --only 09b_guided_training --profile quick \
     --out "$out/$v" -p model_dir="$model" -p guided_root="$out/guided-$v" -p figures_dir="$out/figures-$v")
  echo "$v: $(( $(date +%s) - start )) s"
done
