"""A located logo's appearance check, brightness-inverted logo views and one-to-one matches."""

from __future__ import annotations

import io

import numpy as np
from PIL import Image, ImageOps

from hallmark.vision.appearance import agreement, appearance, grey_copy
from hallmark.vision.keypoints import good_matches, inverted, keypoints, verify
from tests.vision.conftest import picture


def logo() -> Image.Image:
    rgba = Image.open(io.BytesIO(picture("logo.png"))).convert("RGBA")
    ground = Image.new("RGBA", rgba.size, "white")
    return Image.alpha_composite(ground, rgba).convert("RGB")


def pasted(mark: Image.Image, at: tuple[int, int] = (60, 40)) -> Image.Image:
    scene = Image.open(io.BytesIO(picture("innocent.jpg"))).convert("RGB")
    scene.paste(mark, at)
    return scene


def region(mark: Image.Image, at: tuple[int, int]) -> tuple[tuple[float, float], ...]:
    x, y = at
    w, h = mark.size
    return ((x, y), (x + w, y), (x + w, y + h), (x, y + h))


def test_the_logo_where_it_is_agrees_and_another_place_does_not() -> None:
    reference = logo()
    looks = appearance(grey_copy(reference), reference.width)
    mark = reference.resize((reference.width // 2, reference.height // 2))
    scene = pasted(mark)
    grey, size = grey_copy(scene), scene.size
    here = agreement(looks, grey, size, region(mark, (60, 40)), reference.size)
    elsewhere = agreement(looks, grey, size, region(mark, (60 + mark.width, 40)), reference.size)
    assert here > 0.7 > 0.3 > elsewhere


def test_an_inverted_logo_agrees_as_well() -> None:
    reference = logo()
    looks = appearance(grey_copy(reference), reference.width)
    mark = ImageOps.invert(reference.resize((reference.width // 2, reference.height // 2)))
    scene = pasted(mark)
    here = agreement(looks, grey_copy(scene), scene.size, region(mark, (60, 40)), reference.size)
    assert here > 0.7


def test_inverted_keypoints_match_the_inverted_picture() -> None:
    reference = logo()
    plain = keypoints(reference)
    seen = keypoints(ImageOps.invert(reference))
    assert len(good_matches(inverted(plain), seen)) > 2 * len(good_matches(plain, seen))
    assert verify(inverted(plain), seen, min_inliers=12, min_area=0.2) is not None


def test_each_query_keypoint_is_matched_once() -> None:
    reference = logo()
    plain = keypoints(reference)
    doubled = type(plain)(
        np.concatenate([plain.xy, plain.xy]),
        np.concatenate([plain.descriptors, plain.descriptors]),
        plain.width,
        plain.height,
    )
    pairs = good_matches(doubled, keypoints(reference), ratio=1.0)
    assert len({q for _, q in pairs}) == len(pairs)
