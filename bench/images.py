"""Each fingerprinting stage on one core against a bare decode, then lookup and re-rank.

Reads the JPEGs of the committed image corpus (tests/corpus/images/images, N of them at an
even stride over the sorted names, so every kind of picture is in) into memory and times, over the same files in the same run: a bare Pillow decode
(the floor every ratio is measured against), Hallmark's checked decode, the hashes, the
embedding in batches of 16, SIFT keypoints and OCR (on fewer pictures: it is slow). Then
it indexes the corpus embeddings among clustered synthetic vectors shaped like them and
times the shortlist lookup of one picture (against exact search, with recall@10), the
geometric re-rank of a 10-candidate shortlist, and reports peak memory. Stages are timed
in CPU seconds with onnxruntime, OpenCV and faiss held to one thread. The last line is
key=value pairs.

    python bench/images.py [--images 200] [--ocr-images 20] [--references 100000]
"""

from __future__ import annotations

import os

# one thread everywhere: must be set before numpy, OpenCV, onnxruntime or faiss load
for _name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_name] = "1"

import argparse  # noqa: E402
import io  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from collections import Counter  # noqa: E402
from collections.abc import Callable  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from pathlib import Path  # noqa: E402

import cv2  # noqa: E402
import faiss  # noqa: E402
import numpy as np  # noqa: E402
from PIL import Image  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import closing_line, cpu_seconds, machine, pin_one_core  # noqa: E402
from hallmark.config import Settings  # noqa: E402
from hallmark.vision.decode import decode  # noqa: E402
from hallmark.vision.embed import BATCH, DIMENSIONS, Embedder, unit  # noqa: E402
from hallmark.vision.hashes import hashes  # noqa: E402
from hallmark.vision.index import FaissIndex  # noqa: E402
from hallmark.vision.keypoints import SMALL_SIDE, Keypoints, keypoints, verify  # noqa: E402
from hallmark.vision.ocr import Reader  # noqa: E402

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "corpus" / "images" / "images"
SHORTLIST = 10
CENTRES = 2_000


def best_of(repeats: int, work: Callable[[], object]) -> float:
    return min(cpu_seconds(work) for _ in range(repeats))


def bare_decode(files: list[bytes]) -> None:
    for data in files:
        with Image.open(io.BytesIO(data)) as image:
            image.convert("RGB").load()


def ocr_reader() -> tuple[Reader, str]:
    """Hallmark's Reader with its onnxruntime sessions held to one thread."""
    return Reader(threads=1), "1 thread"


def synthetic_references(rng: np.random.Generator, real: np.ndarray, count: int) -> np.ndarray:
    """Unit vectors in clusters, shaped like the real embeddings: sparse and non-negative
    (the model's features follow a ReLU), each dimension active as often and as strongly
    as in the corpus; a cluster's members vary its values and mix in a little of another."""
    active = (real > 0).mean(axis=0)
    level = np.where(real > 0, real, 0).sum(axis=0) / np.maximum((real > 0).sum(axis=0), 1)

    def sparse(n: int) -> np.ndarray:
        on = rng.random((n, DIMENSIONS)) < active
        return unit(on * level * rng.exponential(1.0, (n, DIMENSIONS)))

    centres = sparse(CENTRES)
    out = np.empty((count, DIMENSIONS), dtype=np.float32)
    step = 10_000
    for start in range(0, count, step):
        n = min(step, count - start)
        around = centres[rng.integers(0, CENTRES, n)] * rng.lognormal(0, 0.5, (n, DIMENSIONS))
        out[start : start + n] = unit(around + 0.25 * sparse(n))
    return out


def per_query_ms(search: Callable[[np.ndarray], object], queries: np.ndarray) -> np.ndarray:
    times = []
    for row in queries:
        one = row[None, :]
        start = time.process_time_ns()
        search(one)
        times.append((time.process_time_ns() - start) / 1e6)
    return np.array(times)


def exact_top(vectors: np.ndarray, queries: np.ndarray, k: int) -> np.ndarray:
    sims = queries @ vectors.T
    top = np.argpartition(-sims, k, axis=1)[:, :k]
    return top


def mean_cosine(vectors: np.ndarray, rng: np.random.Generator, pairs: int = 20_000) -> float:
    a, b = rng.integers(0, len(vectors), pairs), rng.integers(0, len(vectors), pairs)
    keep = a != b
    return float(np.mean(np.sum(vectors[a[keep]] * vectors[b[keep]], axis=1)))


@dataclass(frozen=True, slots=True)
class Lookup:
    total: int
    kind: str
    build_s: float
    lookup_ms: float
    lookup_p95_ms: float
    exact_ms: float
    exact_p95_ms: float
    recall: float
    source_found: float
    """Share of queries whose own corpus picture is in the shortlist."""
    queries: int
    synthetic_cos: float
    real_cos: float


def lookup(rng: np.random.Generator, real: np.ndarray, references: int, queries: int) -> Lookup:
    """Single-picture shortlist lookups in a FaissIndex holding the corpus embeddings among
    `references` synthetic ones, against exact search; recall@10 against numpy brute force."""
    synthetic = synthetic_references(rng, real, references)
    synthetic_cos, real_cos = mean_cosine(synthetic, rng), mean_cosine(real, rng)
    vectors = np.concatenate([synthetic, real])
    del synthetic
    total = len(vectors)
    # a query is a corpus picture's embedding moved a little, as a copy's would be (cos ~0.96)
    noise = rng.standard_normal((queries, DIMENSIONS)) * (0.3 / np.sqrt(DIMENSIONS))
    sources = rng.integers(0, len(real), queries)
    asked = unit(real[sources] + noise).astype(np.float32)
    truth = exact_top(vectors, asked, SHORTLIST)

    flat = faiss.IndexFlatIP(DIMENSIONS)
    flat.add(vectors)
    flat.search(asked[:1], SHORTLIST)
    exact_ms = per_query_ms(lambda q: flat.search(q, SHORTLIST), asked)
    flat.reset()

    index = FaissIndex(DIMENSIONS, expected=total)
    build_s = cpu_seconds(lambda: index.add(vectors, np.arange(total, dtype=np.int64)))
    index.search(asked[:1], SHORTLIST)
    lookup_ms = per_query_ms(lambda q: index.search(q, SHORTLIST), asked)
    _, got = index.search(asked, SHORTLIST)
    hits = [len(set(g) & set(t)) for g, t in zip(got, truth, strict=True)]
    found = np.mean([references + source in g for g, source in zip(got, sources, strict=True)])
    base = faiss.downcast_index(index._index.index)
    kind = type(base).__name__
    if isinstance(base, faiss.IndexHNSW):
        kind += f" M={base.hnsw.nb_neighbors(1)} efSearch={base.hnsw.efSearch}"
    return Lookup(
        total,
        kind,
        build_s,
        float(np.median(lookup_ms)),
        float(np.percentile(lookup_ms, 95)),
        float(np.median(exact_ms)),
        float(np.percentile(exact_ms, 95)),
        sum(hits) / (SHORTLIST * len(hits)),
        float(found),
        len(hits),
        synthetic_cos,
        real_cos,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--images", type=int, default=200)
    parser.add_argument("--ocr-images", type=int, default=20)
    parser.add_argument("--references", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--rerank-queries", type=int, default=20)
    args = parser.parse_args()
    pin_one_core()
    cv2.setNumThreads(1)
    faiss.omp_set_num_threads(1)
    rng = np.random.default_rng(20261124)
    settings = Settings()
    every = sorted(CORPUS.glob("*.jpg"))
    # an even stride over the sorted names, so each of the corpus's kinds is represented
    paths = every[:: max(1, len(every) // max(1, args.images))][: args.images]
    files = [path.read_bytes() for path in paths]
    n = len(files)
    kinds = Counter(path.name.split("_")[0] for path in paths)
    if n < 2:
        raise SystemExit(f"need at least 2 JPEGs in {CORPUS}")

    # 1-2. decode: bare Pillow against Hallmark's checked decode
    bare_s = best_of(3, lambda: bare_decode(files))
    images: list[Image.Image] = []

    def hallmark_decode() -> None:
        images[:] = [
            decode(data, max_bytes=settings.max_image_bytes, max_pixels=settings.max_image_pixels)
            for data in files
        ]

    decode_s = best_of(3, hallmark_decode)

    # 3. hashes
    hashes_s = best_of(3, lambda: [hashes(image) for image in images])

    # 4. embedding at batch 16 (a warm-up batch first: the first run allocates)
    embedder = Embedder(threads=1)
    embedder.embed(images[:BATCH])
    chunks: list[np.ndarray] = []
    embed_s = cpu_seconds(
        lambda: chunks.extend(embedder.embed(images[i : i + BATCH]) for i in range(0, n, BATCH))
    )
    real = np.concatenate(chunks)

    # 5. keypoints, as a scan takes them of listing pictures (small ones enlarged first)
    found: list[Keypoints] = []
    keypoints_s = cpu_seconds(
        lambda: found.extend(keypoints(image, enlarge=True) for image in images)
    )
    sides = [min(2.0, SMALL_SIDE / max(image.size)) for image in images]
    mean_w = sum(image.width * max(1.0, f) for image, f in zip(images, sides, strict=True)) / n
    mean_h = sum(image.height * max(1.0, f) for image, f in zip(images, sides, strict=True)) / n
    mean_kp = sum(len(kp) for kp in found) / n

    # 6. OCR on a subset (a warm-up read first: rapidocr loads its models on first use)
    reader, ocr_threads = ocr_reader()
    ocr_count = max(1, min(args.ocr_images, n))
    ocr_images = images[:: n // ocr_count][:ocr_count]
    reader.read(ocr_images[0])
    lines: list[int] = []
    ocr_s = cpu_seconds(lambda: lines.extend(len(reader.read(image)) for image in ocr_images))
    stages_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    looked = lookup(rng, real, args.references, args.queries)

    # re-rank: verify a 10-candidate shortlist (the query's nearest other corpus pictures)
    sims = real @ real.T
    np.fill_diagonal(sims, -np.inf)
    candidates = np.argsort(-sims, axis=1)[:, :SHORTLIST]
    rerank_count = max(1, min(args.rerank_queries, n))
    rerank_queries = range(0, n, n // rerank_count)[:rerank_count]
    verified: list[int] = []

    def rerank() -> None:
        for q in rerank_queries:
            verified.extend(
                1
                for c in candidates[q]
                if verify(found[c], found[q], min_inliers=15, min_area=0.02) is not None
            )

    rerank_s = cpu_seconds(rerank)
    rerank_ms = rerank_s / len(rerank_queries) * 1000
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    rates = {
        "bare": n / bare_s,
        "decode": n / decode_s,
        "hashes": n / hashes_s,
        "embed": n / embed_s,
        "keypoints": n / keypoints_s,
        "ocr": len(ocr_images) / ocr_s,
    }
    ratio = {stage: rates["bare"] / rate for stage, rate in rates.items()}
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    print(f"machine: {machine()}; load average {load}")
    print(
        f"pictures: {n} corpus JPEGs ({', '.join(f'{v} {k}_' for k, v in sorted(kinds.items()))}; "
        f"{sum(map(len, files)) / n / 1024:.0f} KiB avg), "
        f"one core, CPU seconds; ratio = stage time / bare decode time"
    )
    rows = [
        ("bare decode (Pillow open + RGB)", "bare", ""),
        ("Hallmark decode (checks, EXIF, <= 800 px)", "decode", ""),
        ("hashes (pHash, mirror pHash, dHash)", "hashes", "target <= 2x"),
        (f"embedding (EfficientNet-Lite0, batch {BATCH})", "embed", "target <= 6x"),
        (
            f"keypoints (SIFT, {mean_w:.0f} x {mean_h:.0f} px avg, {mean_kp:.0f} kp avg)",
            "keypoints",
            "",
        ),
        (
            f"OCR ({len(ocr_images)} pictures, {sum(lines)} lines, {ocr_threads})",
            "ocr",
            "",
        ),
    ]
    for label, key, note in rows:
        print(
            f"  {label:<55} {rates[key]:>9.1f} pictures/s  {ratio[key]:>7.2f}x"
            + (f"  ({note})" if note else "")
        )
    print(
        f"index: {looked.total:,} vectors ({args.references:,} synthetic in {CENTRES:,} "
        f"clusters + {n} corpus); mean cosine synthetic {looked.synthetic_cos:.2f}, "
        f"corpus {looked.real_cos:.2f}"
    )
    print(f"  FaissIndex ({looked.kind}) build: {looked.build_s:.3g} s")
    print(
        f"  lookup of one picture, k={SHORTLIST}, {looked.queries} queries: "
        f"median {looked.lookup_ms:.2f} ms, p95 {looked.lookup_p95_ms:.2f} ms, "
        f"recall@{SHORTLIST} {looked.recall:.3f}, source picture found "
        f"{looked.source_found:.1%} (target < 20 ms)"
    )
    print(
        f"  exact IndexFlatIP, same queries: median {looked.exact_ms:.2f} ms, "
        f"p95 {looked.exact_p95_ms:.2f} ms"
    )
    print(
        f"re-rank: verify {SHORTLIST} candidates per query ({len(rerank_queries)} queries, "
        f"{sum(verified)} verified): {rerank_ms:.1f} ms per query, "
        f"{rerank_ms / SHORTLIST:.1f} ms per candidate"
    )
    print(f"peak memory: {stages_mb:.0f} MB after the stages, {peak_mb:.0f} MB overall")
    print(
        closing_line(
            decode_per_s=round(rates["decode"], 1),
            hashes_ratio=round(ratio["hashes"], 2),
            embed_ratio=round(ratio["embed"], 2),
            lookup_ms=round(looked.lookup_ms, 3),
            lookup_p95_ms=round(looked.lookup_p95_ms, 3),
            recall_at_10=round(looked.recall, 3),
            source_found=round(looked.source_found, 3),
            exact_ms=round(looked.exact_ms, 3),
            bare_decode_per_s=round(rates["bare"], 1),
            decode_ratio=round(ratio["decode"], 2),
            hashes_per_s=round(rates["hashes"], 1),
            embed_per_s=round(rates["embed"], 1),
            keypoints_per_s=round(rates["keypoints"], 1),
            keypoints_ratio=round(ratio["keypoints"], 2),
            ocr_per_s=round(rates["ocr"], 2),
            ocr_ratio=round(ratio["ocr"], 1),
            build_s=float(f"{looked.build_s:.3g}"),
            rerank_ms=round(rerank_ms, 2),
            peak_mb=round(peak_mb),
        )
    )


if __name__ == "__main__":
    main()
