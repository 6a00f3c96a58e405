"""What test-time flipping buys: accuracy of a trained model on the validation and test subsets from the images as they
are, from their mirror images, and from the mean of the two probabilities, side by side in one run.

    BRAIN_GRADCAM_DATA=... python benchmarks/flip_tta.py --model MODEL_DIR

A measurement script (an idea for 05_training's table), not a test; the library does not flip at test time.
"""
import argparse


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", required=True)
    parser.add_argument("--data", default=None)
    args = parser.parse_args()
    import numpy as np
    import tensorflow as tf
    from brain_gradcam.sources import resolve_data
    from brain_gradcam.evaluation import evaluation_set, softmax
    from brain_gradcam.pipeline import make_dataset
    from brain_gradcam.training import load_trained

    model, card = load_trained(args.model)
    root = resolve_data(args.data)
    for subset in ("val", "test"):
        rows = evaluation_set(root, card, subset)
        plain, mirrored = [], []
        for x, _ in make_dataset(rows, card.preprocessing.backbone, card.image_size, 32, crop=card.preprocessing.crop, cache=False):
            plain.append(softmax(model.predict_on_batch(x))); mirrored.append(softmax(model.predict_on_batch(tf.reverse(x, [2]))))
        plain, mirrored, labels = np.concatenate(plain), np.concatenate(mirrored), rows.label.to_numpy()
        accuracy = lambda p: float((p.argmax(1) == labels).mean())
        print(f"{subset} ({len(labels)} images): as is {accuracy(plain):.2%}, mirrored {accuracy(mirrored):.2%}, "
              f"mean of both {accuracy((plain + mirrored) / 2):.2%}", flush=True)


if __name__ == "__main__":
    main()
