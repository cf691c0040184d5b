"""The image side: fingerprint each picture once, then match it against brand references.

Everything here needs the `vision` extra (numpy, OpenCV, onnxruntime, imagehash, rapidocr,
faiss); modules outside this package import it lazily, so a text-only install still works.
"""

PIPELINE_VERSION = "v4-effl0int8-sift-grey"
"""Names the fingerprint recipe; fingerprints made by another recipe are made again."""
