"""A located logo's appearance check, brightness-inverted logo views and one-to-one matches."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont, ImageOps
from pydantic import ValidationError

from hallmark.score import Rules
from hallmark.score.rules import VisionSpec
from hallmark.vision.appearance import Agreement, agreement, appearance, grey_copy
from hallmark.vision.keypoints import good_matches, inverted, keypoints, verify
from hallmark.vision.match import VisionThresholds, logo_holds
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
    assert here.whole > 0.7 > 0.3 > elsewhere.whole
    assert here.lettering is None


def test_an_inverted_logo_agrees_as_well() -> None:
    reference = logo()
    looks = appearance(grey_copy(reference), reference.width)
    mark = ImageOps.invert(reference.resize((reference.width // 2, reference.height // 2)))
    scene = pasted(mark)
    here = agreement(looks, grey_copy(scene), scene.size, region(mark, (60, 40)), reference.size)
    assert here.whole > 0.7


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


def crest(word: str) -> tuple[Image.Image, tuple[tuple[float, float], ...]]:
    """A ringed badge with `word` across it, and the box of the word."""
    image = Image.new("RGB", (420, 300), "white")
    draw = ImageDraw.Draw(image)
    draw.ellipse((10, 10, 410, 290), outline="navy", width=12)
    draw.ellipse((40, 40, 380, 260), outline="navy", width=4)
    font = ImageFont.load_default(size=44)
    draw.text((210, 150), word, font=font, fill="navy", anchor="mm")
    x0, y0, x1, y1 = draw.textbbox((210, 150), word, font=font, anchor="mm")
    return image, ((x0, y0), (x1, y0), (x1, y1), (x0, y1))


def test_a_look_alike_on_the_same_template_fails_on_its_lettering() -> None:
    reference, box = crest("VELMORA")
    looks = appearance(grey_copy(reference), reference.width, [box])
    assert looks.letters is not None
    results = {}
    for word in ("VELMORA", "OSTRELLE"):
        mark = crest(word)[0].resize((210, 150))
        scene = pasted(mark)
        results[word] = agreement(
            looks, grey_copy(scene), scene.size, region(mark, (60, 40)), reference.size
        )
    real, fake = results["VELMORA"], results["OSTRELLE"]
    assert real.lettering is not None and fake.lettering is not None
    assert real.lettering > 0.8 > 0.5 > fake.lettering
    # the shared rings keep the look-alike's agreement as a whole well above its letters'
    assert fake.whole > fake.lettering + 0.1


def test_lettering_too_small_to_compare_is_none() -> None:
    reference, _ = crest("VELMORA")
    looks = appearance(grey_copy(reference), reference.width, [((0, 0), (2, 0), (2, 2), (0, 2))])
    assert looks.letters is None


LIMITS = VisionThresholds(
    logo_min_inliers=10,
    logo_min_agreement=0.5,
    lettered_min_inliers=5,
    lettered_min_agreement=0.4,
    lettering_min_agreement=0.65,
    lettering_veto=0.45,
)


@pytest.mark.parametrize(
    ("inliers", "looks", "holds"),
    [
        (10, None, True),  # no grey copy: the inliers alone
        (9, None, False),
        (10, Agreement(0.5, None), True),  # no lettering: the plain bars
        (10, Agreement(0.49, None), False),
        (9, Agreement(0.9, None), False),
        (5, Agreement(0.4, 0.65), True),  # lettering agrees: lower bars
        (4, Agreement(0.9, 0.9), False),
        (5, Agreement(0.39, 0.9), False),
        (40, Agreement(0.9, 0.44), False),  # lettering disagrees: vetoed
        (10, Agreement(0.5, 0.45), True),  # between veto and agreement: the plain bars
        (9, Agreement(0.9, 0.6), False),
        (10, Agreement(0.49, 0.6), False),
    ],
)
def test_a_located_logo_holds_by_its_agreement_and_lettering(
    inliers: int, looks: Agreement | None, holds: bool
) -> None:
    assert logo_holds(inliers, looks, LIMITS) is holds


def test_the_rules_refuse_a_veto_above_the_lettering_bar(rules: Rules) -> None:
    spec = rules.vision.model_dump() | {"lettering_veto": 0.7}
    with pytest.raises(ValidationError, match="lettering_veto must not exceed"):
        VisionSpec(**spec)
