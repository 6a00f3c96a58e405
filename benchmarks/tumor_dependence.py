"""Does the model need the tumor? Each masked held-out image is classified as it is, with its tumor removed (filled in
from the surrounding tissue) and with a same-shaped patch of healthy brain removed (the control); then Grad-CAM's pointing
game is split by whether the answer survives the tumor's removal.

    BRAIN_GRADCAM_DATA=... python benchmarks/tumor_dependence.py --model MODEL_DIR [--subset val] [--max-per-class N] [--out scores.csv]

A measurement script (the "why" behind the localization results of 08_explanation_metrics), not a test.
"""
import argparse, time

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
    from brain_gradcam.sources import resolve_data
    from brain_gradcam.failure_analysis import dependence_summary, failure_table, pointing_by_dependence, tumor_dependence
    from brain_gradcam.training import load_trained
    from brain_gradcam.explanation_metrics import masked_rows

    start = time.perf_counter()
    model, card = load_trained(args.model)
    rows = masked_rows(resolve_data(args.data), card, args.subset, args.max_per_class, args.seed)
    print(f"{len(rows)} masked {args.subset} images ({rows['class'].value_counts().to_dict()}), {card.image_size}px", flush=True)
    dependence = tumor_dependence(model, card, rows, seed=args.seed)
    table, _, _ = failure_table(model, card, rows)              # Grad-CAM's pointing game and energy in mask per image
    if args.out: dependence.merge(table[["path", "pointing_game", "energy_in_mask"]], on="path").to_csv(args.out, index=False)
    pd.set_option("display.width", 200)
    print(dependence_summary(dependence).round(3).to_string())
    print("\nGrad-CAM on the correct predictions, by whether the answer survives the tumor's removal:")
    print(pointing_by_dependence(table, dependence).round(3).to_string())
    print(f"\n{time.perf_counter() - start:.0f} s")


if __name__ == "__main__":
    main()
