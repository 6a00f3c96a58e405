#!/usr/bin/env python
"""Phantom generation speed: slices per second at 256x256, writing included, against the target of 50/s.

Run: python benchmarks/phantom_speed.py [--n-per-class 50] [--size 256]
Measures one thread and all cores in the same run, and prints the rate of each and its ratio to the target.
"""
import argparse, os, tempfile, time
from pathlib import Path

from brain_gradcam.phantom import write_phantom

TARGET = 50.0   # slices per second on a 2-core machine

def rate(n_per_class, size, n_workers):
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        write_phantom(Path(tmp)/"phantom", n_per_class=n_per_class, n_test_per_class=0, size=size, seed=0, n_workers=n_workers)
        return 4 * n_per_class / (time.perf_counter() - start)

if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n-per-class", type=int, default=50)
    parser.add_argument("--size", type=int, default=256)
    args = parser.parse_args()
    rate(4, args.size, 1)                                     # warm-up: imports, thread pool, caches
    print(f"phantom: {4 * args.n_per_class} slices at {args.size}x{args.size}, target {TARGET:.0f} slices/s")
    for workers in (1, os.cpu_count()):
        r = rate(args.n_per_class, args.size, workers)
        print(f"  {workers} thread(s): {r:6.1f} slices/s = {r / TARGET:.2f} x target")
