"""Matching pictures against references: copies, logos, text and designs, each verified."""

from __future__ import annotations

import io

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image, ImageDraw, ImageEnhance, ImageFont, ImageOps

from hallmark.detect.design import Design
from hallmark.detect.image_text import ImageText
from hallmark.detect.logo import Logo
from hallmark.detect.stolen_photo import StolenPhoto
from hallmark.score import Rules
from hallmark.testing import make_brand, make_listing, picture_index
from hallmark.vision.fingerprint import content_region
from hallmark.vision.keypoints import Keypoints
from hallmark.vision.match import match_picture
from tests.vision.conftest import picture


def jpeg(image: Image.Image, quality: int = 85) -> bytes:
    out = io.BytesIO()
    image.convert("RGB").save(out, "JPEG", quality=quality)
    return out.getvalue()


def load(name: str) -> Image.Image:
    return Image.open(io.BytesIO(picture(name))).convert("RGB")


def transforms() -> dict[str, Image.Image]:
    photo = load("official.jpg")
    w, h = photo.size
    canvas = Image.new("RGB", (640, 640), "white")
    canvas.paste(photo.resize((w * 55 // 100, h * 55 // 100)), (150, 120))
    ImageDraw.Draw(canvas).rectangle((0, 560, 640, 640), fill=(200, 20, 20))
    tiles = Image.new("RGB", (w, h))
    others = [load("innocent.jpg"), load("plain_pump.jpg"), load("logo_scene.jpg")]
    for i, tile in enumerate([photo, *others]):
        tiles.paste(tile.resize((w // 2, h // 2)), ((i % 2) * w // 2, (i // 2) * h // 2))
    marked = photo.copy()
    ImageDraw.Draw(marked).text((20, 20), "BEST PRICE  www.deals.example", fill="white")
    return {
        "resize50": photo.resize((w // 2, h // 2)),
        "jpeg30": Image.open(io.BytesIO(jpeg(photo, 30))),
        "crop50_offcentre": photo.crop((w // 2 - 40, h // 3, w - 10, h // 3 + h // 2)),
        "mirror": ImageOps.mirror(photo),
        "rotate20": photo.rotate(20, expand=True, fillcolor="white"),
        "greyscale": ImageOps.grayscale(photo),
        "hue": Image.fromarray(np.asarray(photo)[:, :, ::-1]),
        "brightness": ImageEnhance.Brightness(photo).enhance(1.4),
        "watermark": marked,
        "border": ImageOps.expand(photo, border=40, fill=(30, 30, 30)),
        "listing_canvas": canvas,
        "collage_tile": tiles,
    }


@pytest.fixture(scope="module")
def setup(rules: Rules, models: object) -> tuple[object, dict[str, str]]:
    pictures = {name: jpeg(image) for name, image in transforms().items()}
    pictures |= {
        n: picture(n + ".jpg")
        for n in ("innocent", "logo_scene", "text_photo", "design_like", "plain_pump")
    }
    brand = make_brand()
    references = [
        ("Cartier", "photo", "refs/love.jpg", "Love bracelet", picture("official.jpg")),
        ("Cartier", "logo", "refs/logo.png", None, picture("logo.png")),
        ("Cartier", "design", "refs/pump.png", "Stud pump", picture("design.png")),
    ]
    return picture_index([brand], rules, references, pictures)


def found(setup: tuple[object, dict[str, str]], name: str, **fields: object) -> list[object]:
    index, digests = setup
    listing = make_listing("Gold bangle", price="29", images=(digests[name],), **fields)
    return index.image_matches(listing)  # type: ignore[attr-defined, no-any-return]


@pytest.mark.parametrize("name", list(transforms()))
def test_each_transform_of_the_official_photo_is_found_as_a_copy(setup, name: str) -> None:  # type: ignore[no-untyped-def]
    matches = found(setup, name)
    copies = [m for m in matches if m.detector == "stolen_photo"]
    assert [(m.brand, m.reference) for m in copies] == [("Cartier", "refs/love.jpg")], matches


def test_mirrored_copy_names_the_mirror(setup) -> None:  # type: ignore[no-untyped-def]
    [copy] = [m for m in found(setup, "mirror") if m.detector == "stolen_photo"]
    assert copy.mirrored is True


@pytest.mark.parametrize("name", ["innocent", "text_photo", "logo_scene"])
def test_other_photos_are_not_copies(setup, name: str) -> None:  # type: ignore[no-untyped-def]
    assert [m for m in found(setup, name) if m.detector == "stolen_photo"] == []


def test_logo_is_located_where_it_was_placed(setup) -> None:  # type: ignore[no-untyped-def]
    [logo] = [m for m in found(setup, "logo_scene") if m.detector == "logo"]
    assert logo.reference == "refs/logo.png" and logo.inliers >= 12
    xs = [p[0] for p in logo.region]
    ys = [p[1] for p in logo.region]
    # the emblem was pasted at (40, 40), 120 px wide, rotated 15 degrees
    assert 20 < min(xs) < 70 and 150 < max(xs) < 200
    assert 15 < min(ys) < 70 and 140 < max(ys) < 200


def test_no_logo_in_photos_without_it(setup) -> None:  # type: ignore[no-untyped-def]
    for name in ("innocent", "text_photo", "design_like", "mirror"):
        assert [m for m in found(setup, name) if m.detector == "logo"] == [], name


def test_text_in_the_photo_is_read_and_matched_as_the_mark(setup) -> None:  # type: ignore[no-untyped-def]
    [text] = [m for m in found(setup, "text_photo") if m.detector == "image_text"]
    assert (text.brand, text.text, text.mark_kind) == ("Cartier", "CARTIER", "exact")
    assert text.region is not None


def test_design_resemblance_without_a_copy(setup) -> None:  # type: ignore[no-untyped-def]
    matches = found(setup, "design_like")
    assert [(m.detector, m.reference) for m in matches] == [("design", "refs/pump.png")]
    assert matches[0].similarity >= 0.7


def test_detectors_turn_matches_into_signals(setup, rules: Rules) -> None:  # type: ignore[no-untyped-def]
    index, digests = setup
    listings = [
        make_listing("Gold bangle", external_id="S", price="29", images=(digests["mirror"],)),
        make_listing(
            "Gold bangle", external_id="A", account="A1OFFICIAL", images=(digests["mirror"],)
        ),
        make_listing(
            "Rocket", external_id="L", images=(digests["innocent"], digests["logo_scene"])
        ),
        make_listing("Cat", external_id="T", images=(digests["text_photo"],)),
        make_listing("Figure", external_id="D", images=(digests["design_like"],)),
    ]
    got = [
        (s.detector, s.kind, s.listing_key[1], s.explanation)
        for detector in (StolenPhoto(), Logo(), ImageText(), Design())
        for s in detector.detect(listings, index)
    ]
    kinds = [(d, k, key) for d, k, key, _ in got]
    assert kinds == [
        ("stolen_photo", "copy", "S"),
        ("stolen_photo", "authorized_use", "A"),
        ("logo", "found", "L"),
        ("image_text", "mark", "T"),
        ("design", "similar", "D"),
    ]
    texts = {key: text for _, _, key, text in got}
    assert texts["S"].startswith(
        "The first photo is the official photo of Cartier Love bracelet (refs/love.jpg), mirrored ("
    )
    assert texts["A"].endswith("used by an authorized amazon seller of Cartier.")
    assert texts["L"].startswith("The Cartier logo (refs/logo.png) appears in the second photo")
    assert texts["T"] == (
        "The first photo shows the words 'CARTIER' (read by OCR; exact match of the Cartier mark)."
    )
    assert "the design right supports a notice" in texts["D"]


def test_content_region_finds_a_photo_on_a_canvas() -> None:
    canvas = transforms()["listing_canvas"]
    region = content_region(canvas)
    assert region is not None
    assert abs(region.width - 264) <= 12 and abs(region.height - 176) <= 12
    assert content_region(load("official.jpg")) is None


@given(
    n=st.integers(0, 40),
    width=st.integers(1, 5000),
    height=st.integers(1, 5000),
    seed=st.integers(0, 2**32 - 1),
)
def test_keypoints_survive_storage(n: int, width: int, height: int, seed: int) -> None:
    rng = np.random.default_rng(seed)
    xy = rng.uniform(0, 5000, size=(n, 2)).astype(np.float32)
    desc = rng.integers(0, 256, size=(n, 128)).astype(np.uint8)
    back = Keypoints.from_bytes(Keypoints(xy, desc, width, height).to_bytes())
    assert (back.width, back.height, len(back)) == (width, height, n)
    assert np.array_equal(back.xy, xy) and np.array_equal(back.descriptors, desc)


def test_same_shoe_without_the_studs_is_not_the_design(setup) -> None:  # type: ignore[no-untyped-def]
    assert found(setup, "plain_pump") == []


def crest(word: str) -> Image.Image:
    """A ringed badge with a star and `word` across it: the brand's, or a look-alike's."""
    image = Image.new("RGB", (420, 300), "white")
    draw = ImageDraw.Draw(image)
    draw.ellipse((10, 10, 410, 290), outline="navy", width=12)
    draw.ellipse((40, 40, 380, 260), outline="navy", width=4)
    draw.regular_polygon((210, 85, 30), 5, fill="navy")
    font = ImageFont.load_default(size=44)
    draw.text((210, 170), word, font=font, fill="navy", anchor="mm")
    return image


@pytest.fixture(scope="module")
def crests(rules: Rules, models: object) -> tuple[object, dict[str, str]]:
    scenes = {}
    for word in ("VELMORA", "OSTRELLE"):
        scene = load("innocent.jpg")
        mark = crest(word).resize((252, 180)).rotate(12, expand=True, fillcolor="white")
        scene.paste(mark, (60, 50))
        scenes[word] = jpeg(scene, 90)
    logo = io.BytesIO()
    crest("VELMORA").save(logo, "PNG")
    brand = make_brand("Velmora", ("VELMORA",), product="Vis bangle")
    references = [("Velmora", "logo", "refs/crest.png", None, logo.getvalue())]
    return picture_index([brand], rules, references, scenes)


def test_the_crest_is_located_and_its_lettering_agrees(crests) -> None:  # type: ignore[no-untyped-def]
    index, digests = crests
    vision = index.vision
    fp = vision.fingerprints[digests["VELMORA"]]
    [logo] = match_picture(fp, 0, vision.references, vision.thresholds)
    assert (logo.detector, logo.reference) == ("logo", "refs/crest.png")
    assert logo.lettering is not None and logo.lettering >= 0.65
    # the word is read as well, so the listing counts one sighting, as text
    assert [(m.detector, m.text) for m in found(crests, "VELMORA")] == [("image_text", "VELMORA")]


def test_a_look_alike_crest_on_the_same_template_is_not_the_brand(crests) -> None:  # type: ignore[no-untyped-def]
    assert found(crests, "OSTRELLE") == []
