"""The global embedding: EfficientNet-Lite0 (ImageNet) on onnxruntime, 1280-d, unit length.

The ONNX file ships in the package (models/, with its licence): exported by
scripts/export_embedding_model.py, then quantized to INT8 by
scripts/quantize_embedding_model.py (about 2.4 times faster on one core than fp32);
tests/vision/test_model.py guards its checksum. Nothing here downloads anything.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import Path

import cv2
import numpy as np
import onnxruntime
from PIL import Image

MODEL_PATH = Path(__file__).parent / "models" / "efficientnet_lite0_int8.onnx"
MODEL_SHA256 = "fd651b2cd6c3c2de293a6e4abb4a90f1b78fd909fa6edd86b42975efed54dc68"
DIMENSIONS = 1280
INPUT_SIDE = 224
BATCH = 16


class Embedder:
    """One loaded model; embeds pictures in batches."""

    def __init__(self, path: Path = MODEL_PATH, threads: int = 0) -> None:
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads
        options.log_severity_level = 3
        self._session = onnxruntime.InferenceSession(
            str(path), options, providers=["CPUExecutionProvider"]
        )

    def embed(self, images: Sequence[Image.Image | np.ndarray]) -> np.ndarray:
        """An (n, 1280) float32 array of unit vectors, one row per picture."""
        rows = []
        for start in range(0, len(images), BATCH):
            chunk = np.stack([pixels(image) for image in images[start : start + BATCH]])
            rows.append(np.asarray(self._session.run(None, {"pixels": chunk})[0]))
        if not rows:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        return unit(np.concatenate(rows).astype(np.float32))


@functools.cache
def embedder() -> Embedder:
    """The process's one embedder, loaded on first use."""
    return Embedder()


def unit(vectors: np.ndarray) -> np.ndarray:
    """Each row scaled to length 1."""
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    scaled: np.ndarray = vectors / np.maximum(norms, 1e-12)
    return scaled


def pixels(image: Image.Image | np.ndarray) -> np.ndarray:
    """The model's input for one RGB picture: 3x224x224 float32 in 0..255 (the quantization
    script calibrates on exactly this)."""
    array = np.asarray(image, dtype=np.uint8)
    resized = cv2.resize(array, (INPUT_SIDE, INPUT_SIDE), interpolation=cv2.INTER_AREA)
    return np.ascontiguousarray(resized.transpose(2, 0, 1), dtype=np.float32)
