"""Which method and layer localize tumors best? Pointing game and energy in mask of Grad-CAM, Grad-CAM++ and LayerCAM
at the last Xception blocks, and of layer combinations, on the same masked held-out images, next to the baselines.

    BRAIN_GRADCAM_DATA=... python benchmarks/localization_study.py --model MODEL_DIR [--max-per-class 60] [--out study.csv]

A measurement script (the literature's suggestions for maps too coarse for small tumors, tried one by one), not a test.
"""
import argparse, time

import numpy as np
import pandas as pd


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", required=True)
    parser.add_argument("--data", default=None)
    parser.add_argument("--subset", default="val")
    parser.add_argument("--max-per-class", type=int, default=60)
    parser.add_argument("--layers", default="block14_sepconv2_act,block14_sepconv1_act,block13_sepconv2_act,block12_sepconv3_act")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--out", default=None, help="CSV of per-image scores")
    args = parser.parse_args()
    from brain_gradcam.gradcam import explain, file_batches, finish_maps
    from brain_gradcam.sources import resolve_data
    from brain_gradcam.pipeline import training_split
    from brain_gradcam.training import load_trained
    from brain_gradcam.explanation_metrics import location_prior, masked_rows, random_maps, score_maps, tolerance_for

    model, card = load_trained(args.model)
    root = resolve_data(args.data)
    rows = masked_rows(root, card, args.subset, args.max_per_class, args.seed)
    split = training_split(root, seed=card.seed)
    prior = location_prior(split[(split.subset == "train") & split.mask_path.notna()].groupby("class").head(200), card.image_size)
    layers = args.layers.split(",")
    print(f"{len(rows)} masked {args.subset} images ({rows['class'].value_counts().to_dict()}), {card.image_size}px, "
          f"pointing tolerance {tolerance_for(card.image_size)} px", flush=True)
    frames = []
    for start, (part, batch) in zip(range(0, len(rows), 16), file_batches(card, rows, 16)):
        maps = {}
        for layer in layers:
            cells = model.get_layer(layer).output.shape[1]
            for method in ("gradcam", "gradcam++", "layercam"):
                maps[f"{method} @ {layer} ({cells}x{cells})"] = explain(model, batch["inputs"], method, layer=layer).heatmaps
        combined = lambda method: finish_maps(sum(maps[k] for k in maps if k.startswith(method + " @")), batch["inputs"].shape[1:3], False)[0]
        maps["gradcam, mean of the layers above"] = combined("gradcam")
        maps["layercam, mean of the layers above"] = combined("layercam")
        cells = model.get_layer(layers[0]).output.shape[1]
        maps["baseline: random"] = random_maps(len(part), card.image_size, cells, args.seed + start)
        maps["baseline: prior (true class)"] = np.stack([prior[c] for c in part["class"]])
        for name, heatmaps in maps.items():
            frames.append(score_maps(heatmaps, batch["masks"]).assign(variant=name, path=part.path.to_numpy(), **{"class": part["class"].to_numpy()}))
        print(f"  {min(start + 16, len(rows))}/{len(rows)}", flush=True)
    scores = pd.concat(frames, ignore_index=True)
    if args.out: scores.to_csv(args.out, index=False)
    table = scores.groupby("variant", sort=False)[["pointing_game", "energy_in_mask", "iou", "dice", "auc"]].mean()
    per_class = scores.pivot_table(index="variant", columns="class", values="pointing_game", aggfunc="mean", sort=False)
    table = table.join(per_class.add_prefix("pointing: "))
    print(table.round(3).to_string())


if __name__ == "__main__":
    main()
