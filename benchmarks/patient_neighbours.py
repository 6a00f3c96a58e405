"""Can pHash distance stand in for the patient where none is known? Measured on the Figshare images, whose patient is known.

    BRAIN_GRADCAM_DATA=../shared/data/brain-tumor-mri python benchmarks/patient_neighbours.py

For each threshold: how many images have a slice of the same person within it (what grouping by it would catch), how
many have another person's slice within it (what it would wrongly join), and the connected components it makes. Patient
ids with a trailing letter (MR040240B) count as the person without it, as patients.csv's README says."""
import os, warnings
from pathlib import Path

import numpy as np
import pandas as pd
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from brain_gradcam.cleaning import audit_dataset, hamming, hashes_of

root = Path(os.environ["BRAIN_GRADCAM_DATA"])
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    table = audit_dataset(root, splits=("Training",)).table
table = table.assign(image=[str(Path(p).relative_to(root)) for p in table.path])
known = table.merge(pd.read_csv(root/"patients.csv"), on="image").reset_index(drop=True)
person = pd.factorize(known.patient.astype(str).str.replace(r"[A-Z]$", "", regex=True))[0]
bits = hashes_of(known.phash)
distance = np.stack([hamming(bits[i:i + 1, None, :], bits[None, :, :])[0] for i in range(len(bits))]).astype(int)
np.fill_diagonal(distance, 10**6)
same = person[:, None] == person[None, :]
nearest_same, nearest_other = np.where(same, distance, 10**6).min(1), np.where(~same, distance, 10**6).min(1)
print(f"{len(known)} images of {person.max() + 1} persons; the nearest image is the same person's for "
      f"{(nearest_same < nearest_other).mean():.1%}")
print("| pHash distance (of 256 bits) | images with a slice of the same person within it | with another person's | "
      "components | components of several persons |\n|---|---|---|---|---|")
for threshold in (28, 40, 50, 60, 70):
    i, j = np.nonzero(np.triu(distance <= threshold, 1))
    count, label = connected_components(coo_matrix((np.ones(len(i)), (i, j)), shape=(len(known),) * 2), directed=False)
    mixed = sum(len(set(person[label == c])) > 1 for c in range(count))
    print(f"| {threshold} | {(nearest_same <= threshold).mean():.1%} | {(nearest_other <= threshold).mean():.1%} | "
          f"{count} | {mixed} |")
