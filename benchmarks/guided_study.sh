#!/usr/bin/env bash
# The README's default-vs-guided rows: 09b_guided_training in the full profile, every candidate guide fine-tuned
# from the full-profile model (bash benchmarks/full_profile.sh trains it) and scored on all held-out masked test images.
# Needs BRAIN_GRADCAM_DATA (the Kaggle Training split with masks). Usage: bash benchmarks/guided_study.sh [MODEL_DIR] [OUT_DIR]
# GUIDES (default: every guide) and GUIDE_MASKS (09b's guide_masks; default: the run's masks) choose the candidates.
# TUNE (09b's tune, e.g. "weight=3;epochs=4;blocks=3,fill=surround+blur") trains every candidate once more with each setting.
# WEIGHT, BLOCKS and FILL (09b's weight, guided_depth and fill) set every candidate's own setting.
# HEALTHY (a folder of healthy slices from another collection, e.g. BRISC's classification_task) scores them; with
#   HEALTHY_IN_TRAINING=True half of them train every candidate. AGREEMENT (a second annotation) scores two annotators.
# The README's rows, its studies as one (R: BRISC's release folder, as ../shared/tools/brisc_train_folder.py lays
#   it out, with its classification_task/ of healthy slices):
#   GUIDES=counterfactual+cam GUIDE_MASKS="$R,own" TUNE="weight=0.5;weight=0.5,blocks=3;weight=0.5,blocks=3,fill=surround+blur" \
#   HEALTHY=$R HEALTHY_IN_TRAINING=True AGREEMENT=$R bash benchmarks/guided_study.sh runs/full-profile/model runs/full-profile
# The README's rows on patients never seen (the default model trained on the patient split by full_profile.sh):
#   GUIDES=counterfactual+cam GUIDE_MASKS="$R,own" WEIGHT=0.5 BLOCKS=3 FILL=surround+blur HEALTHY=$R \
#   HEALTHY_IN_TRAINING=True AGREEMENT=$R bash benchmarks/guided_study.sh runs/full-profile/model runs/full-profile
# Writes OUT_DIR/09b_guided_training.ipynb (every table), OUT_DIR/results.json (test, scored once: `study_results`),
# OUT_DIR/guided/<guide>/ (the models), OUT_DIR/figures/guided_gradcam.jpg.
set -euo pipefail
model=$(cd "${1:-runs/full-profile/model}" && pwd)
out=$(mkdir -p "${2:-runs/full-profile}" && cd "${2:-runs/full-profile}" && pwd)
papermill nbs/09b_guided_training.ipynb "$out/09b_guided_training.ipynb" --log-output \
  -p profile full -p model_dir "$model" -p guided_root "$out/guided" -p figures_dir "$out/figures" \
  -p results_file "$out/results.json" ${WEIGHT:+-p weight "$WEIGHT"} ${BLOCKS:+-p guided_depth "$BLOCKS"} ${FILL:+-p fill "$FILL"} \
  -p max_per_class None -p ig_per_class 3 -p sanity_n 8 \
  -p guides "${GUIDES:-counterfactual,gain,rrr,cam}" \
  ${GUIDE_MASKS:+-p guide_masks "$GUIDE_MASKS"} ${HEALTHY:+-p healthy "$HEALTHY"} \
  ${HEALTHY_IN_TRAINING:+-p healthy_in_training "$HEALTHY_IN_TRAINING"} ${AGREEMENT:+-p agreement_masks "$AGREEMENT"} \
  ${GUIDED_EPOCHS:+-p guided_epochs "$GUIDED_EPOCHS"} ${TUNE:+-p tune "$TUNE"}
