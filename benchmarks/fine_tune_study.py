"""What the training choices of the full profile buy, measured side by side in one run on the same caches: fine-tuning the
top of Xception on the training images as they are, or on each image drawn from two views (as is and mirrored) anew every
epoch (`mirror_views`), optionally with the cached maps moved a few cells at random every epoch (`--shift`,
`feature_shift`). Each configuration trains through the library's own `fit_cached` (phase 1, the head; phase 2, the top
blocks), from the same seed, and is scored on the validation and held-out test subsets of the same grouped split.

    BRAIN_GRADCAM_DATA=... BRAIN_GRADCAM_WEIGHTS=... python benchmarks/fine_tune_study.py [--blocks 2] [--epochs 6]

The frozen front is run once per image and view, at the 3-block cut, into OUT/cache (cached_features; minutes per
thousand images on two cores); the 2-block cut is derived from it by one more frozen pass through block 12, so both depths
read the same cache. Configurations go in OUT/<name>/ (logs, best weights, val/test logits) and OUT/results.jsonl.
A measurement script, not a test.
"""
import argparse, json, time
from pathlib import Path


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default=None, help="dataset folder (default: $BRAIN_GRADCAM_DATA)")
    parser.add_argument("--weights", default="imagenet", help="'imagenet' ($BRAIN_GRADCAM_WEIGHTS if set) or a weights file")
    parser.add_argument("--out", default="runs/fine_tune_study")
    parser.add_argument("--blocks", type=int, default=2, choices=[1, 2, 3], help="top blocks fine-tuned (default 2)")
    parser.add_argument("--epochs", type=int, default=6, help="fine-tuning epochs at most (default 6)")
    parser.add_argument("--configs", default="plain,mirror", help="comma-separated: plain, mirror (default both)")
    parser.add_argument("--shift", type=int, default=0, help="move training maps up to this many cells each way (default 0)")
    args = parser.parse_args()
    import keras
    import numpy as np
    from brain_gradcam.sources import resolve_data
    from brain_gradcam.evaluation import bootstrap_ci
    from brain_gradcam.model import build_model, cut_tensor, split_model
    from brain_gradcam.pipeline import training_split
    from brain_gradcam.data import PROFILES
    from brain_gradcam.cache import ArrayBatches, cached_features
    from brain_gradcam.fitting import fit_cached
    from brain_gradcam.training import _freeze_batchnorm, _head_model
    from sklearn.metrics import accuracy_score

    full, seed, size = PROFILES["full"], 42, 299
    out = Path(args.out); out.mkdir(parents=True, exist_ok=True)
    split = training_split(resolve_data(args.data), seed=seed)
    rows = {name: split[split.subset == name] for name in ("train", "val", "test")}
    labels = {name: part.label.to_numpy() for name, part in rows.items()}
    model = build_model("xception", weights=args.weights, image_size=size, seed=seed)
    front, _ = split_model(model, 3)
    start = time.perf_counter()
    deep = {f"{name}{'_mirror' if mirror else ''}": cached_features(front, rows[name], "xception", size, full["crop"],
                                                                    out/"cache"/f"{name}{'_mirror' if mirror else ''}.npy",
                                                                    verbose=1, mirror=mirror)
            for name, mirror in (("train", False), ("val", False), ("test", False), ("train", True))}
    print(f"caches ready in {time.perf_counter() - start:.0f} s (0 when reused)", flush=True)

    def at_cut(name):
        "The cached inputs of the top `args.blocks` blocks, derived from the 3-block cache (one frozen pass, itself cached)"
        if args.blocks == 3: return deep[name]
        path = out/"cache"/f"{name}_b{args.blocks}.npy"
        if not path.is_file():
            middle = keras.Model(cut_tensor(model, 3), cut_tensor(model, args.blocks))
            source = deep[name]
            part = np.lib.format.open_memmap(path.with_suffix(".partial.npy"), mode="w+", dtype=np.float16,
                                             shape=(len(source), *middle.output.shape[1:]))
            for i in range(0, len(source), 64): part[i:i + 64] = middle.predict_on_batch(np.asarray(source[i:i + 64], np.float32))
            part.flush(); del part; path.with_suffix(".partial.npy").replace(path)
        return np.load(path, mmap_mode="r")

    x = {name: at_cut(name) for name in deep}
    for config in args.configs.split(","):
        views = {"plain": [x["train"]], "mirror": [x["train"], x["train_mirror"]]}[config]
        name = f"{config}-b{args.blocks}-e{args.epochs}" + (f"-s{args.shift}" if args.shift else "")
        candidate = build_model("xception", weights=args.weights, image_size=size, seed=seed)
        _, top = split_model(candidate, args.blocks)
        pool = keras.Model(cut_tensor(candidate, args.blocks), candidate.get_layer("head_pool").output)
        start = time.perf_counter()
        pooled_train, pooled_val = (pool.predict(ArrayBatches(x[k], batch_size=64), verbose=0) for k in ("train", "val"))
        fit_cached(_head_model(candidate), pooled_train, labels["train"], pooled_val, labels["val"], out/name/"phase1_head",
                   full["head_epochs"], full["head_lr"], full["batch_size"], full["patience"] * 2, seed, 0)
        head_seconds = time.perf_counter() - start
        _freeze_batchnorm(top)
        start = time.perf_counter()
        log = fit_cached(top, views, labels["train"], x["val"], labels["val"], out/name/"phase2_fine_tune", args.epochs,
                         full["fine_tune_lr"], full["batch_size"], full["patience"], seed, 2, shift=args.shift)
        result = dict(config=name, blocks=args.blocks, views=len(views), shift=args.shift, epochs=len(log),
                      head_seconds=round(head_seconds), fine_tune_seconds=round(time.perf_counter() - start))
        for subset in ("val", "test"):
            logits = top.predict(ArrayBatches(x[subset], batch_size=64), verbose=0)
            np.save(out/name/f"{subset}_logits.npy", logits)
            predicted = logits.argmax(1)
            result[subset] = float(accuracy_score(labels[subset], predicted))
            result[f"{subset}_ci95"] = bootstrap_ci(labels[subset], predicted, accuracy_score)
        result["pooled"] = (result["val"] * len(labels["val"]) + result["test"] * len(labels["test"])) / (len(labels["val"]) + len(labels["test"]))
        print("RESULT", json.dumps(result), flush=True)
        with open(out/"results.jsonl", "a") as f: f.write(json.dumps(result) + "\n")


if __name__ == "__main__":
    main()
