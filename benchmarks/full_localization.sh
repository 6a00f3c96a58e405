#!/usr/bin/env bash
# The README's localization results for the full-profile model: every method and both baselines against the tumor
# masks of the validation images (brain-gradcam localize), the figure drawn from its JSON, and the method/layer study.
# Needs BRAIN_GRADCAM_DATA (the Kaggle Training split with masks). Usage: bash benchmarks/full_localization.sh [MODEL_DIR] [OUT_DIR]
set -euo pipefail
model=${1:-runs/full-profile/model}
out=${2:-runs/full-profile}
mkdir -p "$out"
brain-gradcam localize --model "$model" --split val --out "$out/localization.json" | tee "$out/localize.txt"
python - "$out/localization.json" "${3:-images/localization_full.png}" <<'PY'
import json, sys
from brain_gradcam.explanation_metrics import plot_localization
metrics = json.load(open(sys.argv[1]))
plot_localization(metrics, "Full profile: localization against tumor masks").savefig(sys.argv[2], dpi=80, bbox_inches="tight")
print("wrote", sys.argv[2])
PY
python benchmarks/localization_study.py --model "$model" --max-per-class 60 --out "$out/study.csv" | tee "$out/study.txt"
