"""Quantize the exported EfficientNet-Lite0 (efficientnet_lite0.onnx, from
scripts/export_embedding_model.py) to the INT8 model Hallmark runs: static quantization in
QDQ format, weights QInt8 per channel, activations QUInt8, calibrated on 64 pictures drawn
with a fixed seed from the dev split of tests/corpus/images (never holdout), each as a
picture and as a grey copy with stretched contrast, like the shape views a fingerprint embeds.

Run by hand, in a throwaway venv; onnx and sympy are needed here only, never at run time:

    python3 -m venv /tmp/quantvenv
    /tmp/quantvenv/bin/pip install onnx==1.23.2 onnxruntime==1.32.0 sympy==1.14.0 \
        numpy==2.4.6 pillow==13.0.0 opencv-python-headless==5.0.0.93
    PYTHONPATH=src /tmp/quantvenv/bin/python scripts/quantize_embedding_model.py

It prints the INT8 file's checksum (tests/vision/test_model.py guards it) and the cosine of
its embeddings to the fp32 model's on the calibration pictures.
"""

from __future__ import annotations

import hashlib
import json
import random
import tempfile
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import onnxruntime
from onnxruntime.quantization import (
    CalibrationDataReader,
    QuantFormat,
    QuantType,
    quantize_static,
)
from onnxruntime.quantization.shape_inference import quant_pre_process
from PIL import Image, ImageOps

from hallmark.vision.embed import pixels, unit

ROOT = Path(__file__).resolve().parents[1]
MODELS = ROOT / "src/hallmark/vision/models"
SOURCE = MODELS / "efficientnet_lite0.onnx"
TARGET = MODELS / "efficientnet_lite0_int8.onnx"
CORPUS = ROOT / "tests/corpus/images"
PICTURES = 64
SEED = 5


class Calibration(CalibrationDataReader):
    def __init__(self, batches: list[np.ndarray]) -> None:
        self._batches: Iterator[np.ndarray] = iter(batches)

    def get_next(self) -> dict[str, np.ndarray] | None:
        batch = next(self._batches, None)
        return None if batch is None else {"pixels": batch}


def calibration_images() -> list[Image.Image]:
    labels = [json.loads(line) for line in (CORPUS / "labels.jsonl").read_text().splitlines()]
    dev = sorted(label["file"] for label in labels if label["split"] == "dev")
    chosen = random.Random(SEED).sample(dev, PICTURES)
    images = []
    for name in chosen:
        with Image.open(CORPUS / name) as opened:
            image = ImageOps.exif_transpose(opened).convert("RGB")
        images.append(image)
        images.append(ImageOps.autocontrast(image.convert("L"), cutoff=1).convert("RGB"))
    return images


def embed(path: Path, inputs: np.ndarray) -> np.ndarray:
    session = onnxruntime.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    return unit(np.asarray(session.run(None, {"pixels": inputs})[0], dtype=np.float32))


def main() -> None:
    inputs = np.stack([pixels(image) for image in calibration_images()])
    with tempfile.TemporaryDirectory() as scratch:
        prepared = Path(scratch) / "prepared.onnx"
        quant_pre_process(str(SOURCE), str(prepared))
        quantize_static(
            str(prepared),
            str(TARGET),
            Calibration([inputs[i : i + 16] for i in range(0, len(inputs), 16)]),
            quant_format=QuantFormat.QDQ,
            per_channel=True,
            activation_type=QuantType.QUInt8,
            weight_type=QuantType.QInt8,
        )
    cosines = np.sum(embed(SOURCE, inputs) * embed(TARGET, inputs), axis=1)
    digest = hashlib.sha256(TARGET.read_bytes()).hexdigest()
    print(f"{TARGET} {TARGET.stat().st_size:,} bytes sha256={digest}")
    print(f"cosine to fp32 on calibration: mean {cosines.mean():.4f} min {cosines.min():.4f}")


if __name__ == "__main__":
    main()
