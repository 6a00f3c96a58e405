#!/usr/bin/env bash
# The full-profile benchmark of the README: train Xception on all Training images, score the validation set, and draw
# the confusion matrix from the evaluation's metrics.json. Test is scored once per model, by the guided study
# (benchmarks/guided_study.sh); SPLIT=test scores it here too: a look to count. Needs BRAIN_GRADCAM_DATA (the Kaggle Training
# split) and, offline, BRAIN_GRADCAM_WEIGHTS. Usage: bash benchmarks/full_profile.sh [OUT_DIR]
set -euo pipefail
out=${1:-runs/full-profile}
mkdir -p "$out"
/usr/bin/time -v brain-gradcam train --profile full --out "$out/model" 2>&1 | tee "$out/train.log" | grep -E "Elapsed|Maximum resident|val_metrics" -A2 || true
brain-gradcam evaluate --model "$out/model" --split "${SPLIT:-val}" --out "$out/metrics.json" | tee "$out/evaluate.log"
python - "$out/metrics.json" "${2:-images/evaluation_confusion_full.png}" <<'PY'
import json, sys
from brain_gradcam.evaluation import plot_confusion
metrics = json.load(open(sys.argv[1]))
fig = plot_confusion(metrics, f"Full profile: confusion matrix on {metrics['n']} {metrics['split']} images ({metrics['backbone']}, accuracy {metrics['accuracy']:.1%})")
fig.savefig(sys.argv[2], dpi=80, bbox_inches="tight")
print("wrote", sys.argv[2])
PY
