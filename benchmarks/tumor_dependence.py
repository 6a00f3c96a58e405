"""Does the model need the tumor? Each masked held-out image is classified as it is, with its tumor removed (filled in
from the surrounding tissue) and with a same-shaped patch of healthy brain removed (the control); then Grad-CAM's pointing
game is split by whether the answer survives the tumor's removal.

    BRAIN_GRADCAM_DATA=... python benchmarks/tumor_dependence.py --model MODEL_DIR [--subset val] [--max-per-class N] [--out scores.csv]

A measurement script (the "why" behind the localization results of 08_explanation_metrics), not a test.
"""
import argparse, time

import numpy as np
import pandas as pd


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", required=True)
    parser.add_argument("--data", default=None)
    parser.add_argument("--subset", default="val")
    parser.add_argument("--max-per-class", type=int, default=None)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--out", default=None, help="CSV of per-image results")
    args = parser.parse_args()
    from brain_gradcam.cams import gradcam, load_batch
    from brain_gradcam.data import resolve_data
    from brain_gradcam.failure import dependence_summary, removal_test
    from brain_gradcam.training import load_trained
    from brain_gradcam.xai_metrics import localization_scores, masked_rows

    start = time.perf_counter()
    model, card = load_trained(args.model)
    rows = masked_rows(resolve_data(args.data), card, args.subset, args.max_per_class, args.seed)
    print(f"{len(rows)} masked {args.subset} images ({rows['class'].value_counts().to_dict()}), {card['image_size']}px", flush=True)
    parts = []
    for i in range(0, len(rows), 16):
        part = rows.iloc[i:i + 16]
        batch = load_batch(card, part.path.tolist(), part.mask_path.tolist())
        frame = removal_test(model, batch["images"], batch["masks"], part.label.to_numpy(), card["preprocessing"]["backbone"], seed=args.seed + i)
        maps = gradcam(model, batch["inputs"]).heatmaps
        scores = pd.DataFrame([localization_scores(h, m) for h, m in zip(maps, batch["masks"])])
        parts.append(pd.concat([frame, scores[["pointing_game", "energy_in_mask"]]], axis=1)
                     .assign(path=part.path.to_numpy(), **{"class": part["class"].to_numpy()}))
    table = pd.concat(parts, ignore_index=True)
    if args.out: table.to_csv(args.out, index=False)
    pd.set_option("display.width", 200)
    print(dependence_summary(table).round(3).to_string())
    correct = table[table.predicted_original == table.label].copy()
    correct["answer without the tumor"] = np.where(correct.predicted_removed == correct.label, "survives", "flips")
    link = correct.groupby("answer without the tumor").agg(images=("path", "size"), gradcam_pointing_game=("pointing_game", "mean"),
                                                           gradcam_energy_in_mask=("energy_in_mask", "mean"))
    print("\nGrad-CAM on the correct predictions, by whether the answer survives the tumor's removal:")
    print(link.round(3).to_string())
    print(f"\n{time.perf_counter() - start:.0f} s")


if __name__ == "__main__":
    main()
