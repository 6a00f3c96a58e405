"""Speed of our explanation methods against plain prediction, tf-keras-vis, and a naive eager loop, measured side by side.

On the default Xception classifier at 299x299 (weights from $BRAIN_GRADCAM_WEIGHTS when set; speed does not depend on
the weights' values), one batch of images, each timing the median of --repeats runs after a warm-up call (tracing and
graph building are excluded for every contender alike). Needs tf-keras-vis (`pip install tf-keras-vis`).

    python benchmarks/cam_speed.py [--batch 8] [--scorecam-batch 2] [--channels 32] [--repeats 3]

The "naive" contenders are what public notebooks do: one image at a time, eagerly, Grad-CAM on the softmax output
(Score-CAM: one masked image per forward pass).
"""
import argparse, os, statistics, time

import numpy as np


def timed(fn, repeats):
    fn()                                                          # warm-up: tracing, graph building, allocation
    times = []
    for _ in range(repeats):
        start = time.perf_counter(); fn(); times.append(time.perf_counter() - start)
    return statistics.median(times)


def naive_gradcam(model, layer, images, plus_plus=False):
    "The public projects' loop: per image, eager tape on the softmax, numpy post-processing"
    import cv2, keras, tensorflow as tf
    grad_model = keras.Model(model.inputs, [model.get_layer(layer).output, model.output])
    maps = []
    for image in images:
        with tf.GradientTape() as tape:
            conv, logits = grad_model(image[None])
            probs = tf.nn.softmax(logits)
            score = probs[:, int(tf.argmax(probs[0]))]
        grads = tape.gradient(score, conv)[0].numpy(); conv = conv[0].numpy()
        if plus_plus:
            g2, g3 = grads ** 2, grads ** 3
            denom = 2 * g2 + conv.sum((0, 1)) * g3
            alpha = np.where(denom != 0, g2 / np.where(denom != 0, denom, 1), 0)
            weights = (alpha * np.maximum(grads, 0)).sum((0, 1))
        else: weights = grads.mean((0, 1))
        cam = np.maximum(conv @ weights, 0)
        maps.append(cv2.resize(cam / (cam.max() + 1e-8), image.shape[:2][::-1]))
    return np.stack(maps)


def naive_scorecam(model, layer, images, channels):
    "One masked image per eager forward pass"
    import keras, tensorflow as tf
    feature_model = keras.Model(model.inputs, [model.get_layer(layer).output, model.output])
    maps = []
    for image in images:
        conv, logits = feature_model(image[None]); conv = conv[0].numpy(); target = int(np.argmax(logits[0]))
        keep = np.argsort(-conv.mean((0, 1)))[:channels]
        cam = np.zeros(conv.shape[:2])
        for k in keep:
            m = tf.image.resize(conv[..., k][..., None], image.shape[:2]).numpy()
            m = (m - m.min()) / (m.max() - m.min() + 1e-8)
            score = tf.nn.softmax(model(image[None] * m + (1 - m) * -1.0))[0, target]
            cam += float(score) * conv[..., k]
        maps.append(np.maximum(cam, 0))
    return np.stack(maps)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--batch", type=int, default=8)
    parser.add_argument("--scorecam-batch", type=int, default=2)
    parser.add_argument("--channels", type=int, default=32, help="Score-CAM channels (ours: max_channels; tf-keras-vis: max_N)")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    import tensorflow as tf
    from tf_keras_vis.gradcam import Gradcam
    from tf_keras_vis.gradcam_plus_plus import GradcamPlusPlus
    from tf_keras_vis.scorecam import Scorecam
    from tf_keras_vis.utils.scores import CategoricalScore
    from brain_gradcam.gradcam import gradcam, gradcam_plus_plus, scorecam, resolve_layer
    from brain_gradcam.model import build_model

    weights = os.environ.get("BRAIN_GRADCAM_WEIGHTS")
    model = build_model("xception", weights if weights else None)
    layer = resolve_layer(model)
    x = np.random.default_rng(0).uniform(-1, 1, (args.batch, 299, 299, 3)).astype(np.float32)
    classes = model.predict(x, verbose=0).argmax(1).tolist()
    print(f"Xception classifier at 299x299, layer {layer}, batch {args.batch}, {os.cpu_count()} CPUs, "
          f"TensorFlow {tf.__version__}; medians of {args.repeats} runs after a warm-up\n")

    rows = []
    def row(name, seconds, reference=None, images=args.batch):
        rows.append((name, seconds, reference)); ratio = f"{seconds / reference:6.2f}x" if reference else ""
        print(f"  {name:<52} {seconds:8.2f} s  {images / seconds:6.1f} img/s  {ratio}", flush=True)

    print("Grad-CAM (ratios: to plain predict)")
    predict = timed(lambda: model.predict(x, batch_size=args.batch, verbose=0), args.repeats); row("model.predict", predict)
    compiled = tf.function(lambda images: model(images, training=False))
    forward = timed(lambda: compiled(x).numpy(), args.repeats); row("compiled forward pass only (tf.function(model))", forward, predict)
    ours = timed(lambda: gradcam(model, x), args.repeats); row("ours: gradcam (batched, tf.function)", ours, predict)
    tkv = Gradcam(model, clone=True)
    theirs = timed(lambda: tkv(CategoricalScore(classes), x, penultimate_layer=layer, seek_penultimate_conv_layer=False), args.repeats)
    row("tf-keras-vis Gradcam", theirs, predict)
    naive = timed(lambda: naive_gradcam(model, layer, x), 1); row("naive eager loop, one image at a time", naive, predict)
    print(f"  -> ours/predict {ours / predict:.2f}; ours/compiled forward {ours / forward:.2f}; tf-keras-vis/ours {theirs / ours:.2f}; "
          f"naive/ours {naive / ours:.2f}\n")

    print("Grad-CAM++ (ratios: to plain predict)")
    ours_pp = timed(lambda: gradcam_plus_plus(model, x), args.repeats); row("ours: gradcam_plus_plus", ours_pp, predict)
    tkv_pp = GradcamPlusPlus(model, clone=True)
    theirs_pp = timed(lambda: tkv_pp(CategoricalScore(classes), x, penultimate_layer=layer, seek_penultimate_conv_layer=False), args.repeats)
    row("tf-keras-vis GradcamPlusPlus", theirs_pp, predict)
    naive_pp = timed(lambda: naive_gradcam(model, layer, x, plus_plus=True), 1); row("naive eager loop", naive_pp, predict)
    print(f"  -> ours/predict {ours_pp / predict:.2f}; tf-keras-vis/ours {theirs_pp / ours_pp:.2f}; naive/ours {naive_pp / ours_pp:.2f}\n")

    xs, k = x[:args.scorecam_batch], args.channels
    print(f"Score-CAM, {len(xs)} images x {k} channels = {len(xs) * k} masked forward passes (ratios: to predict on one batch of {args.batch})")
    ours_sc = timed(lambda: scorecam(model, xs, max_channels=k), args.repeats); row(f"ours: scorecam(max_channels={k}), 32 masks a pass", ours_sc, predict, len(xs))
    tkv_sc = Scorecam(model, clone=True)
    theirs_sc = timed(lambda: tkv_sc(CategoricalScore(classes[:len(xs)]), xs, penultimate_layer=layer, seek_penultimate_conv_layer=False,
                                     max_N=k), args.repeats)
    row(f"tf-keras-vis Scorecam(max_N={k})", theirs_sc, predict, len(xs))
    naive_sc = timed(lambda: naive_scorecam(model, layer, xs, k), 1); row("naive eager loop, one masked image a pass", naive_sc, predict, len(xs))
    per_forward = ours_sc / (len(xs) * k) / (predict / args.batch)
    print(f"  -> ours: {per_forward:.2f}x the per-image cost of predict per masked image; tf-keras-vis/ours {theirs_sc / ours_sc:.2f}; "
          f"naive/ours {naive_sc / ours_sc:.2f}")


if __name__ == "__main__":
    main()
