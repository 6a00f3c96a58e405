#!/usr/bin/env python
"""Audit speed: the whole audit of a dataset against the budget of 2 minutes for the 7023-image Kaggle set,
a first audit (empty fingerprint store) against a second one (every fingerprint stored), and multi-index near-pair
search against an all-pairs comparison of the same hashes, side by side.

Run: BRAIN_GRADCAM_DATA=path/to/brain-tumor-mri python benchmarks/audit_speed.py [--threshold 28]
"""
import argparse, os, tempfile, time
import numpy as np

from brain_gradcam.cleaning import audit_dataset, hamming, hashes_of, near_pairs
from brain_gradcam.sources import resolve_data

BUDGET_S, KAGGLE_IMAGES = 120.0, 7023

if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threshold", type=int, default=28)
    args = parser.parse_args()
    root = resolve_data(None)
    os.environ["BRAIN_GRADCAM_CACHE"] = tempfile.mkdtemp()           # an empty fingerprint store
    start = time.perf_counter()
    audit = audit_dataset(root, threshold=args.threshold)
    seconds = time.perf_counter() - start
    start = time.perf_counter()
    again = audit_dataset(root, threshold=args.threshold)
    warm = time.perf_counter() - start
    assert again.table.equals(audit.table) and again.near.equals(audit.near), "the stored fingerprints changed the audit"
    n = len(audit.table)
    projected = seconds / n * KAGGLE_IMAGES
    print(f"audit: {n} images in {seconds:.1f} s on {os.cpu_count()} cores = {n / seconds:.0f} images/s")
    print(f"  projected for {KAGGLE_IMAGES} images: {projected:.0f} s = {projected / BUDGET_S:.2f} x the {BUDGET_S:.0f} s budget")
    print(f"again, {again.report['fingerprints_from_cache']} of {n} fingerprints from the store: {warm:.1f} s "
          f"= {warm / seconds:.2f} x the first audit's time; the same table and pairs")
    hashes = hashes_of(audit.table.phash)
    start = time.perf_counter(); indexed = near_pairs(hashes, args.threshold); t_index = time.perf_counter() - start
    start = time.perf_counter()
    found = 0
    for i in range(n - 1):                                   # the all-pairs comparison, vectorised per row
        found += int((hamming(hashes[i], hashes[i + 1:]) <= args.threshold).sum())
    t_all = time.perf_counter() - start
    assert found == len(indexed), (found, len(indexed))
    print(f"near pairs within {args.threshold}: {found}; multi-index {t_index:.2f} s, all pairs {t_all:.2f} s "
          f"= multi-index takes {t_index / t_all:.2f} x the all-pairs time at n={n}")
