"""The one catalogue of detectors: built-ins and entry-point plugins load the same way."""

from __future__ import annotations

from collections.abc import Iterable
from importlib.metadata import entry_points

from hallmark.detect.base import Detector
from hallmark.detect.brand_mention import BrandMention
from hallmark.detect.design import Design
from hallmark.detect.image_text import ImageText
from hallmark.detect.logo import Logo
from hallmark.detect.price import Price
from hallmark.detect.seller import Seller
from hallmark.detect.stolen_photo import StolenPhoto
from hallmark.detect.wording import Wording
from hallmark.errors import NotConfigured, PluginError

BUILTIN: tuple[type[Detector], ...] = (
    BrandMention,
    Wording,
    Price,
    Seller,
    StolenPhoto,
    Logo,
    ImageText,
    Design,
)
ENTRY_POINT_GROUP = "hallmark.detectors"


def detector_classes() -> dict[str, type[Detector]]:
    """Every known detector class by name; a duplicate name is an error."""
    classes: dict[str, type[Detector]] = {}
    plugins = [ep.load() for ep in entry_points(group=ENTRY_POINT_GROUP)]
    for cls in (*BUILTIN, *plugins):
        if cls.name in classes:
            raise PluginError(f"detector {cls.name!r} is registered twice")
        classes[cls.name] = cls
    return classes


def build_detectors(
    names: Iterable[str] | None = None, disabled: dict[str, str] | None = None
) -> list[Detector]:
    """Instances of the named detectors (all when None); an unknown name is an error. A
    detector that is not configured raises NotConfigured, unless `disabled` is given: then
    it is left out and its reason recorded there."""
    classes = detector_classes()
    wanted = list(classes) if names is None else list(names)
    unknown = [n for n in wanted if n not in classes]
    if unknown:
        raise PluginError(f"unknown detector(s): {', '.join(unknown)}; known: {', '.join(classes)}")
    built: list[Detector] = []
    for name in wanted:
        try:
            built.append(classes[name]())
        except NotConfigured as exc:
            if disabled is None:
                raise
            disabled[name] = str(exc)
    return built
