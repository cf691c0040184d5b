"""The bundled embedding model: the committed files are the exported and quantized ones, and
the model embeds."""

from __future__ import annotations

import hashlib
import io

import numpy as np
from PIL import Image, ImageOps

from hallmark.vision.embed import DIMENSIONS, MODEL_PATH, MODEL_SHA256, Embedder
from tests.vision.conftest import picture

# the fp32 export the INT8 model is quantized from (scripts/quantize_embedding_model.py)
EXPORTED = MODEL_PATH.parent / "efficientnet_lite0.onnx"
EXPORTED_SHA256 = "fc555497155ebd178923d24d73281097359cd781eb19258be25a94949b47889f"


def test_the_model_files_are_the_exported_and_quantized_ones() -> None:
    assert hashlib.sha256(MODEL_PATH.read_bytes()).hexdigest() == MODEL_SHA256
    assert hashlib.sha256(EXPORTED.read_bytes()).hexdigest() == EXPORTED_SHA256
    notice = (MODEL_PATH.parent / "NOTICE").read_text(encoding="utf-8")
    assert MODEL_SHA256 in notice and EXPORTED_SHA256 in notice
    assert "Apache License" in (MODEL_PATH.parent / "LICENSE.efficientnet_lite0").read_text()


def test_embeddings_are_unit_vectors_that_tell_copies_from_other_photos(
    models: tuple[Embedder, object],
) -> None:
    embedder = models[0]
    coffee = Image.open(io.BytesIO(picture("official.jpg"))).convert("RGB")
    cat = Image.open(io.BytesIO(picture("innocent.jpg"))).convert("RGB")
    vectors = embedder.embed([coffee, coffee.resize((200, 133)), ImageOps.mirror(coffee), cat])
    assert vectors.shape == (4, DIMENSIONS)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    sims = vectors @ vectors[0]
    assert sims[1] > 0.95 and sims[2] > 0.9
    assert sims[3] < 0.6


def test_batches_give_the_same_vectors_as_single_pictures(
    models: tuple[Embedder, object],
) -> None:
    embedder = models[0]
    images = [
        Image.open(io.BytesIO(picture(n))).convert("RGB") for n in ("official.jpg", "innocent.jpg")
    ]
    together = embedder.embed(images * 10)
    alone = np.concatenate([embedder.embed([image]) for image in images])
    assert np.allclose(together[:2], alone, atol=1e-4)
    assert np.allclose(together[18:20], alone, atol=1e-4)
    assert embedder.embed([]).shape == (0, DIMENSIONS)
