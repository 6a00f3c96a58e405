"""Issue 42's tests a patch detector cannot pass, on two trained models side by side: the default and a guided one.

    BRAIN_GRADCAM_DATA=../shared/data/brain-tumor-mri python benchmarks/deletion_study.py DEFAULT_DIR GUIDED_DIR \
        SUBSET OUT.json [PER_CLASS]

SUBSET is "val" (to look and design) or "test" (score once). PER_CLASS caps the masked images per class (default: all).
On the subset's masked images, with patients drawn whole in every interval:
- removal, every filling in FILLS, the texture one included (no model trained on it): the tumor, a healthy patch, and
  the place of a same-class image's tumor (the location-matched control) filled; flips counted on the images both
  models answer correctly (`one_denominator`), and on each model's own correct answers;
- deletion (`09c_deletion`): Grad-CAM's and the input gradient's top 5% and 10% of the brain filled with texture, against
  as much at random.
The split is regenerated from the data and the default model's card, and checked against its fingerprint."""
import json, sys, time
from pathlib import Path

import numpy as np
import pandas as pd

from brain_gradcam.card import load_trained
from brain_gradcam.deletion import deletion_rows, deletion_summary, one_denominator
from brain_gradcam.failure_analysis import FILLS
from brain_gradcam.guided import flip_rates, held_out_features, removal_frame
from brain_gradcam.model import split_model
from brain_gradcam.sources import resolve_data, resolve_masks
from brain_gradcam.training import trained_split

default_dir, guided_dir, subset, out = sys.argv[1:5]
per_class = int(sys.argv[5]) if len(sys.argv) > 5 else None
(default, card), (guided, guided_card) = load_trained(default_dir), load_trained(guided_dir)
root = resolve_data(None)
split = trained_split(root, card, resolve_masks(None, root))
rows = split[(split.subset == subset) & split.mask_path.notna()]
if per_class: rows = rows.groupby("class").sample(frac=1, random_state=42).groupby("class").head(per_class)
rows = rows.sort_values(["label", "path"]).reset_index(drop=True)
models = {"default": default, "guided": guided}
print(f"{subset}: {len(rows)} masked images of {rows.unit.nunique()} units; guided model: {guided_dir}", flush=True)

started = time.time()
depth = guided_card.guided["blocks"]
front, tops = split_model(default, depth)[0], {name: split_model(m, depth)[1] for name, m in models.items()}
held = held_out_features(front, card, rows, fills=list(FILLS), seed=42)
removal = {}
for fill in FILLS:
    for control in ("control", "matched"):
        frames = {name: removal_frame(top, held, fill, control) for name, top in tops.items()}
        removal[f"{fill}, {control}"] = dict(
            one_denominator=one_denominator(frames).to_dict(orient="index"),
            own_denominator={name: flip_rates(frame) for name, frame in frames.items()})
removal_seconds = time.time() - started
print(f"removal, {len(FILLS)} fillings: {removal_seconds:.0f} s", flush=True)
print(pd.DataFrame({k: {f"{m} {c}": v["one_denominator"][m][c] for m in models for c in ("correct", "tumor", "control")}
                    for k, v in removal.items()}).T.round(3).to_string(), flush=True)

started, deleted = time.time(), []
for name, model in models.items():
    for method in ("gradcam", "saliency"):
        found = deletion_rows(model, card, rows, method, shares=(0.05, 0.10), fill="texture", seed=42)
        deleted.append(found.assign(model=name))
deleted = pd.concat(deleted, ignore_index=True)
deletion = deletion_summary(deleted, by=["model", "method", "share"], groups="unit")
deletion_seconds = time.time() - started
print(f"deletion: {deletion_seconds:.0f} s\n{deletion.round(3).to_string()}", flush=True)

record = dict(subset=subset, images=len(rows), units=int(rows.unit.nunique()), per_class=per_class,
              default=str(default_dir), guided=str(guided_dir), fillings=list(FILLS), errors=held["errors"],
              seconds=dict(removal=round(removal_seconds), deletion=round(deletion_seconds)), removal=removal,
              deletion=[dict(zip(["model", "method", "share"], key), **{k: (list(v) if isinstance(v, tuple) else v)
                                                                         for k, v in row.items()})
                        for key, row in deletion.iterrows()])
Path(out).parent.mkdir(parents=True, exist_ok=True)
Path(out).write_text(json.dumps(record, indent=1, default=float) + "\n")
print(f"wrote {out}")
