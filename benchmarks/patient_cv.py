"""Patient-wise 5-fold cross-validation on the Figshare images (three classes), on Cheng et al.'s own folds.

    BRAIN_GRADCAM_DATA=../shared/data/brain-tumor-mri python benchmarks/patient_cv.py [PROFILE] [OUT_DIR]

The folds are those of `patients.csv` (`cheng_fold`), each person (a patient id without its trailing letter, with the
byte copies of its slices) moved whole to the fold most of its slices were given: 15 rescanned persons straddle two. For each fold: train on the other
four (15% of their persons for validation, and 10% of the remaining slices held back), score the fold once, the answer
taken among the three tumor classes. The held-back slices are what the leak was worth: slices of persons the same model
trained on, none a byte or near copy of a training image. Prints per-fold accuracy, the mean with a t-interval over the
folds, and the pooled accuracies with a patient bootstrap; writes OUT_DIR/cv.json. PROFILE: quick (default, minutes) or full (the README's model, hours on two cores)."""
import json, os, sys, time, warnings
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import stats

from brain_gradcam.data import CLASSES, split_holdout
from brain_gradcam.evaluation import bootstrap_ci, predict_probabilities
from brain_gradcam.patients import PATIENTS_FILE, patient_folds, patient_units, patients_for
from brain_gradcam.pipeline import training_split
from brain_gradcam.training import load_trained, train

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
tumors = [CLASSES.index(c) for c in ("glioma", "meningioma", "pituitary")]
folds, scored = [], []
for k in sorted(figshare.fold.unique()):
    held = figshare[figshare.fold == k].assign(subset="test")
    rest = split_holdout(figshare[figshare.fold != k].drop(columns="subset"), val_frac=0.15, test_frac=0, seed=42,
                         groups="unit")
    alone = rest.dup_group.map(rest.dup_group.value_counts()) == 1         # no copy of it anywhere in the rest
    seen = rest[(rest.subset == "train") & alone].groupby("class").sample(frac=0.1, random_state=int(k))
    rest = rest.drop(index=seen.index)
    start = time.perf_counter()
    model_dir = out/f"fold{int(k)}"
    if not (model_dir/"model.json").is_file():
        train(pd.concat([rest, held]), model_dir, profile=profile, verbose=0)
    trained = load_trained(model_dir)
    both = pd.concat([held.assign(seen=False), seen.assign(seen=True, subset="seen")])
    p = predict_probabilities(trained.model, trained.card, both)[:, tumors]
    both["correct"] = np.array(tumors)[p.argmax(1)] == both.label.to_numpy()
    correct, seen_correct = both.correct[~both.seen], both.correct[both.seen]
    folds.append(dict(fold=int(k), images=len(held), patients=int(held.patient.nunique()), accuracy=float(correct.mean()),
                      seen_patient_slices=len(seen), seen_patient_accuracy=float(seen_correct.mean()),
                      val_accuracy=trained.card.val_metrics["accuracy"], seconds=round(time.perf_counter() - start)))
    scored.append(both)
    print(folds[-1], flush=True)
scored = pd.concat(scored)
seen_scored, scored = scored[scored.seen], scored[~scored.seen]
accuracy = np.array([f["accuracy"] for f in folds])
half = stats.t.ppf(0.975, len(accuracy) - 1) * accuracy.std(ddof=1) / np.sqrt(len(accuracy))
pooled = bootstrap_ci(scored.correct.to_numpy(), np.ones(len(scored), bool), lambda y, p: (y == p).mean(),
                      groups=scored.unit.to_numpy())
seen_ci = bootstrap_ci(seen_scored.correct.to_numpy(), np.ones(len(seen_scored), bool), lambda y, p: (y == p).mean(),
                       groups=seen_scored.unit.to_numpy())
summary = dict(profile=profile, folds=folds, mean=float(accuracy.mean()), t_interval=[float(accuracy.mean() - half),
               float(accuracy.mean() + half)], pooled=float(scored.correct.mean()), pooled_patient_bootstrap=pooled,
               images=len(scored), seen_patient_pooled=float(seen_scored.correct.mean()),
               seen_patient_patient_bootstrap=seen_ci, seen_patient_slices=len(seen_scored), classes="glioma, meningioma, pituitary (argmax over these three)")
out.mkdir(parents=True, exist_ok=True)
(out/"cv.json").write_text(json.dumps(summary, indent=1))
print(f"mean {accuracy.mean():.1%} [{accuracy.mean() - half:.1%}, {accuracy.mean() + half:.1%}] over {len(folds)} folds; "
      f"pooled {scored.correct.mean():.1%} [{pooled[0]:.1%}, {pooled[1]:.1%}] (patients drawn); slices of patients it trained "
      f"on: {seen_scored.correct.mean():.1%} [{seen_ci[0]:.1%}, {seen_ci[1]:.1%}] of {len(seen_scored)}; wrote {out/'cv.json'}")
