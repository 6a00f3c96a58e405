"""Patient-wise 5-fold cross-validation on the Figshare images (three classes), on Cheng et al.'s own folds.

    BRAIN_GRADCAM_DATA=../shared/data/brain-tumor-mri python benchmarks/patient_cv.py [PROFILE] [OUT_DIR]

The folds are those of `patients.csv` (`cheng_fold`), each person (a patient id without its trailing letter, with the
byte copies of its slices) moved whole to the fold most of its slices were given: 15 rescanned persons straddle two. For each fold: train on the other
four (15% of their persons for validation, and 10% of the remaining slices held back), score the fold once, the answer
taken among the three tumor classes. The held-back slices are what the leak was worth: slices of persons the same model
trained on, none a byte or near copy of a training image. Prints per-fold accuracy, the mean with a t-interval over the
folds, and the pooled accuracies with a patient bootstrap; writes OUT_DIR/cv.json. PROFILE: quick (default, minutes) or full (the README's model, hours on two cores)."""
import json, os, sys, warnings
from pathlib import Path

import pandas as pd

from brain_gradcam.evaluation import patient_cv
from brain_gradcam.patients import patient_folds, patient_units, patients_for
from brain_gradcam.pipeline import training_split

profile = sys.argv[1] if len(sys.argv) > 1 else "quick"
out = Path(sys.argv[2] if len(sys.argv) > 2 else f"runs/patient-cv-{profile}")
root = Path(os.environ["BRAIN_GRADCAM_DATA"])
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    split = training_split(root)
image = pd.Series([Path(p).relative_to(root).as_posix() for p in split.path], index=split.index)
patients = patients_for(root)
given = image.map(patients.set_index("image").cheng_fold)
figshare = split[given.notna()].drop(columns=["unit"])          # among known patients the patients decide: no neighbours
figshare = figshare.join(patient_units(figshare, root, patients)[0].unit)
figshare = figshare.assign(fold=patient_folds(figshare.unit, given[figshare.index]))
print(f"{len(figshare)} Figshare images of {figshare.patient.nunique()} persons, {figshare.unit.nunique()} units; "
      f"per fold: {figshare.fold.value_counts().sort_index().to_dict()}")
summary, scored = patient_cv(figshare, out, classes=["glioma", "meningioma", "pituitary"], profile=profile, verbose=0)
for fold in summary["folds"]: print(fold)
summary = dict(profile=profile, **summary, classes="glioma, meningioma, pituitary (argmax over these three)")
out.mkdir(parents=True, exist_ok=True)
(out/"cv.json").write_text(json.dumps(summary, indent=1))
low, high = summary["t_interval"]
pooled, seen = summary["pooled_patient_bootstrap"], summary["seen_patient_patient_bootstrap"]
print(f"mean {summary['mean']:.1%} [{low:.1%}, {high:.1%}] over {len(summary['folds'])} folds; pooled {summary['pooled']:.1%} "
      f"[{pooled[0]:.1%}, {pooled[1]:.1%}] (patients drawn); slices of patients it trained on: "
      f"{summary['seen_patient_pooled']:.1%} [{seen[0]:.1%}, {seen[1]:.1%}] of {summary['seen_patient_slices']}; wrote {out/'cv.json'}")
