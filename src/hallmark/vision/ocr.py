"""Text in pictures: rapidocr with the detection and recognition models bundled in its wheel.

Only the default model set is used; any other rapidocr model configuration downloads.
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass
from typing import Any

import numpy as np
from PIL import Image

DETECTION_SIDE = 640


@dataclass(frozen=True, slots=True)
class TextLine:
    """One line of text read in a picture, with the recogniser's confidence and its box."""

    text: str
    score: float
    box: tuple[tuple[float, float], ...]


class Reader:
    """One loaded OCR engine."""

    def __init__(self, detection_side: int = DETECTION_SIDE, threads: int = -1) -> None:
        from rapidocr import RapidOCR

        params: dict[str, object] = {
            "Det.limit_side_len": detection_side,
            "Global.log_level": "error",
            "EngineConfig.onnxruntime.intra_op_num_threads": threads,
            "EngineConfig.onnxruntime.inter_op_num_threads": threads,
        }
        self._engine = RapidOCR(params=params)
        logging.getLogger("RapidOCR").setLevel(logging.ERROR)

    def read(self, image: Image.Image) -> tuple[TextLine, ...]:
        """The lines of text found in a decoded picture."""
        result: Any = self._engine(np.asarray(image, dtype=np.uint8))
        texts = result.txts or ()
        scores = result.scores or ()
        boxes = result.boxes if result.boxes is not None else ()
        return tuple(
            TextLine(
                str(text),
                round(float(score), 4),
                tuple((round(float(x), 1), round(float(y), 1)) for x, y in box),
            )
            for text, score, box in zip(texts, scores, boxes, strict=False)
        )


@functools.cache
def reader() -> Reader:
    """The process's one OCR engine, loaded on first use."""
    return Reader()
