"""What the `gpu` profile should cost on a Colab GPU: a projection, labelled as such, from costs measured on this machine
and published GPU throughputs.

Measured here, side by side in one run (Xception at 299x299, float32, the CPU):
  - one training step (forward and backward through every layer), per image;
  - the input pipeline of `make_dataset`: decoding, brain crop and resize (the first epoch; later epochs read the cache),
    and the on-the-fly augmentation every epoch, per image.
Published (not measured here):
  - Keras Applications table (keras.io/api/applications): Xception inference 8.1 ms per batch of 32 on an A100;
  - NVIDIA datasheets: float16 tensor-core peak 312 TFLOP/s (A100), 65 TFLOP/s (T4, Colab's free GPU).
Assumed: a training step costs 3 inference passes (forward, and a backward pass of about twice its cost).

    BRAIN_GRADCAM_DATA=... python benchmarks/gpu_projection.py [--images 3826] [--epochs 30]
"""
import argparse, os, time

import numpy as np

A100_INFERENCE_MS_PER_IMAGE = 8.1 / 32          # Keras Applications table, batch 32
T4_OVER_A100 = 312 / 65                          # float16 tensor-core peaks, NVIDIA datasheets
TRAIN_OVER_INFERENCE = 3                         # forward + backward (about 2x forward)

def per_image(seconds, images): return seconds / images

def train_step_cost(batch:int=8, steps:int=3) -> float:
    "Seconds per image of one float32 training step of the whole Xception at 299x299 on this CPU"
    import keras
    from brain_gradcam.model import build_model
    model = build_model("xception", weights=None, image_size=299)
    model.compile(optimizer="adam", loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
    x = np.random.default_rng(0).uniform(-1, 1, (batch, 299, 299, 3)).astype("float32"); y = np.arange(batch) % 4
    model.train_on_batch(x, y)                                                   # warm-up: tracing
    start = time.perf_counter()
    for _ in range(steps): model.train_on_batch(x, y)
    return per_image(time.perf_counter() - start, steps * batch)

def pipeline_costs(n:int=96) -> tuple:
    "Seconds per image of (decode + crop + resize, augmentation) in `make_dataset` at 299x299 on this CPU"
    import tensorflow as tf
    from brain_gradcam.data import scan_dataset
    from brain_gradcam.sources import resolve_data
    from brain_gradcam.pipeline import make_dataset
    rows = scan_dataset(resolve_data(None, verbose=False), decode=False).manifest.sample(n, random_state=0)
    plain = make_dataset(rows, "xception", 299, 32, cache=False)
    start = time.perf_counter(); sum(1 for _ in plain); decode = per_image(time.perf_counter() - start, n)
    cached = make_dataset(rows, "xception", 299, 32, augment=True, shuffle=True)
    for _ in cached: pass                                                       # fills the cache
    start = time.perf_counter(); sum(1 for _ in cached); augment = per_image(time.perf_counter() - start, n)
    return decode, augment

def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--images", type=int, default=3826, help="training images per epoch (default: the full profile's 3826)")
    parser.add_argument("--epochs", type=int, default=30, help="epochs (default: the gpu profile's 30, before early stopping)")
    args = parser.parse_args(argv)
    print(f"measured on this machine ({os.cpu_count()} CPU cores):")
    decode, augment = pipeline_costs()
    step = train_step_cost()
    print(f"  training step, whole Xception at 299, float32: {step * 1000:.0f} ms per image")
    print(f"  input pipeline: decode + crop + resize {decode * 1000:.1f} ms per image (first epoch), augmentation {augment * 1000:.1f} ms per image")
    gpus = {"A100": A100_INFERENCE_MS_PER_IMAGE * TRAIN_OVER_INFERENCE / 1000,
            "T4 (Colab)": A100_INFERENCE_MS_PER_IMAGE * TRAIN_OVER_INFERENCE * T4_OVER_A100 / 1000}
    print(f"\nprojection (published GPU throughputs; not measured), {args.images} images x {args.epochs} epochs:")
    print(f"  {'device':<12} {'step ms/img':>11} {'epoch, compute':>15} {'epoch, input-bound':>19} {'all epochs':>11}")
    rows = {"this CPU": step, **gpus}
    for name, cost in rows.items():
        epoch = cost * args.images
        bound = max(cost, augment) * args.images                               # Colab has 2 vCPUs for the input pipeline too
        print(f"  {name:<12} {cost * 1000:>11.2f} {epoch:>13.0f} s {bound:>17.0f} s {(bound * args.epochs + decode * args.images) / 60:>9.0f} m")
    print(f"\nthis CPU vs a T4: {step / gpus['T4 (Colab)']:.0f}x slower per training image (projection)")

if __name__ == "__main__": main()
