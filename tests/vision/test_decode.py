"""Bad pictures: each has a clear outcome, and none stops a fingerprinting batch."""

from __future__ import annotations

import io
import struct
import zlib

import numpy as np
import pytest
from PIL import Image

from hallmark.errors import ImageRejected
from hallmark.vision.decode import decode
from hallmark.vision.fingerprint import Fingerprint, Refused, fingerprint_images
from tests.vision.conftest import LIMITS, picture


def encoded(image: Image.Image, fmt: str, **options: object) -> bytes:
    out = io.BytesIO()
    image.save(out, fmt, **options)
    return out.getvalue()


def png_bomb(side: int = 100_000) -> bytes:
    """A PNG whose header claims side x side pixels; the data is a few bytes."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    header = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0" * 1000))
        + chunk(b"IEND", b"")
    )


def decoded(data: bytes) -> Image.Image:
    return decode(data, max_bytes=LIMITS.max_bytes, max_pixels=LIMITS.max_pixels)


def test_truncated_jpeg_is_refused_as_truncated() -> None:
    with pytest.raises(ImageRejected, match="truncated"):
        decoded(picture("official.jpg")[:6000])


@pytest.mark.parametrize(
    ("side", "reason"),
    [
        (7_000, "7000x7000 = 49,000,000 pixels exceeds the limit of 40,000,000"),
        (100_000, "decompression bomb refused: Image size \\(10000000000 pixels\\)"),
    ],
)
def test_png_bomb_is_refused_before_decoding(side: int, reason: str) -> None:
    with pytest.raises(ImageRejected, match=reason):
        decoded(png_bomb(side))


def test_one_pixel_is_refused_as_too_small() -> None:
    with pytest.raises(ImageRejected, match="1x1 is too small to fingerprint"):
        decoded(encoded(Image.new("RGB", (1, 1), "red"), "PNG"))


def test_svg_is_refused_not_rendered() -> None:
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><rect/></svg>'
    with pytest.raises(ImageRejected, match="not a readable image"):
        decoded(svg)


def test_cmyk_jpeg_becomes_rgb_with_its_colours() -> None:
    cmyk = Image.new("CMYK", (64, 48), (0, 255, 255, 0))  # pure red in CMYK
    image = decoded(encoded(cmyk, "JPEG", quality=95))
    assert image.mode == "RGB" and image.size == (64, 48)
    red, green, blue = np.asarray(image).reshape(-1, 3).mean(axis=0)
    assert red > 200 and green < 60 and blue < 60


def test_sixteen_bit_png_is_scaled_not_clipped() -> None:
    ramp = (np.linspace(0, 65535, 128 * 64).reshape(64, 128)).astype(np.uint16)
    source = Image.fromarray(ramp)
    assert source.mode == "I;16"
    image = decoded(encoded(source, "PNG"))
    pixels = np.asarray(image)[:, :, 0]
    assert pixels.min() == 0 and pixels.max() == 255
    assert 120 < pixels.mean() < 135


@pytest.mark.parametrize("fmt", ["GIF", "WEBP"])
def test_animated_pictures_use_their_first_frame(fmt: str) -> None:
    frames = [Image.new("RGB", (80, 60), colour) for colour in ("blue", "yellow", "green")]
    data = encoded(frames[0], fmt, save_all=True, append_images=frames[1:], duration=100, loop=0)
    assert Image.open(io.BytesIO(data)).n_frames == 3
    pixels = np.asarray(decoded(data)).reshape(-1, 3).mean(axis=0)
    assert pixels[2] > 200 and pixels[0] < 40  # blue, the first frame


def test_exif_rotated_photo_is_turned_upright() -> None:
    wide = Image.new("RGB", (120, 60), "white")
    wide.paste(Image.new("RGB", (60, 60), "black"), (0, 0))  # black on the left
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90 CW to display"
    image = decoded(encoded(wide, "JPEG", exif=exif, quality=95))
    assert image.size == (60, 120)
    top = np.asarray(image)[:60].mean()
    assert top < 60  # the black half is now on top


def test_transparent_logo_lies_on_white() -> None:
    logo = Image.new("RGBA", (40, 40), (0, 0, 0, 0))
    assert np.asarray(decoded(encoded(logo, "PNG"))).min() == 255


def test_large_picture_is_reduced_to_the_working_size() -> None:
    image = decoded(encoded(Image.new("RGB", (3000, 1500), "grey"), "JPEG"))
    assert image.size == (800, 400)


def test_a_batch_with_bad_pictures_fingerprints_the_good_ones(models: object) -> None:
    items = [
        ("good", picture("official.jpg")),
        ("truncated", picture("official.jpg")[:6000]),
        ("bomb", png_bomb()),
        ("dot", encoded(Image.new("RGB", (1, 1)), "PNG")),
        ("also good", picture("innocent.jpg")),
    ]
    results = fingerprint_images(items, LIMITS, ocr=False)
    assert [type(r).__name__ for r in results] == [
        "Fingerprint",
        "Refused",
        "Refused",
        "Refused",
        "Fingerprint",
    ]
    refused = {r.sha256: r.reason for r in results if isinstance(r, Refused)}
    assert refused["dot"] == "1x1 is too small to fingerprint"
    assert all(isinstance(r, Fingerprint) for r in (results[0], results[4]))
