"""Detectors: one module each, behind the Detector protocol, listed in the catalogue."""

from hallmark.detect.base import Detector
from hallmark.detect.catalogue import BUILTIN, build_detectors, detector_classes
from hallmark.detect.index import BrandIndex, listing_fields

__all__ = [
    "BUILTIN",
    "BrandIndex",
    "Detector",
    "build_detectors",
    "detector_classes",
    "listing_fields",
]
