"""How far real slices sit from `slice_problems`' rules: each measure's extreme over every image, and how many are flagged.

    python benchmarks/slice_rules.py ../shared/data/brain-tumor-mri/Training ../shared/data/brisc2025-train/classification_task

Any folders of images (masks/ folders are left out)."""
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np

from brain_gradcam.data import decode_image
from brain_gradcam.pipeline import SLICE_RULES, slice_problems

def measures(path:Path) -> dict:
    "The four quantities the rules look at, and the rules' verdict"
    image = decode_image(path)
    grey = image.mean(-1)
    k = max(1, min(image.shape[:2]) // 20)
    frame = np.concatenate([grey[:k].ravel(), grey[-k:].ravel(), grey[:, :k].ravel(), grey[:, -k:].ravel()])
    return dict(side=min(image.shape[:2]), colour=np.ptp(image.astype(np.int16), axis=-1).mean(),
                border=np.median(frame), contrast=grey.std(), flagged=bool(slice_problems(image)))

paths = [p for root in sys.argv[1:] for p in sorted(Path(root).rglob("*"))
         if p.suffix.lower() in (".jpg", ".jpeg", ".png") and "masks" not in p.parts]
with ThreadPoolExecutor(2) as pool: rows = list(pool.map(measures, paths))
print(f"{len(rows)} images, {sum(r['flagged'] for r in rows)} flagged by slice_problems")
print(f"| rule | threshold | the images |\n|---|---|---|")
print(f"| size | under {SLICE_RULES['min_side']} px | {min(r['side'] for r in rows)} px at least |")
print(f"| colour | over {SLICE_RULES['max_colour']} | {max(r['colour'] for r in rows):.1f} at most |")
print(f"| background | over {SLICE_RULES['max_border']} | {max(r['border'] for r in rows):.0f} at most |")
print(f"| contrast | under {SLICE_RULES['min_contrast']} | {min(r['contrast'] for r in rows):.1f} at least |")
