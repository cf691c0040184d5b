"""The vector-index seam: unit vectors in, nearest neighbours by cosine out.

One Protocol so the scale work can put pgvector behind it; faiss serves the embedded
default: exact search for brand catalogues, HNSW once the references number in the tens of
thousands (exact search at 100,000 references took 36 ms a query on one core here, HNSW
with efSearch 512 about 4 ms with recall@10 about 0.93; see bench/images.py).
"""

from __future__ import annotations

from typing import Protocol

import faiss
import numpy as np

EXACT_LIMIT = 20_000


class VectorIndex(Protocol):
    """Nearest neighbours of unit vectors by inner product (= cosine)."""

    def add(self, vectors: np.ndarray, ids: np.ndarray) -> None:
        """Index (n, d) float32 unit `vectors` under the int64 `ids` (repeats allowed)."""
        ...

    def search(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """(similarities, ids), each (m, k), best first; missing neighbours have id -1."""
        ...

    def __len__(self) -> int:
        """How many vectors are indexed."""
        ...


class FaissIndex:
    """faiss: a flat inner-product index, or HNSW when built for many vectors."""

    def __init__(self, dimensions: int, expected: int = 0) -> None:
        self.dimensions = dimensions
        if expected > EXACT_LIMIT:
            hnsw = faiss.IndexHNSWFlat(dimensions, 32, faiss.METRIC_INNER_PRODUCT)
            hnsw.hnsw.efConstruction = 64
            hnsw.hnsw.efSearch = 512
            base: faiss.Index = hnsw
        else:
            base = faiss.IndexFlatIP(dimensions)
        self._index = faiss.IndexIDMap2(base)

    def add(self, vectors: np.ndarray, ids: np.ndarray) -> None:
        if len(vectors):
            self._index.add_with_ids(
                np.ascontiguousarray(vectors, dtype=np.float32), np.asarray(ids, dtype=np.int64)
            )

    def search(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        if not len(self) or not len(queries):
            shape = (len(queries), k)
            return np.zeros(shape, np.float32), np.full(shape, -1, np.int64)
        sims, ids = self._index.search(np.ascontiguousarray(queries, dtype=np.float32), k)
        return sims, ids

    def __len__(self) -> int:
        return int(self._index.ntotal)
