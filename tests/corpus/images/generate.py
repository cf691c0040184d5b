#!/usr/bin/env python3
"""Generate Hallmark's labelled IMAGE corpus (deterministic, seeded).

Run ``python tests/corpus/images/generate.py`` (or ``--out DIR`` to write elsewhere).
It rewrites ``brands/``, ``refs/``, ``images/``, ``labels.jsonl``, ``dev.jsonl``,
``holdout.jsonl`` and ``README.md`` beside this file, byte for byte identically on every
run: one ``random.Random(20261124)`` drives every choice and one
``numpy.random.default_rng(20261124)`` every noise array, both consumed in a fixed order.

Requirements (generation time only; CI never runs this, ``check.py`` validates the output):
    Python 3.11, numpy==2.4.6, pillow==13.0.0, scikit-image==0.26.0, scikit-learn==1.9.1,
    pyyaml, wordfreq==3.1.1;
    Debian ``fonts-dejavu-core`` 2.37-6 (``/usr/share/fonts/truetype/dejavu``);
    Debian ``lomiri-wallpapers-16.04`` 20.04.0-2: ``apt-get download`` + ``dpkg -x`` (no
    install; this script does both into $HALLMARK_WALLPAPERS, default /tmp/hallmark-wallpapers,
    when the photos are not there yet). Every source photo is checked against its sha256.
Other versions of Pillow or numpy may encode different bytes; the image contents and the
labels stay the same.

Sources (licences checked; see README.md):
- scikit-image 0.26.0 ``skimage.data`` photos (public domain / CC0 / "no known copyright
  restrictions", as stated in each function's docstring);
- scikit-learn 1.9.1 ``load_sample_images()`` (china.jpg, flower.jpg; CC-BY-2.0, see
  sklearn/datasets/images/README.txt);
- Debian lomiri-wallpapers-16.04 photos licensed CC-BY-4.0 or CC0-1.0 (per its copyright file;
  the CC-BY-SA ones are not used);
- DejaVu fonts (Bitstream Vera licence / public domain).
Logos, product designs, packaging, plates and text are drawn here procedurally.
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import io
import json
import math
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image, ImageDraw, ImageEnhance, ImageFilter, ImageFont, ImageOps

SEED = 20261124
HERE = Path(__file__).resolve().parent
DEV_SHARE = 0.60
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
WALLPAPER_PKG = "lomiri-wallpapers-16.04"
SP_SIZE = 448  # long side of official photos (refs)
SP_QUERY = 360  # long side of stolen-photo queries (marketplace-size copies)
SCENE = (512, 288)  # logo / text scenes (16:9)
DESIGN_SIZE = 400
QUERY_Q = 88

R = random.Random(SEED)
NP = np.random.default_rng(SEED)

# ---------------------------------------------------------------------------------------
# Real photographs
# ---------------------------------------------------------------------------------------
# (name, loader, licence, note)
SKIMAGE = [
    ("astronaut", "public domain (NASA Great Images; docstring: no known copyright restrictions)"),
    ("coffee", "CC0 (Rachel Michetti; courtesy of Pikolo Espresso Bar)"),
    ("chelsea", "CC0 (Stefan van der Walt)"),
    ("rocket", "public domain (SpaceX)"),
    ("hubble_deep_field", "public domain (NASA)"),
    ("immunohistochemistry", "no known copyright restrictions (CMMI)"),
    ("retina", "CC0 1.0 (Wikimedia Commons: Fundus_photograph_of_normal_left_eye.jpg)"),
    ("camera", "CC0 (Lav Varshney)"),
    ("coins", "no known copyright restrictions (Brooklyn Museum)"),
    ("brick", "CC0 (CC0Textures Bricks25)"),
    ("grass", "CC0 (CC0Textures)"),
    ("gravel", "CC0 (CC0Textures Gravel04)"),
]
SKLEARN = [
    ("china.jpg", "CC-BY-2.0, danielbuechele (Flickr), via scikit-learn"),
    ("flower.jpg", "CC-BY-2.0, vultilion (Flickr), via scikit-learn"),
]
# file -> (sha256 of the file in lomiri-wallpapers-16.04 20.04.0-2, licence from its copyright file)
WALLPAPERS = {
    "aitzgorri_by_Aitzol_Berasategi.jpg": (
        "66268e7b48f8854d36a28765fac6e23ec1aee251daa6da1f64715f201020ad36",
        "CC-BY-4.0, Aitzol Berasategi 2018",
    ),
    "friends_by_Aitzol_Berasategi.jpg": (
        "cc40e313c74e421edffe3403def413c16878ce14661cce7ec5915baeab35538d",
        "CC-BY-4.0, Aitzol Berasategi 2018",
    ),
    "life_by_Aitzol_Berasategi.jpg": (
        "4c119350ead80201fe256850c3d316309ddfb4bdf10b235ce982dcde0c667c05",
        "CC-BY-4.0, Aitzol Berasategi 2018",
    ),
    "picosdeeuropa_by_Aitzol_Berasategi.jpg": (
        "414d0072b2f6f2c555deafeaef6e45c4fed6fa9ad26eba6560ca8803959cf97a",
        "CC-BY-4.0, Aitzol Berasategi 2018",
    ),
    "sunset_by_Aitzol_Berasategi.jpg": (
        "474dab6a4b9f94dc76c29dfe30e9f5db4af0fd2e33fe5d695f8152b371efca18",
        "CC-BY-4.0, Aitzol Berasategi 2018",
    ),
    "Picture_0B_by_freespace.jpg": (
        "c8c0ab18e48d9e0419fe42881112137f3afafc27dfddc29ec3a6d54c56d225ad",
        'CC-BY-4.0, Trevor "Freespace" 2018',
    ),
    "Picture_1A_by_freespace.jpg": (
        "89e86af38d04daaef975665dc2127e9fa76f0fd68f4eea105a2d0ae3390b010b",
        'CC-BY-4.0, Trevor "Freespace" 2018',
    ),
    "seeding_by_Clements_Engelhardt.jpg": (
        "a5634d1ab5e41a3568e92d4a894a500c92b891f9ff734e50bd224d6e185a605f",
        "CC0-1.0, Clemens Engelhardt 2018",
    ),
    "Wine_by_Jakkub_Mede.jpg": (
        "d2e96e6d4da40dd804b3d0ce295e94de04a2d7d9b6785d42cd9d92ba58bced74",
        "CC-BY-4.0, Jakub Mede 2018",
    ),
}


def _wallpaper_dir() -> Path:
    base = Path(os.environ.get("HALLMARK_WALLPAPERS", "/tmp/hallmark-wallpapers"))
    photos = base / "usr/share/backgrounds"
    if all((photos / f).is_file() for f in WALLPAPERS):
        return photos
    base.mkdir(parents=True, exist_ok=True)
    subprocess.run(["apt-get", "download", WALLPAPER_PKG], cwd=base, check=True)
    deb = sorted(base.glob(f"{WALLPAPER_PKG}_*_all.deb"))[-1]
    subprocess.run(["dpkg", "-x", str(deb), str(base)], check=True)
    return photos


def _fit(im: Image.Image, long_side: int) -> Image.Image:
    w, h = im.size
    s = long_side / max(w, h)
    if s >= 1:
        return im
    return im.resize((max(1, round(w * s)), max(1, round(h * s))), Image.LANCZOS)


def load_sources() -> dict[str, dict[str, Any]]:
    """name -> {img (RGB, long side <= 1024), licence, origin}"""
    import skimage
    import skimage.data
    import sklearn
    from sklearn.datasets import load_sample_images

    assert skimage.__version__ == "0.26.0", skimage.__version__
    out: dict[str, dict[str, Any]] = {}
    for name, lic in SKIMAGE:
        arr = getattr(skimage.data, name)()
        if arr.ndim == 2:
            arr = np.stack([arr] * 3, -1)
        out[name] = {
            "img": _fit(Image.fromarray(arr[:, :, :3]), 1024),
            "licence": lic,
            "origin": f"skimage.data.{name}() (scikit-image {skimage.__version__})",
        }
    imgs = load_sample_images()
    for (fname, lic), arr in zip(SKLEARN, imgs.images):
        out[fname.split(".")[0]] = {
            "img": Image.fromarray(arr),
            "licence": lic,
            "origin": f"sklearn.datasets.load_sample_images() {fname} (scikit-learn {sklearn.__version__})",
        }
    folder = _wallpaper_dir()
    for fname, (_, lic) in WALLPAPERS.items():
        data = (folder / fname).read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        want = WALLPAPERS[fname][0]
        if want != digest:
            sys.exit(f"{fname}: sha256 {digest} differs from the expected {want}")
        im = Image.open(io.BytesIO(data))
        im.draft("RGB", (1024, 1024))
        im = _fit(im.convert("RGB"), 1024)
        short = fname.split("_by_")[0].lower()
        out[short] = {
            "img": im,
            "licence": lic,
            "origin": f"Debian {WALLPAPER_PKG} /usr/share/backgrounds/{fname}",
        }
    return out


def halves(im: Image.Image) -> list[tuple[int, int, int, int]]:
    """Two non-overlapping regions (a 4 % gutter between them) along the long side."""
    w, h = im.size
    if w >= h:
        g = round(w * 0.02)
        return [(0, 0, w // 2 - g, h), (w // 2 + g, 0, w, h)]
    g = round(h * 0.02)
    return [(0, 0, w, h // 2 - g), (0, h // 2 + g, w, h)]


# ---------------------------------------------------------------------------------------
# Brands (all invented; none is a word in wordfreq en/fr/es/it/de)
# ---------------------------------------------------------------------------------------
BRANDS: list[dict[str, Any]] = [
    {
        "name": "Velmora",
        "mark": "VELMORA",
        "letters": "VM",
        "logos": ["emblem", "wordmark", "monogram"],
        "registration": "EUIPO 019204417",
        "n": 1,
        "products": [
            {
                "name": "Vis bangle",
                "category": "bracelet",
                "keywords": ["screw bangle", "screw bracelet"],
                "list_price": {"USD": 5900, "EUR": 5400},
                "price_floor": {"USD": 1800},
                "design": "screw_bangle",
                "title": "Women's stainless screw bangle bracelet",
            },
            {
                "name": "Linea necklace",
                "category": "necklace",
                "keywords": ["linea pendant"],
                "list_price": {"USD": 2300, "EUR": 2100},
                "price_floor": {"USD": 700},
                "title": "Gold plated pendant necklace for women",
            },
        ],
    },
    {
        "name": "Corvesse",
        "mark": "CORVESSE",
        "letters": "CV",
        "logos": ["wordmark", "monogram"],
        "registration": "US 7204188",
        "n": 2,
        "products": [
            {
                "name": "Spike pump",
                "category": "shoes",
                "keywords": ["studded pump", "spike heels"],
                "list_price": {"USD": 995, "EUR": 925},
                "price_floor": {"USD": 350},
                "design": "studded_pump",
                "title": "Women's pointed toe studded high heel pumps",
            },
            {
                "name": "Riva loafer",
                "category": "shoes",
                "keywords": ["riva moccasin"],
                "list_price": {"USD": 790, "EUR": 740},
                "price_floor": {"USD": 280},
                "title": "Leather loafers women slip on",
            },
        ],
    },
    {
        "name": "Tarvique",
        "mark": "TARVIQUE",
        "letters": "TQ",
        "logos": ["emblem", "wordmark"],
        "registration": "EUIPO 018877302",
        "n": 3,
        "products": [
            {
                "name": "Losange bag",
                "category": "handbag",
                "keywords": ["quilted losange"],
                "list_price": {"USD": 4200, "EUR": 3900},
                "price_floor": {"USD": 1400},
                "title": "Quilted leather shoulder bag with chain",
            },
            {
                "name": "Mira tote",
                "category": "handbag",
                "keywords": ["mira shopper"],
                "list_price": {"USD": 2600, "EUR": 2400},
                "price_floor": {"USD": 900},
                "title": "Large canvas tote bag women",
            },
        ],
    },
    {
        "name": "Oszeni",
        "mark": "OSZENI",
        "letters": "OZ",
        "logos": ["emblem", "monogram"],
        "registration": "CH 781044",
        "n": 4,
        "products": [
            {
                "name": "Orbit chronograph",
                "category": "watch",
                "keywords": ["orbit chrono"],
                "list_price": {"USD": 8900, "EUR": 8200},
                "price_floor": {"USD": 3000},
                "title": "Men's automatic chronograph watch steel",
            },
        ],
    },
    {
        "name": "Brevault",
        "mark": "BREVAULT",
        "letters": "BV",
        "logos": ["emblem", "wordmark"],
        "registration": "FR 4512876",
        "n": 5,
        "products": [
            {
                "name": "Nocturne eau de parfum",
                "category": "perfume",
                "keywords": ["nocturne edp"],
                "list_price": {"USD": 240, "EUR": 220},
                "price_floor": {"USD": 90},
                "title": "Eau de parfum 100 ml for women",
            },
            {
                "name": "Voyage trunk",
                "category": "luggage",
                "keywords": ["voyage suitcase"],
                "list_price": {"USD": 3800, "EUR": 3500},
                "price_floor": {"USD": 1200},
                "title": "Hard shell cabin suitcase 55 cm",
            },
        ],
    },
]
# Invented names for look-alike logos that belong to no brand (near misses).
DECOY_NAMES = [("HALVENNE", "HN"), ("MIRVELTA", "MT"), ("OSTRELLE", "OT"), ("VARNESQUE", "VQ")]
# Real words one or two letters away from a mark (checked with wordfreq at generation).
NEAR_WORDS = {
    "VELMORA": ["VALORA", "REMORA", "DEMORA"],
    "CORVESSE": ["CORVETTE", "CARESSE", "COMTESSE"],
    "TARVIQUE": ["TACTIQUE", "TABIQUE", "BARRIQUE"],
    "OSZENI": ["OSCENI", "OSCENE", "OSTEN"],
    "BREVAULT": ["ORVAULT", "BRAULT"],
}
OTHER_WORDS = [
    "GARDEN",
    "MORNING",
    "HOLIDAY",
    "NATURAL",
    "COFFEE",
    "HARBOUR",
    "MEADOW",
    "SUMMER",
    "CLASSIC",
    "WEEKEND",
    "STUDIO",
    "CANYON",
    "FOREST",
    "SILVER",
    "VINTAGE",
    "MARKET",
]
SECOND_WORDS = [
    "sale",
    "new in",
    "free shipping",
    "2026",
    "limited",
    "best price",
    "original",
    "gift",
]
GENERIC_TITLES = {
    "bracelet": [
        "Women's stainless bracelet",
        "Gold tone bangle cuff",
        "Fashion bangle bracelet set",
    ],
    "necklace": ["Pendant necklace gold plated", "Women's chain necklace"],
    "shoes": ["Women's pointed toe pumps", "High heel court shoes", "Leather loafers for women"],
    "handbag": ["Women's leather shoulder bag", "Quilted crossbody bag", "Large tote handbag"],
    "watch": ["Men's stainless steel watch", "Automatic chronograph wristwatch"],
    "perfume": ["Eau de parfum spray 100 ml", "Women's fragrance gift set"],
    "luggage": ["Hard shell suitcase", "Cabin trolley case 55 cm"],
    "other": [
        "Canvas wall art print",
        "Phone case with stand",
        "Ceramic coffee mug",
        "Garden decoration",
        "Kids puzzle 500 pieces",
        "Poster landscape photo",
        "Scented candle set",
        "Desk organiser",
    ],
}
PLATFORMS = ["amazon", "ebay", "etsy", "aliexpress", "webstore"]


def slug(s: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in s.lower()).strip("-")


# ---------------------------------------------------------------------------------------
# Drawing helpers
# ---------------------------------------------------------------------------------------
_FONTS: dict[tuple[str, int], ImageFont.FreeTypeFont] = {}


def font(name: str, size: int) -> ImageFont.FreeTypeFont:
    key = (name, size)
    if key not in _FONTS:
        _FONTS[key] = ImageFont.truetype(str(FONT_DIR / f"{name}.ttf"), size)
    return _FONTS[key]


TEXT_FONTS = [
    "DejaVuSans-Bold",
    "DejaVuSerif-Bold",
    "DejaVuSansCondensed-Bold",
    "DejaVuSerif",
    "DejaVuSans",
    "DejaVuSerifCondensed-Bold",
]


def cap_ratio(name: str) -> float:
    f = font(name, 200)
    b = f.getbbox("H")
    return (b[3] - b[1]) / 200


def font_for_cap(name: str, cap: float) -> ImageFont.FreeTypeFont:
    return font(name, max(6, round(cap / cap_ratio(name))))


def solve8(a: list[list[float]], b: list[float]) -> list[float]:
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        for r in range(n):
            if r != c:
                f = m[r][c] / m[c][c]
                for k in range(c, n + 1):
                    m[r][k] -= f * m[c][k]
    return [m[i][n] / m[i][i] for i in range(n)]


def homography(src, dst) -> list[float]:
    a, b = [], []
    for (x, y), (u, v) in zip(src, dst):
        a.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        b.append(u)
        a.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        b.append(v)
    return solve8(a, b)


def apply_h(h, pts):
    out = []
    for x, y in pts:
        d = h[6] * x + h[7] * y + 1
        out.append(((h[0] * x + h[1] * y + h[2]) / d, (h[3] * x + h[4] * y + h[5]) / d))
    return out


def warp_onto(scene: Image.Image, patch: Image.Image, quad) -> list[float]:
    """Perspective-warp RGBA patch so that its corners land on quad; returns the homography."""
    w, h = patch.size
    corners = [(0, 0), (w, 0), (w, h), (0, h)]
    inv = homography(quad, corners)
    layer = patch.transform(scene.size, Image.PERSPECTIVE, inv, Image.BICUBIC)
    scene.alpha_composite(layer)
    return homography(corners, quad)


def make_quad(rng: random.Random, size, w, h, angle, persp, margin=4):
    """Corners of a w x h rectangle, perspective-jittered, rotated by angle, placed inside size."""
    W, H = size
    base = [(-w / 2, -h / 2), (w / 2, -h / 2), (w / 2, h / 2), (-w / 2, h / 2)]
    # mild perspective: one side shorter than the other, plus a little jitter
    k = rng.uniform(-persp, persp)
    pts = []
    for i, (x, y) in enumerate(base):
        sy = 1 - k * (1 if x > 0 else -1) / 2
        pts.append(
            (
                x + rng.uniform(-persp, persp) * w * 0.3,
                y * sy + rng.uniform(-persp, persp) * h * 0.3,
            )
        )
    a = math.radians(angle)
    ca, sa = math.cos(a), math.sin(a)
    pts = [(x * ca + y * sa, -x * sa + y * ca) for x, y in pts]
    xs = [p[0] for p in pts]
    ys = [p[1] for p in pts]
    lo_x, hi_x = margin - min(xs), W - margin - max(xs)
    lo_y, hi_y = margin - min(ys), H - margin - max(ys)
    if lo_x > hi_x or lo_y > hi_y:
        return None
    cx, cy = rng.uniform(lo_x, hi_x), rng.uniform(lo_y, hi_y)
    return [(x + cx, y + cy) for x, y in pts]


def poly_mask(size, pts) -> np.ndarray:
    m = Image.new("L", size, 0)
    ImageDraw.Draw(m).polygon([(round(x, 2), round(y, 2)) for x, y in pts], fill=255)
    return np.asarray(m) > 127


def to_jpeg(im: Image.Image, q: int) -> bytes:
    buf = io.BytesIO()
    im.convert("RGB").save(buf, "JPEG", quality=q, optimize=True, progressive=True)
    return buf.getvalue()


def to_png(im: Image.Image) -> bytes:
    buf = io.BytesIO()
    im.save(buf, "PNG", optimize=True)
    return buf.getvalue()


def gradient(size, c1, c2, vertical=True) -> Image.Image:
    w, h = size
    t = np.linspace(0, 1, h if vertical else w, dtype=np.float32)
    t = t[:, None, None] if vertical else t[None, :, None]
    arr = np.array(c1, np.float32) * (1 - t) + np.array(c2, np.float32) * t
    arr = np.broadcast_to(arr, (h, w, 3))
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))


def metal(size, tone) -> np.ndarray:
    """Brushed-metal texture, float HxWx3."""
    w, h = size
    streak = NP.normal(0, 1, (h, max(2, w // 24))).astype(np.float32)
    s = Image.fromarray(((streak * 40 + 128).clip(0, 255)).astype(np.uint8)).resize(
        (w, h), Image.BILINEAR
    )
    fine = NP.normal(0, 1, (h, w)).astype(np.float32)
    base = np.array(tone, np.float32)[None, None, :]
    light = np.linspace(1.12, 0.82, w, dtype=np.float32)[None, :, None]
    arr = base * light + (np.asarray(s, np.float32)[:, :, None] - 128) * 0.22 + fine[:, :, None] * 3
    return arr


def emboss(base: np.ndarray, mask: np.ndarray, engraved: bool, strength=1.0) -> np.ndarray:
    """Relief shading of mask (float 0..1) onto base (float HxWx3)."""
    m = Image.fromarray((mask * 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(1.6))
    hgt = np.asarray(m, np.float32) / 255
    gy, gx = np.gradient(hgt)
    shade = -(gx + gy) * (1 if engraved else -1) * 170 * strength
    inside = np.asarray(m, np.float32)[:, :, None] / 255
    out = base * (1 - inside * (0.22 if engraved else -0.06)) + shade[:, :, None]
    return np.clip(out, 0, 255)


def plate(size, tone, radius=14) -> tuple[np.ndarray, Image.Image]:
    arr = metal(size, tone)
    m = Image.new("L", size, 0)
    ImageDraw.Draw(m).rounded_rectangle((0, 0, size[0] - 1, size[1] - 1), radius, fill=255)
    return arr, m


def star(cx, cy, r1, r2, n=5, rot=-90):
    pts = []
    for i in range(2 * n):
        r = r1 if i % 2 == 0 else r2
        a = math.radians(rot + i * 180 / n)
        pts.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    return pts


def crop_alpha(im: Image.Image, pad=6) -> Image.Image:
    bb = im.getchannel("A").getbbox()
    im = im.crop(bb)
    out = Image.new("RGBA", (im.width + 2 * pad, im.height + 2 * pad), (0, 0, 0, 0))
    out.alpha_composite(im, (pad, pad))
    return out


def fit_width(im: Image.Image, w: int) -> Image.Image:
    return im.resize((w, max(1, round(im.height * w / im.width))), Image.LANCZOS)


# ---------------------------------------------------------------------------------------
# Logos (procedural). Drawn at 2x and reduced for anti-aliasing.
# ---------------------------------------------------------------------------------------
PALETTES = [
    ((22, 40, 84), (58, 92, 160), (212, 175, 55)),
    ((96, 16, 32), (170, 44, 60), (230, 200, 120)),
    ((16, 64, 48), (40, 128, 96), (236, 220, 170)),
    ((40, 30, 20), (120, 84, 52), (240, 210, 150)),
    ((30, 30, 30), (90, 90, 96), (200, 200, 210)),
    ((60, 20, 90), (120, 70, 170), (250, 215, 120)),
]


def draw_emblem(name: str, letter: str, rng: random.Random, pal) -> Image.Image:
    S = 2
    W, H = 440 * S, 520 * S
    im = Image.new("RGBA", (W, H), (0, 0, 0, 0))
    dark, mid, gold = pal
    top = 90 * S

    # shield outline
    def shield(inset):
        l, r, t = (40 + inset) * S, (400 - inset) * S, top + inset * S
        pts = [
            (l + 30 * S, t),
            ((l + r) / 2 - 20 * S, t),
            ((l + r) / 2, t - 14 * S),
            ((l + r) / 2 + 20 * S, t),
            (r - 30 * S, t),
            (r, t + 26 * S),
            (r, t + 200 * S),
        ]
        bot = (220 * S, (470 - inset * 1.3) * S)
        for i in range(1, 12):
            u = i / 12
            x = (1 - u) ** 2 * r + 2 * (1 - u) * u * r + u * u * bot[0]
            y = (1 - u) ** 2 * (t + 200 * S) + 2 * (1 - u) * u * (t + 330 * S) + u * u * bot[1]
            pts.append((x, y))
        pts.append(bot)
        for i in range(11, 0, -1):
            u = i / 12
            x = (1 - u) ** 2 * l + 2 * (1 - u) * u * l + u * u * bot[0]
            y = (1 - u) ** 2 * (t + 200 * S) + 2 * (1 - u) * u * (t + 330 * S) + u * u * bot[1]
            pts.append((x, y))
        pts += [(l, t + 200 * S), (l, t + 26 * S)]
        return pts

    outer = shield(0)
    mask = Image.new("L", (W, H), 0)
    ImageDraw.Draw(mask).polygon(outer, fill=255)
    grad = gradient((W, H), mid, dark).convert("RGBA")
    im.paste(grad, (0, 0), mask)
    d = ImageDraw.Draw(im)
    # quartering with hatching in one quarter and a chevron
    cx = 220 * S
    hatch = Image.new("RGBA", (W, H), (0, 0, 0, 0))
    hd = ImageDraw.Draw(hatch)
    step = rng.choice([12, 14, 16]) * S
    direction = rng.choice([1, -1])
    for k in range(-H, W + H, step):
        hd.line([(k, 0), (k + direction * H, H)], fill=gold + (150,), width=2 * S)
    qmask = Image.new("L", (W, H), 0)
    qd = ImageDraw.Draw(qmask)
    qd.polygon(shield(8), fill=255)
    qm2 = Image.new("L", (W, H), 0)
    quarter = rng.choice([0, 1])
    x0 = 40 * S if quarter == 0 else cx
    ImageDraw.Draw(qm2).rectangle((x0, top, x0 + 180 * S, top + 170 * S), fill=255)
    qmask = Image.fromarray(np.minimum(np.asarray(qmask), np.asarray(qm2)))
    im.paste(
        hatch,
        (0, 0),
        Image.fromarray(np.minimum(np.asarray(qmask), np.asarray(hatch.getchannel("A")))),
    )
    d.line([(40 * S, top + 170 * S), (400 * S, top + 170 * S)], fill=gold, width=4 * S)
    d.line([(cx, top), (cx, top + 170 * S)], fill=gold, width=4 * S)
    d.line(
        [(60 * S, top + 300 * S), (cx, top + 215 * S), (380 * S, top + 300 * S)],
        fill=gold,
        width=9 * S,
    )
    # stars / dots in the plain quarter
    sx = cx + 90 * S if quarter == 0 else 130 * S
    nst = rng.choice([1, 3])
    if nst == 1:
        d.polygon(star(sx, top + 85 * S, 52 * S, 22 * S, rng.choice([5, 6, 8])), fill=gold)
    else:
        for j, (ox, oy) in enumerate([(-40, -35), (40, -35), (0, 35)]):
            d.polygon(star(sx + ox * S, top + (85 + oy) * S, 26 * S, 11 * S, 5), fill=gold)
    # the letter in the lower field
    f = font("DejaVuSerif-Bold", 120 * S)
    d.text((cx, top + 290 * S), letter, font=f, fill=gold, anchor="mm")
    # borders
    d.line(outer + [outer[0]], fill=gold, width=8 * S, joint="curve")
    d.line(shield(14) + [shield(14)[0]], fill=gold, width=2 * S, joint="curve")
    for i, (x, y) in enumerate(shield(24)[::2]):
        d.ellipse((x - 3 * S, y - 3 * S, x + 3 * S, y + 3 * S), fill=(255, 255, 255, 220))
    # crown or laurel above
    if rng.random() < 0.5:
        base_y = top - 18 * S
        pts = [
            (130 * S, base_y),
            (130 * S, base_y - 50 * S),
            (165 * S, base_y - 25 * S),
            (190 * S, base_y - 70 * S),
            (cx, base_y - 40 * S),
            (250 * S, base_y - 70 * S),
            (275 * S, base_y - 25 * S),
            (310 * S, base_y - 50 * S),
            (310 * S, base_y),
        ]
        d.polygon(pts, fill=gold, outline=dark)
        for x, y in [(130, -50), (190, -70), (250, -70), (310, -50)]:
            d.ellipse(
                ((x - 8) * S, base_y + (y - 8) * S, (x + 8) * S, base_y + (y + 8) * S),
                fill=mid,
                outline=gold,
                width=2 * S,
            )
        d.rectangle((130 * S, base_y - 8 * S, 310 * S, base_y), fill=dark)
    else:
        for side in (-1, 1):
            for i in range(7):
                a = math.radians(200 + i * 20) if side < 0 else math.radians(-20 - i * 20)
                x = cx + side * 0 + 150 * S * math.cos(a) * (1 if side < 0 else 1)
                y = top + 20 * S + 60 * S * math.sin(a)
                d.ellipse((x - 14 * S, y - 7 * S, x + 14 * S, y + 7 * S), fill=gold, outline=dark)
    # ribbon with the name
    ry = 440 * S
    d.polygon(
        [
            (20 * S, ry - 10 * S),
            (70 * S, ry),
            (70 * S, ry + 40 * S),
            (20 * S, ry + 50 * S),
            (40 * S, ry + 20 * S),
        ],
        fill=dark,
    )
    d.polygon(
        [
            (420 * S, ry - 10 * S),
            (370 * S, ry),
            (370 * S, ry + 40 * S),
            (420 * S, ry + 50 * S),
            (400 * S, ry + 20 * S),
        ],
        fill=dark,
    )
    d.rectangle(
        (60 * S, ry - 6 * S, 380 * S, ry + 44 * S), fill=(245, 240, 225), outline=dark, width=3 * S
    )
    f2 = font("DejaVuSans-Bold", 26 * S)
    d.text((cx, ry + 19 * S), " ".join(name), font=f2, fill=dark, anchor="mm")
    f3 = font("DejaVuSans", 13 * S)
    yr = str(rng.randint(1890, 1990))
    d.text((cx, top + 160 * S), f"EST. {yr}", font=f3, fill=(255, 255, 255), anchor="mm")
    im = im.resize((W // S, H // S), Image.LANCZOS)
    return crop_alpha(im)


def draw_wordmark(name: str, rng: random.Random, pal) -> Image.Image:
    S = 2
    fname = rng.choice(
        ["DejaVuSerif-Bold", "DejaVuSans-Bold", "DejaVuSerifCondensed-Bold", "DejaVuSerif"]
    )
    f = font(fname, 110 * S)
    spacing = rng.choice([6, 12, 18]) * S
    widths = [f.getlength(c) for c in name]
    tw = sum(widths) + spacing * (len(name) - 1)
    W, H = int(tw + 80 * S), 260 * S
    im = Image.new("RGBA", (W, H), (0, 0, 0, 0))
    d = ImageDraw.Draw(im)
    dark, _, gold = pal
    x = 40 * S
    for c, w in zip(name, widths):
        d.text((x, 150 * S), c, font=f, fill=dark, anchor="ls")
        x += w + spacing
    # ornament: rule with a diamond above, tagline below
    cy = 30 * S
    d.line([(60 * S, cy), (W / 2 - 26 * S, cy)], fill=dark, width=3 * S)
    d.line([(W / 2 + 26 * S, cy), (W - 60 * S, cy)], fill=dark, width=3 * S)
    d.polygon(
        [(W / 2, cy - 16 * S), (W / 2 + 16 * S, cy), (W / 2, cy + 16 * S), (W / 2 - 16 * S, cy)],
        fill=gold,
        outline=dark,
    )
    tag = rng.choice(["MAISON", "ATELIER", "DEPUIS", "EST."]) + " " + str(rng.randint(1880, 1995))
    f2 = font("DejaVuSans", 30 * S)
    d.text((W / 2, 200 * S), "  ".join(tag.split()), font=f2, fill=dark, anchor="mm")
    d.line([(40 * S, 232 * S), (W - 40 * S, 232 * S)], fill=gold, width=2 * S)
    im = im.resize((W // S, H // S), Image.LANCZOS)
    return crop_alpha(im)


def draw_monogram(letters: str, rng: random.Random, pal) -> Image.Image:
    S = 2
    W = H = 360 * S
    dark, mid, gold = pal
    f = font(rng.choice(["DejaVuSerif-Bold", "DejaVuSans-Bold"]), 230 * S)
    a = Image.new("L", (W, H), 0)
    b = Image.new("L", (W, H), 0)
    ImageDraw.Draw(a).text((W / 2 - 55 * S, H / 2), letters[0], font=f, fill=255, anchor="mm")
    ImageDraw.Draw(b).text((W / 2 + 55 * S, H / 2), letters[1], font=f, fill=255, anchor="mm")
    if rng.random() < 0.5:
        b = ImageOps.mirror(b) if letters[1] in "CDJ" else b
    im = Image.new("RGBA", (W, H), (0, 0, 0, 0))
    d = ImageDraw.Draw(im)
    d.ellipse((14 * S, 14 * S, W - 14 * S, H - 14 * S), outline=dark, width=10 * S)
    d.ellipse((34 * S, 34 * S, W - 34 * S, H - 34 * S), outline=gold, width=3 * S)
    ca = Image.new("RGBA", (W, H), dark + (255,))
    cb = Image.new("RGBA", (W, H), mid + (255,))
    # interlock: b over a in the upper half, a over b in the lower half
    am, bm = np.asarray(a), np.asarray(b)
    upper = np.zeros((H, W), bool)
    upper[: H // 2] = True
    im.paste(ca, (0, 0), a)
    im.paste(cb, (0, 0), b)
    over = np.where(upper, 0, am)
    # a thin gap line around the letter on top
    edge = np.asarray(Image.fromarray(over.astype(np.uint8)).filter(ImageFilter.MaxFilter(9)))
    gap = np.where((edge > 0) & (bm > 0) & ~upper, 255, 0).astype(np.uint8)
    im.paste(Image.new("RGBA", (W, H), (255, 255, 255, 255)), (0, 0), Image.fromarray(gap))
    im.paste(ca, (0, 0), Image.fromarray(over.astype(np.uint8)))
    im = im.resize((W // S, H // S), Image.LANCZOS)
    return crop_alpha(im)


def draw_generic_badge(kind: str, rng: random.Random) -> Image.Image:
    """Brand-like shapes that are nobody's logo."""
    S = 2
    W = H = 320 * S
    im = Image.new("RGBA", (W, H), (0, 0, 0, 0))
    d = ImageDraw.Draw(im)
    col = rng.choice([(200, 30, 40), (20, 90, 160), (30, 130, 70), (210, 150, 20), (40, 40, 40)])
    cx = cy = W / 2
    if kind == "seal":
        d.polygon(star(cx, cy, 150 * S, 130 * S, 24), fill=col)
        d.ellipse((50 * S, 50 * S, W - 50 * S, H - 50 * S), outline=(255, 255, 255), width=4 * S)
        d.text(
            (cx, cy - 20 * S),
            "100%",
            font=font("DejaVuSans-Bold", 60 * S),
            fill="white",
            anchor="mm",
        )
        d.text(
            (cx, cy + 40 * S),
            rng.choice(["QUALITY", "PREMIUM", "GENUINE"]),
            font=font("DejaVuSans-Bold", 30 * S),
            fill="white",
            anchor="mm",
        )
    elif kind == "triangle":
        d.ellipse((20 * S, 20 * S, W - 20 * S, H - 20 * S), outline=col, width=14 * S)
        d.polygon(
            [(cx, 70 * S), (W - 80 * S, H - 100 * S), (80 * S, H - 100 * S)],
            outline=col,
            width=12 * S,
        )
        d.ellipse((cx - 20 * S, cy, cx + 20 * S, cy + 40 * S), fill=col)
    elif kind == "tag":
        d.polygon(
            [
                (40 * S, 100 * S),
                (220 * S, 100 * S),
                (290 * S, 160 * S),
                (220 * S, 220 * S),
                (40 * S, 220 * S),
            ],
            fill=col,
        )
        d.ellipse((225 * S, 150 * S, 245 * S, 170 * S), fill=(255, 255, 255))
        d.text(
            (130 * S, 160 * S),
            rng.choice(["SALE", "NEW", "-50%", "HOT"]),
            font=font("DejaVuSans-Bold", 56 * S),
            fill="white",
            anchor="mm",
        )
    else:  # leaf ring
        d.ellipse((30 * S, 30 * S, W - 30 * S, H - 30 * S), fill=col)
        for i in range(8):
            a = math.radians(i * 45)
            x, y = cx + 80 * S * math.cos(a), cy + 80 * S * math.sin(a)
            d.ellipse((x - 22 * S, y - 22 * S, x + 22 * S, y + 22 * S), fill=(255, 255, 255))
        d.text(
            (cx, cy),
            rng.choice(["ECO", "BIO", "OK"]),
            font=font("DejaVuSans-Bold", 60 * S),
            fill="white",
            anchor="mm",
        )
    im = im.resize((W // S, H // S), Image.LANCZOS)
    return crop_alpha(im)


# ---------------------------------------------------------------------------------------
# Registered designs (procedural renders). Every render is drawn from parameters, never a
# pixel edit of the reference.
# ---------------------------------------------------------------------------------------
PUMP_UPPER = [
    (0.02, 0.86),
    (0.06, 0.79),
    (0.18, 0.72),
    (0.32, 0.68),
    (0.43, 0.67),
    (0.52, 0.62),
    (0.64, 0.53),
    (0.76, 0.43),
    (0.86, 0.34),
    (0.93, 0.29),
    (0.965, 0.32),
    (0.958, 0.56),
    (0.80, 0.585),
    (0.62, 0.71),
    (0.45, 0.85),
    (0.30, 0.93),
    (0.12, 0.935),
    (0.04, 0.905),
]
PUMP_FLAT = [
    (0.02, 0.86),
    (0.06, 0.79),
    (0.18, 0.73),
    (0.34, 0.70),
    (0.46, 0.70),
    (0.60, 0.66),
    (0.74, 0.62),
    (0.88, 0.60),
    (0.96, 0.62),
    (0.975, 0.80),
    (0.96, 0.92),
    (0.70, 0.94),
    (0.40, 0.945),
    (0.12, 0.94),
    (0.04, 0.91),
]
BOOT = [
    (0.04, 0.86),
    (0.10, 0.78),
    (0.28, 0.72),
    (0.40, 0.66),
    (0.44, 0.30),
    (0.46, 0.12),
    (0.80, 0.12),
    (0.82, 0.40),
    (0.86, 0.62),
    (0.90, 0.80),
    (0.90, 0.94),
    (0.30, 0.945),
    (0.08, 0.93),
]
SHOE_COLOURS = {
    "black": (28, 28, 30),
    "red": (170, 24, 34),
    "nude": (214, 172, 140),
    "white": (236, 234, 228),
    "navy": (26, 38, 84),
    "green": (34, 96, 64),
    "pink": (226, 130, 160),
}
METALS = {
    "gold": (212, 172, 64),
    "silver": (200, 204, 210),
    "gunmetal": (96, 100, 108),
    "rose": (214, 146, 120),
}


def _shade_body(im: Image.Image, mask: Image.Image, colour, light_angle: float, S: int):
    """Fill mask with colour and a directional gradient + specular band."""
    w, h = im.size
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    a = math.radians(light_angle)
    t = (xx / w - 0.5) * math.cos(a) + (yy / h - 0.5) * math.sin(a)
    fac = 1.0 - 0.55 * t
    base = np.array(colour, np.float32)[None, None, :] * fac[:, :, None] + 18
    arr = np.clip(base, 0, 255).astype(np.uint8)
    im.paste(Image.fromarray(arr).convert("RGBA"), (0, 0), mask)


def _stud(d: ImageDraw.ImageDraw, x, y, r, metal_rgb, shape="pyramid"):
    mr = np.array(metal_rgb, np.float32)
    c = lambda f: tuple(int(v) for v in np.clip(mr * f, 0, 255))  # noqa: E731
    if shape == "pyramid":
        n, e, s, w = (x, y - r), (x + r, y), (x, y + r), (x - r, y)
        d.polygon([n, e, (x, y)], fill=c(1.25))
        d.polygon([e, s, (x, y)], fill=c(0.75))
        d.polygon([s, w, (x, y)], fill=c(0.55))
        d.polygon([w, n, (x, y)], fill=c(1.05))
    elif shape == "dot":
        d.ellipse((x - r * 0.8, y - r * 0.8, x + r * 0.8, y + r * 0.8), fill=c(1.0))
    elif shape == "stripe":
        d.line([(x - r * 1.5, y), (x + r * 1.5, y)], fill=c(1.0), width=max(1, int(r * 0.5)))


def render_pump(p: dict) -> Image.Image:
    """Side view of a pointed-toe pump. p: colour, metal, pattern (studs/none/dots/stripes/sparse),
    outline (upper/flat/boot), W,H, flip, squash, rotate, bg, light."""
    S = 2
    W, H = 600 * S, 420 * S
    im = Image.new("RGBA", (W, H), (0, 0, 0, 0))
    outline = {"upper": PUMP_UPPER, "flat": PUMP_FLAT, "boot": BOOT}[p.get("outline", "upper")]
    pts = [(x * W, y * H) for x, y in outline]
    mask = Image.new("L", (W, H), 0)
    ImageDraw.Draw(mask).polygon(pts, fill=255)
    _shade_body(im, mask, SHOE_COLOURS[p["colour"]], p.get("light", 30), S)
    d = ImageDraw.Draw(im)
    dark = tuple(max(0, int(c * 0.45)) for c in SHOE_COLOURS[p["colour"]])
    if p.get("outline", "upper") == "upper":
        # stiletto heel, sole edge, inner lining at the topline
        d.polygon(
            [
                (0.865 * W, 0.57 * H),
                (0.957 * W, 0.555 * H),
                (0.925 * W, 0.70 * H),
                (0.915 * W, 0.955 * H),
                (0.897 * W, 0.955 * H),
                (0.892 * W, 0.70 * H),
            ],
            fill=dark,
        )
        d.rectangle((0.893 * W, 0.945 * H, 0.918 * W, 0.965 * H), fill=(20, 20, 20))
        d.line(
            [(0.45 * W, 0.85 * H), (0.62 * W, 0.71 * H), (0.80 * W, 0.585 * H)],
            fill=dark,
            width=5 * S,
        )
        d.line(
            [
                (0.43 * W, 0.67 * H),
                (0.52 * W, 0.625 * H),
                (0.64 * W, 0.54 * H),
                (0.76 * W, 0.445 * H),
                (0.86 * W, 0.355 * H),
                (0.93 * W, 0.305 * H),
            ],
            fill=(200, 170, 140),
            width=4 * S,
        )
    d.line(
        [(0.04 * W, 0.905 * H), (0.12 * W, 0.935 * H), (0.30 * W, 0.93 * H)], fill=dark, width=6 * S
    )
    pattern = p.get("pattern", "studs")
    if pattern != "none":
        inner = np.asarray(mask.filter(ImageFilter.MinFilter(2 * int(14 * S) + 1))) > 0
        sp = p.get("spacing", 26) * S
        r = sp * 0.44
        shape = {"studs": "pyramid", "dots": "dot", "stripes": "stripe", "sparse": "pyramid"}[
            pattern
        ]
        rng = random.Random(p.get("seed", 0))
        for j in range(int(H / sp) + 2):
            for i in range(int(W / sp) + 2):
                x = i * sp + (sp / 2 if j % 2 else 0)
                y = j * sp
                if pattern == "sparse":
                    if rng.random() < 0.7:
                        continue
                    x += rng.uniform(-sp / 2, sp / 2)
                    y += rng.uniform(-sp / 2, sp / 2)
                if pattern == "stripes" and j % 2:
                    continue
                xi, yi = int(x), int(y)
                if 0 <= xi < W and 0 <= yi < H and inner[yi, xi] and yi < 0.9 * H:
                    _stud(d, x, y, r, METALS[p["metal"]], shape)
    return im.resize((W // S, H // S), Image.LANCZOS)


def render_bangle(p: dict) -> Image.Image:
    """Bangle seen from above then tilted: annulus with thickness and evenly spaced screw heads.
    p: metal, pattern (screws/none/gems/dots), n (count), tilt (deg), band (px)."""
    S = 2
    R0 = 200 * S
    W = H = 2 * R0 + 80 * S
    cx, cy = W / 2, H / 2 + 10 * S
    band = p.get("band", 46) * S
    tilt = math.radians(p.get("tilt", 55))
    ky = math.cos(tilt)
    thick = int(28 * S * math.sin(tilt)) + 2 * S
    col = np.array(METALS[p["metal"]], np.float32)
    im = Image.new("RGBA", (W, H), (0, 0, 0, 0))
    d = ImageDraw.Draw(im)

    def ell(r, dy=0):
        return (cx - r, cy - r * ky + dy, cx + r, cy + r * ky + dy)

    # side wall (drawn as stacked ellipses), then the top face
    side = tuple(int(v) for v in np.clip(col * 0.62, 0, 255))
    for dy in range(thick, 0, -2):
        d.ellipse(ell(R0, dy), fill=side)
    top = Image.new("L", (W, H), 0)
    td = ImageDraw.Draw(top)
    td.ellipse(ell(R0), fill=255)
    td.ellipse(ell(R0 - band), fill=0)
    yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
    ang = np.arctan2((yy - cy) / max(ky, 0.05), xx - cx)
    light = math.radians(p.get("light", -120))
    fac = 0.78 + 0.32 * np.cos(ang - light)
    rad = np.sqrt((xx - cx) ** 2 + ((yy - cy) / max(ky, 0.05)) ** 2)
    ridge = 1 + 0.18 * np.cos((rad - (R0 - band / 2)) / (band / 2) * math.pi / 2)
    arr = np.clip(col[None, None, :] * (fac * ridge)[:, :, None], 0, 255).astype(np.uint8)
    im.paste(Image.fromarray(arr).convert("RGBA"), (0, 0), top)
    # inner wall visible through the opening (the far side)
    inner = Image.new("L", (W, H), 0)
    idr = ImageDraw.Draw(inner)
    idr.ellipse(ell(R0 - band), fill=255)
    idr.ellipse(ell(R0 - band, thick), fill=0)
    im.paste(
        Image.new("RGBA", (W, H), tuple(int(v) for v in np.clip(col * 0.5, 0, 255)) + (255,)),
        (0, 0),
        inner,
    )
    hole = Image.new("L", (W, H), 0)
    ImageDraw.Draw(hole).ellipse(ell(R0 - band), fill=255)
    hole2 = Image.new("L", (W, H), 0)
    ImageDraw.Draw(hole2).ellipse(ell(R0 - band, thick), fill=255)
    see = np.minimum(np.asarray(hole), np.asarray(hole2))
    a = np.asarray(im.getchannel("A")).copy()
    a[see > 127] = 0
    im.putalpha(Image.fromarray(a))
    d = ImageDraw.Draw(im)
    pattern = p.get("pattern", "screws")
    n = p.get("n", 10)
    rm = R0 - band / 2
    for k in range(n):
        a = 2 * math.pi * k / n + p.get("phase", 0.0)
        x, y = cx + rm * math.cos(a), cy + rm * math.sin(a) * ky
        rx, ry = band * 0.28, band * 0.28 * (0.35 + 0.65 * ky)
        if pattern == "screws":
            d.ellipse(
                (x - rx, y - ry, x + rx, y + ry),
                fill=tuple(int(v) for v in np.clip(col * 1.2, 0, 255)),
                outline=tuple(int(v) for v in col * 0.45),
                width=2 * S,
            )
            sa = a + math.pi / 2 + 0.5
            dx, dy = rx * 0.8 * math.cos(sa), ry * 0.8 * math.sin(sa)
            d.line(
                [(x - dx, y - dy), (x + dx, y + dy)],
                fill=tuple(int(v) for v in col * 0.3),
                width=3 * S,
            )
        elif pattern == "gems":
            gem = [(200, 30, 60), (30, 90, 200), (40, 160, 90)][k % 3]
            d.ellipse(
                (x - rx, y - ry, x + rx, y + ry), fill=gem, outline=(255, 255, 255), width=2 * S
            )
        elif pattern == "dots":
            d.ellipse(
                (x - rx * 0.45, y - ry * 0.45, x + rx * 0.45, y + ry * 0.45),
                fill=tuple(int(v) for v in col * 0.4),
            )
    return crop_alpha(im.resize((W // S, H // S), Image.LANCZOS), pad=4)


def render_chain(p: dict) -> Image.Image:
    """A different jewellery shape in the same metals: a curved chain of oval links."""
    S = 2
    W, H = 560 * S, 400 * S
    im = Image.new("RGBA", (W, H), (0, 0, 0, 0))
    d = ImageDraw.Draw(im)
    col = np.array(METALS[p["metal"]], np.float32)
    n = 16
    for k in range(n):
        t = k / (n - 1)
        x = 60 * S + t * (W - 120 * S)
        y = H / 2 + math.sin(t * math.pi * 1.5) * 90 * S
        vertical = k % 2
        rx, ry = (16 * S, 30 * S) if vertical else (30 * S, 16 * S)
        d.ellipse(
            (x - rx, y - ry, x + rx, y + ry),
            outline=tuple(int(v) for v in np.clip(col * (0.8 + 0.4 * (k % 3) / 2), 0, 255)),
            width=8 * S,
        )
    return crop_alpha(im.resize((W // S, H // S), Image.LANCZOS))


def design_canvas(
    obj: Image.Image,
    rng: random.Random,
    size: int,
    bg: str,
    sources,
    scale: float,
    rotate: float,
    flip: bool,
    squash: float,
    shadow=True,
) -> Image.Image:
    """Composite a product render on a background with rotation, viewpoint squash and lighting."""
    if flip:
        obj = ImageOps.mirror(obj)
    if squash != 1.0:
        obj = obj.resize((max(1, round(obj.width * squash)), obj.height), Image.LANCZOS)
    obj = obj.rotate(rotate, Image.BICUBIC, expand=True)
    target = size * scale
    obj = obj.resize(
        (
            max(1, round(obj.width * target / max(obj.size))),
            max(1, round(obj.height * target / max(obj.size))),
        ),
        Image.LANCZOS,
    )
    if bg == "white":
        canvas = Image.new("RGB", (size, size), (250, 250, 248))
    elif bg == "studio":
        c1 = tuple(rng.randint(180, 245) for _ in range(3))
        c2 = tuple(max(0, c - rng.randint(40, 90)) for c in c1)
        canvas = gradient((size, size), c1, c2)
    elif bg == "dark":
        canvas = gradient((size, size), (70, 70, 76), (18, 18, 22))
    else:  # photo
        canvas = random_crop(sources, rng, (size, size)).filter(
            ImageFilter.GaussianBlur(rng.uniform(1.5, 4))
        )
    canvas = canvas.convert("RGBA")
    x = rng.randint(0, max(0, size - obj.width))
    y = rng.randint(0, max(0, size - obj.height))
    if shadow:
        sh = Image.new("RGBA", canvas.size, (0, 0, 0, 0))
        a = obj.getchannel("A").point(lambda v: 90 if v > 0 else 0)
        sh.paste(Image.new("RGBA", obj.size, (0, 0, 0, 255)), (x + 8, y + 12), a)
        canvas.alpha_composite(sh.filter(ImageFilter.GaussianBlur(8)))
    canvas.alpha_composite(obj, (x, y))
    out = canvas.convert("RGB")
    # lighting change
    out = ImageEnhance.Brightness(out).enhance(rng.uniform(0.8, 1.15))
    out = ImageEnhance.Contrast(out).enhance(rng.uniform(0.85, 1.15))
    return out


# ---------------------------------------------------------------------------------------
# Scenes
# ---------------------------------------------------------------------------------------
SCENE_SOURCES: list[str] = []  # filled in main(): sources used as backgrounds


def random_crop(sources, rng: random.Random, size, names=None) -> Image.Image:
    names = names or SCENE_SOURCES
    name = rng.choice(names)
    src = sources[name]["img"]
    W, H = size
    ar = W / H
    sw, sh = src.size
    frac = rng.uniform(0.45, 0.9)
    cw = min(sw, sh * ar) * frac
    ch = cw / ar
    x = rng.uniform(0, sw - cw)
    y = rng.uniform(0, sh - ch)
    return src.crop((round(x), round(y), round(x + cw), round(y + ch))).resize(size, Image.LANCZOS)


def occlude(scene: Image.Image, quad, rng: random.Random, sources) -> float:
    """Cover 8-20 % of the quad with a thumb, a sticker or a leaf of another photo; returns the share."""
    W, H = scene.size
    qm = poly_mask(scene.size, quad)
    area = qm.sum()
    kind = rng.choice(["thumb", "sticker", "patch"])
    corner = rng.choice(quad)
    cx = sum(p[0] for p in quad) / 4
    cy = sum(p[1] for p in quad) / 4
    qw = max(p[0] for p in quad) - min(p[0] for p in quad)
    qh = max(p[1] for p in quad) - min(p[1] for p in quad)
    best = None
    for step in range(40):
        s = 0.15 + step * 0.02
        ox = corner[0] + (cx - corner[0]) * 0.15
        oy = corner[1] + (cy - corner[1]) * 0.15
        rw, rh = qw * s, qh * s
        box = (ox - rw / 2, oy - rh / 2, ox + rw / 2, oy + rh / 2)
        m = Image.new("L", scene.size, 0)
        md = ImageDraw.Draw(m)
        if kind == "thumb":
            md.ellipse(box, fill=255)
        else:
            md.rectangle(box, fill=255)
        frac = (np.asarray(m)[qm] > 127).sum() / area
        if frac > 0.20:
            break
        best = (box, m, frac)
    if best is None or best[2] < 0.05:
        return 0.0
    box, m, frac = best
    if kind == "thumb":
        tone = rng.choice([(224, 178, 150), (198, 140, 110), (150, 100, 76)])
        fill = gradient(scene.size, tone, tuple(int(c * 0.8) for c in tone))
    elif kind == "sticker":
        fill = Image.new(
            "RGB", scene.size, rng.choice([(250, 220, 40), (240, 240, 240), (230, 60, 60)])
        )
        ImageDraw.Draw(fill).text(
            ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2),
            rng.choice(["SALE", "%", "NEW"]),
            font=font("DejaVuSans-Bold", max(8, int((box[3] - box[1]) / 3))),
            fill=(20, 20, 20),
            anchor="mm",
        )
    else:
        fill = random_crop(sources, rng, scene.size)
    scene.paste(fill.convert("RGBA"), (0, 0), m.filter(ImageFilter.GaussianBlur(0.8)))
    return float(round(frac, 3))


def engrave_patch(
    logo: Image.Image, rng: random.Random
) -> tuple[Image.Image, tuple[int, int, int, int]]:
    """A brushed metal plate with the logo pressed into it; returns (plate RGBA, logo rect)."""
    lw, lh = logo.size
    padx, pady = round(lw * 0.14) + 6, round(lh * 0.18) + 6
    size = (lw + 2 * padx, lh + 2 * pady)
    tone = rng.choice([(180, 182, 186), (196, 168, 110), (150, 140, 130)])
    arr, m = plate(size, tone, radius=min(size) // 10)
    mask = np.zeros((size[1], size[0]), np.float32)
    alpha = np.asarray(logo.getchannel("A"), np.float32) / 255
    lum = np.asarray(logo.convert("L"), np.float32) / 255
    mask[pady : pady + lh, padx : padx + lw] = alpha * (
        0.4 + 0.6 * lum
    )  # light details stand higher
    arr = emboss(arr, mask, engraved=rng.random() < 0.6, strength=rng.uniform(0.9, 1.4))
    out = Image.fromarray(arr.astype(np.uint8)).convert("RGBA")
    out.putalpha(m)
    return out, (padx, pady, padx + lw, pady + lh)


def box_patch(
    logo: Image.Image, rng: random.Random
) -> tuple[Image.Image, tuple[int, int, int, int]]:
    """Front face of a product box with the logo printed on it."""
    lw, lh = logo.size
    bw = round(lw / 0.62)
    bh = round(max(lh * 1.9, bw * rng.uniform(0.7, 1.1)))
    col = rng.choice([(246, 240, 228), (24, 24, 28), (22, 40, 84), (236, 226, 210), (120, 24, 36)])
    face = gradient((bw, bh), col, tuple(max(0, int(c * 0.88)) for c in col)).convert("RGBA")
    d = ImageDraw.Draw(face)
    ink = (30, 30, 30) if sum(col) > 380 else (235, 225, 200)
    d.rectangle((6, 6, bw - 7, bh - 7), outline=ink, width=2)
    lx, ly = (bw - lw) // 2, round(bh * 0.16)
    lg = logo
    if sum(col) < 380:  # print the logo light on a dark box
        a = logo.getchannel("A")
        lg = Image.new("RGBA", logo.size, (236, 220, 170, 255))
        lg.putalpha(a)
    face.alpha_composite(lg, (lx, ly))
    f = font("DejaVuSans", max(8, bw // 22))
    y = ly + lh + bh * 0.08
    for line in rng.sample(
        [
            "EAU DE PARFUM",
            "NET 100 ml e 3.4 FL.OZ",
            "MADE IN FRANCE",
            "LIMITED EDITION",
            "GIFT SET",
            "STAINLESS STEEL",
            "HANDCRAFTED",
        ],
        3,
    ):
        if y > bh - 12:
            break
        d.text((bw / 2, y), line, font=f, fill=ink, anchor="mt")
        y += f.size * 1.6
    return face, (lx, ly, lx + lw, ly + lh)


def box_sides(scene: Image.Image, quad, rng: random.Random):
    """Draw a box's right side and top face next to the front quad (so it reads as a 3-D box)."""
    d = ImageDraw.Draw(scene)
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = quad
    dx = (x1 - x0) * rng.uniform(0.2, 0.35)
    dy = -(y3 - y0) * rng.uniform(0.08, 0.16)
    side = [(x1, y1), (x1 + dx, y1 + dy), (x2 + dx, y2 + dy), (x2, y2)]
    topf = [(x0, y0), (x0 + dx, y0 + dy), (x1 + dx, y1 + dy), (x1, y1)]
    base = rng.randint(90, 170)
    d.polygon(side, fill=(base, base - 10, base - 20))
    d.polygon(topf, fill=(base + 50, base + 40, base + 30))


def place_mark(
    scene: Image.Image,
    patch: Image.Image,
    rect,
    frac_w: float,
    angle: float,
    persp: float,
    rng: random.Random,
    logo_width_px: float,
    before=None,
):
    """Place patch so that its rect (the logo) is logo_width_px wide; returns the logo quad or None."""
    s = logo_width_px / (rect[2] - rect[0])
    pw, ph = patch.width * s, patch.height * s
    for _ in range(40):
        quad = make_quad(rng, scene.size, pw, ph, angle, persp)
        if quad:
            if before:
                before(scene, quad, rng)
            h = warp_onto(scene, patch, quad)
            return [
                [round(x, 1), round(y, 1)]
                for x, y in apply_h(
                    h,
                    [
                        (rect[0], rect[1]),
                        (rect[2], rect[1]),
                        (rect[2], rect[3]),
                        (rect[0], rect[3]),
                    ],
                )
            ], round(angle, 1)
        angle *= 0.8
    return None, None


# ---------------------------------------------------------------------------------------
# Stolen-photo transforms
# ---------------------------------------------------------------------------------------
TRANSFORMS = [
    "resize50",
    "jpeg30",
    "crop90",
    "crop70_offcentre",
    "crop50_offcentre",
    "mirror",
    "watermark_text",
    "hue60",
    "greyscale",
    "brightness_contrast",
    "rotate5",
    "rotate20",
    "border_frame",
    "listing_canvas",
    "collage_tile",
    "crop80_mirror_watermark_jpeg50",
]


def _offcrop(im: Image.Image, f: float, rng: random.Random) -> Image.Image:
    w, h = im.size
    cw, ch = round(w * f), round(h * f)
    # off-centre: pick a corner-ish offset
    x = rng.choice([0, w - cw]) if rng.random() < 0.6 else rng.randint(0, w - cw)
    y = rng.choice([0, h - ch]) if rng.random() < 0.6 else rng.randint(0, h - ch)
    return im.crop((x, y, x + cw, y + ch))


def _watermark(im: Image.Image, rng: random.Random) -> Image.Image:
    im = im.convert("RGBA")
    layer = Image.new("RGBA", im.size, (0, 0, 0, 0))
    d = ImageDraw.Draw(layer)
    w, h = im.size
    txt = rng.choice(["best-deals-shop", "© luxe outlet", "super.store", "TOP SELLER", "shop4you"])
    f = font("DejaVuSans-Bold", max(12, w // 14))
    d.text(
        (w / 2, h / 2),
        txt,
        font=f,
        fill=(255, 255, 255, 120),
        anchor="mm",
        stroke_width=2,
        stroke_fill=(0, 0, 0, 90),
    )
    r = max(18, w // 10)
    bx, by = rng.choice([(r + 6, r + 6), (w - r - 6, r + 6), (w - r - 6, h - r - 6)])
    d.ellipse((bx - r, by - r, bx + r, by + r), fill=(220, 30, 40, 230))
    d.text(
        (bx, by),
        rng.choice(["-50%", "NEW", "HOT", "SALE"]),
        font=font("DejaVuSans-Bold", max(8, r // 2)),
        fill="white",
        anchor="mm",
    )
    im.alpha_composite(layer)
    return im.convert("RGB")


def _hue(im: Image.Image, deg: float) -> Image.Image:
    hsv = np.asarray(im.convert("HSV")).copy()
    hsv[:, :, 0] = ((hsv[:, :, 0].astype(np.int32) + round(deg / 360 * 256)) % 256).astype(np.uint8)
    return Image.fromarray(hsv, "HSV").convert("RGB")


def _frame(im: Image.Image, rng: random.Random) -> Image.Image:
    w, h = im.size
    if rng.random() < 0.5:  # plain or double border
        b = rng.randint(10, 30)
        col = rng.choice([(255, 255, 255), (0, 0, 0), (200, 170, 120), (30, 60, 110)])
        out = ImageOps.expand(im, b, col)
        return ImageOps.expand(out, rng.choice([0, 3]), (90, 90, 90))
    # phone screenshot: status bar, app bar, buttons below
    pw = w + 24
    ph = h + 200
    out = Image.new("RGB", (pw, ph), (18, 18, 20))
    d = ImageDraw.Draw(out)
    d.rectangle((0, 0, pw, 30), fill=(0, 0, 0))
    d.text(
        (14, 15),
        f"{rng.randint(8, 22)}:{rng.randint(10, 59)}",
        font=font("DejaVuSans-Bold", 14),
        fill="white",
        anchor="lm",
    )
    d.text(
        (pw - 14, 15),
        f"{rng.randint(20, 99)}%",
        font=font("DejaVuSans", 13),
        fill="white",
        anchor="rm",
    )
    d.rectangle((0, 30, pw, 74), fill=(250, 250, 250))
    d.text(
        (pw / 2, 52),
        rng.choice(["Shop", "Discover", "Listing"]),
        font=font("DejaVuSans-Bold", 16),
        fill=(20, 20, 20),
        anchor="mm",
    )
    out.paste(im, (12, 84))
    d.rectangle((0, h + 96, pw, ph), fill=(250, 250, 250))
    d.rounded_rectangle((16, h + 110, pw - 16, h + 150), 10, fill=(255, 140, 0))
    d.text(
        (pw / 2, h + 130),
        "Add to cart",
        font=font("DejaVuSans-Bold", 16),
        fill="white",
        anchor="mm",
    )
    d.text(
        (16, h + 176),
        f"${rng.randint(9, 89)}.{rng.choice(['99', '49', '00'])}",
        font=font("DejaVuSans-Bold", 18),
        fill=(180, 20, 20),
        anchor="lm",
    )
    return out


def _canvas(im: Image.Image, rng: random.Random) -> Image.Image:
    w, h = im.size
    s = max(w, h)
    out = Image.new("RGB", (s, s), (255, 255, 255))
    small = im.resize((round(w * 0.55), round(h * 0.55)), Image.LANCZOS)
    x = (s - small.width) // 2 + rng.randint(-s // 12, s // 12)
    y = round(s * 0.12)
    out.paste(small, (x, y))
    d = ImageDraw.Draw(out)
    d.rectangle(
        (0, s - round(s * 0.2), s, s), fill=rng.choice([(220, 30, 40), (250, 200, 0), (20, 20, 20)])
    )
    d.text(
        (s / 2, s - round(s * 0.1)),
        f"ONLY ${rng.randint(9, 99)}.99",
        font=font("DejaVuSans-Bold", s // 12),
        fill="white",
        anchor="mm",
        stroke_width=1,
        stroke_fill=(0, 0, 0),
    )
    d.text(
        (s / 2, round(s * 0.06)),
        rng.choice(["FREE SHIPPING", "HOT DEAL", "BEST SELLER"]),
        font=font("DejaVuSans-Bold", s // 18),
        fill=(40, 40, 40),
        anchor="mm",
    )
    return out


def _collage(im: Image.Image, others: list[Image.Image], rng: random.Random) -> Image.Image:
    w, h = im.size
    tw, th = w // 2, h // 2
    tiles = [im] + others[:3]
    pos = list(range(4))
    rng.shuffle(pos)
    out = Image.new("RGB", (tw * 2 + 6, th * 2 + 6), (255, 255, 255))
    for t, p in zip(tiles, pos):
        out.paste(
            ImageOps.fit(t, (tw, th), Image.LANCZOS), ((p % 2) * (tw + 6), (p // 2) * (th + 6))
        )
    return out


def apply_transform(
    name: str, im: Image.Image, rng: random.Random, others
) -> tuple[Image.Image, int]:
    """Returns (image, jpeg quality)."""
    q = QUERY_Q
    if name == "resize50":
        out = im.resize((im.width // 2, im.height // 2), Image.LANCZOS)
    elif name == "jpeg30":
        out, q = im, 30
    elif name == "crop90":
        w, h = im.size
        out = im.crop((round(w * 0.05), round(h * 0.05), round(w * 0.95), round(h * 0.95)))
    elif name == "crop70_offcentre":
        out = _offcrop(im, 0.70, rng)
    elif name == "crop50_offcentre":
        out = _offcrop(im, 0.50, rng)
    elif name == "mirror":
        out = ImageOps.mirror(im)
    elif name == "watermark_text":
        out = _watermark(im, rng)
    elif name == "hue60":
        out = _hue(im, 60)
    elif name == "greyscale":
        out = im.convert("L").convert("RGB")
    elif name == "brightness_contrast":
        out = ImageEnhance.Contrast(
            ImageEnhance.Brightness(im).enhance(rng.choice([0.7, 0.8, 1.25, 1.35]))
        ).enhance(rng.choice([0.7, 1.3]))
    elif name in ("rotate5", "rotate20"):
        a = (5 if name == "rotate5" else 20) * rng.choice([-1, 1])
        out = im.rotate(
            a, Image.BICUBIC, expand=True, fillcolor=rng.choice([(255, 255, 255), (0, 0, 0)])
        )
    elif name == "border_frame":
        out = _frame(im, rng)
    elif name == "listing_canvas":
        out = _canvas(im, rng)
    elif name == "collage_tile":
        out = _collage(im, others, rng)
    elif name == "crop80_mirror_watermark_jpeg50":
        out, q = _watermark(ImageOps.mirror(_offcrop(im, 0.80, rng)), rng), 50
    else:
        raise ValueError(name)
    return _fit(out, SP_QUERY), q


# ---------------------------------------------------------------------------------------
# Text in photos
# ---------------------------------------------------------------------------------------
def _rot_points(pts, size, angle, new_size):
    cx, cy = size[0] / 2, size[1] / 2
    nx, ny = new_size[0] / 2, new_size[1] / 2
    a = math.radians(angle)
    ca, sa = math.cos(a), math.sin(a)
    return [
        (nx + (x - cx) * ca + (y - cy) * sa, ny - (x - cx) * sa + (y - cy) * ca) for x, y in pts
    ]


def text_layer(
    text: str, cap: float, fname: str, rng: random.Random, engraved: bool, light_bg: bool
):
    """RGBA layer holding the text (or an engraved plate); returns (layer, text quad in layer coords)."""
    f = font_for_cap(fname, cap)
    bb = f.getbbox(text, anchor="ls")
    pad = max(6, round(cap * 0.5))
    w, h = bb[2] - bb[0] + 2 * pad, bb[3] - bb[1] + 2 * pad
    origin = (pad - bb[0], pad - bb[1])
    hb = f.getbbox("H", anchor="ls")
    quad = [
        (pad, origin[1] + hb[1]),
        (w - pad, origin[1] + hb[1]),
        (w - pad, origin[1]),
        (pad, origin[1]),
    ]
    if engraved:
        m = Image.new("L", (w, h), 0)
        ImageDraw.Draw(m).text(origin, text, font=f, fill=255, anchor="ls")
        tone = rng.choice([(178, 180, 184), (196, 168, 110), (140, 132, 124), (210, 210, 214)])
        arr, pm = plate((w, h), tone, radius=min(w, h) // 6)
        arr = emboss(
            arr,
            np.asarray(m, np.float32) / 255,
            engraved=rng.random() < 0.7,
            strength=rng.uniform(1.0, 1.6),
        )
        layer = Image.fromarray(arr.astype(np.uint8)).convert("RGBA")
        layer.putalpha(pm)
        return layer, quad
    layer = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    d = ImageDraw.Draw(layer)
    if light_bg:
        fill = rng.choice([(15, 15, 18), (30, 30, 90), (110, 20, 30)])
        stroke = (255, 255, 255)
    else:
        fill = rng.choice([(255, 255, 255), (250, 235, 180), (255, 255, 255)])
        stroke = (0, 0, 0)
    sw = rng.choice([0, 0, max(1, round(cap / 18))])
    if rng.random() < 0.3:  # a label panel behind the text
        d.rounded_rectangle((0, 0, w - 1, h - 1), max(2, pad // 2), fill=stroke + (170,))
        sw = 0
    d.text(
        origin,
        text,
        font=f,
        fill=fill + (255,),
        anchor="ls",
        stroke_width=sw,
        stroke_fill=stroke + (255,),
    )
    return layer, quad


def put_text(
    scene: Image.Image,
    text: str,
    cap: float,
    angle: float,
    fname: str,
    rng: random.Random,
    engraved: bool,
    avoid=None,
):
    """Render text into scene; returns (quad in scene coords, bbox) or (None, None)."""
    # decide the colour from the background where the text will land
    for attempt in range(60):
        lay, quad = text_layer(text, cap, fname, rng, engraved, True)
        rot = lay.rotate(angle, Image.BICUBIC, expand=True)
        if rot.width >= scene.width - 4 or rot.height >= scene.height - 4:
            return None, None
        x = rng.randint(2, scene.width - rot.width - 2)
        y = rng.randint(2, scene.height - rot.height - 2)
        box = (x, y, x + rot.width, y + rot.height)
        if avoid and not (
            box[2] < avoid[0] or box[0] > avoid[2] or box[3] < avoid[1] or box[1] > avoid[3]
        ):
            continue
        break
    else:
        return None, None
    if not engraved:
        lum = np.asarray(scene.crop(box).convert("L"), np.float32).mean()
        lay, quad = text_layer(text, cap, fname, rng, engraved, lum > 120)
        rot = lay.rotate(angle, Image.BICUBIC, expand=True)
    scene.alpha_composite(rot, (x, y))
    q = _rot_points(quad, lay.size, angle, rot.size)
    return [[round(px + x, 1), round(py + y, 1)] for px, py in q], box


# ---------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------
def rnd_account(rng: random.Random, platform: str) -> str:
    if platform == "amazon":
        return "A" + "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(13))
    if platform == "aliexpress":
        return str(rng.randint(1_000_000_000, 4_999_999_999))
    syl = ["lu", "xe", "ra", "mo", "ti", "ka", "ve", "no", "sa", "di", "po", "ren"]
    base = "".join(rng.choice(syl) for _ in range(rng.randint(2, 3)))
    if platform == "webstore":
        return f"{base}-store.example"
    return base + rng.choice(["_deals", ".shop", "_outlet", str(rng.randint(10, 99)), "_finds"])


def listing_url(platform: str, ext: str, account: str) -> str:
    return {
        "amazon": f"https://www.amazon.com/dp/{ext}",
        "ebay": f"https://www.ebay.com/itm/{ext}",
        "etsy": f"https://www.etsy.com/listing/{ext}",
        "aliexpress": f"https://www.aliexpress.com/item/{ext}.html",
        "webstore": f"https://{account}/products/{ext}",
    }[platform]


def check_words() -> None:
    from wordfreq import zipf_frequency

    def ed(a, b):
        prev = list(range(len(b) + 1))
        for i, ca in enumerate(a, 1):
            cur = [i]
            for j, cb in enumerate(b, 1):
                cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
            prev = cur
        return prev[-1]

    langs = ["en", "fr", "es", "it", "de"]
    names = [b["name"] for b in BRANDS] + [n for n, _ in DECOY_NAMES]
    for n in names:
        z = max(zipf_frequency(n.lower(), lang) for lang in langs)
        assert z == 0, (n, z)
    for mark, words in NEAR_WORDS.items():
        for w in words:
            z = max(zipf_frequency(w.lower(), lang) for lang in langs)
            assert z >= 2.5 and 1 <= ed(mark, w) <= 2, (mark, w, z)


def yaml_str(v) -> str:
    if isinstance(v, (int, float)):
        return str(v)
    return json.dumps(v, ensure_ascii=False)


def write_brand_yaml(b: dict) -> str:
    lines = [
        "# Invented brand for Hallmark's image corpus; generated by tests/corpus/images/generate.py",
        f"name: {b['name']}",
        "marks:",
        f"  - text: {b['mark']}",
        "    registrations:",
        f"      - {yaml_str(b['registration'])}",
        "logos:",
    ]
    lines += [f"  - {p}" for p in b["_logo_paths"]]
    lines.append("products:")
    for p in b["products"]:
        lines.append(f"  - name: {yaml_str(p['name'])}")
        lines.append(f"    category: {p['category']}")
        lines.append(f"    keywords: [{', '.join(yaml_str(k) for k in p['keywords'])}]")
        lines.append(
            f"    list_price: {{{', '.join(f'{k}: {v}' for k, v in p['list_price'].items())}}}"
        )
        lines.append(
            f"    price_floor: {{{', '.join(f'{k}: {v}' for k, v in p['price_floor'].items())}}}"
        )
        lines.append(f"    photos: [{', '.join(p['_photos'])}]")
        if p.get("_design"):
            lines.append(f"    designs: [{p['_design']}]")
    lines.append("authorized_sellers:")
    lines.append(f"  - {{platform: amazon, account: A1AUTH{b['n']}}}")
    lines.append(f"  - {{platform: webstore, account: {slug(b['name'])}.example}}")
    return "\n".join(lines) + "\n"


class Corpus:
    def __init__(self, out: Path):
        self.out = out
        self.items: list[dict[str, Any]] = []  # {detector, data(bytes), ext, label}
        self.files: dict[str, bytes] = {}

    def add(self, detector: str, im: Image.Image, q: int, **label):
        self.items.append({"detector": detector, "data": to_jpeg(im, q), "label": label})

    def ref(self, rel: str, data: bytes) -> str:
        self.files[rel] = data
        return rel


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--out", type=Path, default=HERE, help="output folder (default: beside this script)"
    )
    args = ap.parse_args()
    out: Path = args.out
    check_words()
    sources = load_sources()
    C = Corpus(out)

    # ---- regions and official photos ----------------------------------------------------
    other_sources = ["coins", "friends", "gravel", "immunohistochemistry", "sunset"]
    official_sources = sorted(n for n in sources if n not in other_sources)
    assert len(official_sources) == 18, official_sources
    # busy textures make poor scene backgrounds (and large JPEGs); they stay in the stolen-photo set
    SCENE_SOURCES[:] = sorted(
        n
        for n in sources
        if n not in ("grass", "gravel", "hubble_deep_field", "immunohistochemistry")
    )
    region_img = lambda name, k: _fit(
        sources[name]["img"].crop(halves(sources[name]["img"])[k]), SP_SIZE
    )
    products = [(b, p) for b in BRANDS for p in b["products"]]
    order = official_sources[:]
    R.shuffle(order)
    officials = []  # dicts: brand, product, ref, img, source, near (img)
    for i, src in enumerate(order):
        b, p = products[i // 2]
        k = R.randint(0, 1)
        img = region_img(src, k)
        rel = f"refs/{slug(b['name'])}-{slug(p['name'])}-{i % 2 + 1}.jpg"
        data = to_jpeg(img, 90)
        C.ref(rel, data)
        p.setdefault("_photos", []).append("../" + rel)
        officials.append(
            {
                "brand": b,
                "product": p,
                "ref": rel,
                "img": Image.open(io.BytesIO(data)).convert("RGB"),
                "source": src,
                "region": k,
                "near": region_img(src, 1 - k),
            }
        )
    others = [
        {"source": s, "region": k, "img": region_img(s, k)} for s in other_sources for k in (0, 1)
    ]
    pool = [o["near"] for o in officials] + [o["img"] for o in others]

    # ---- stolen_photo -------------------------------------------------------------------
    def deal(n_items: int, per_transform: int) -> list[list[str]]:
        slots: list[list[str]] = [[] for _ in range(n_items)]
        for t in TRANSFORMS:
            cand = sorted(range(n_items), key=lambda i: (len(slots[i]), R.random()))
            cand = [i for i in cand if t not in slots[i]][:per_transform]
            for i in cand:
                slots[i].append(t)
        return slots

    sp_slots = deal(len(officials), 8)
    for o, ts in zip(officials, sp_slots):
        for t in ts:
            coll = R.sample([x for x in pool if x is not o["near"]], 3)
            im, q = apply_transform(t, o["img"], R, coll)
            C.add(
                "stolen_photo",
                im,
                q,
                positive=True,
                brand=o["brand"]["name"],
                reference=o["ref"],
                case=t,
                transform=t,
                source=o["source"],
                product=o["product"]["name"],
                category=o["product"]["category"],
            )
            im, q = apply_transform(
                t, o["near"], R, R.sample([x for x in pool if x is not o["near"]], 3)
            )
            C.add(
                "stolen_photo",
                im,
                q,
                positive=False,
                brand=None,
                reference=None,
                case="near_miss_same_scene",
                transform=t,
                source=o["source"],
                near_brand=o["brand"]["name"],
                near_reference=o["ref"],
            )
    for o, ts in zip(others, deal(len(others), 8)):
        for t in ts:
            im, q = apply_transform(
                t, o["img"], R, R.sample([x for x in pool if x is not o["img"]], 3)
            )
            C.add(
                "stolen_photo",
                im,
                q,
                positive=False,
                brand=None,
                reference=None,
                case="other_photo",
                transform=t,
                source=o["source"],
            )

    # ---- logos --------------------------------------------------------------------------
    brand_logos = []  # (brand, kind, rel, RGBA)
    for bi, b in enumerate(BRANDS):
        pal = PALETTES[bi]
        b["_logo_paths"] = []
        for kind in b["logos"]:
            if kind == "emblem":
                lg = draw_emblem(b["mark"], b["mark"][0], R, pal)
            elif kind == "wordmark":
                lg = fit_width(draw_wordmark(b["mark"], R, pal), 460)
            else:
                lg = draw_monogram(b["letters"], R, pal)
            rel = f"refs/{slug(b['name'])}-{kind}.png"
            C.ref(rel, to_png(lg))
            b["_logo_paths"].append("../" + rel)
            brand_logos.append((b, kind, rel, lg))
    decoys = []
    for di, (dn, dl) in enumerate(DECOY_NAMES):
        pal = PALETTES[(di + 2) % len(PALETTES)]
        decoys += [
            (dn, "emblem", draw_emblem(dn, dn[0], R, pal)),
            (dn, "wordmark", fit_width(draw_wordmark(dn, R, pal), 460)),
            (dn, "monogram", draw_monogram(dl, R, pal)),
        ]

    def logo_scene(lg: Image.Image, frac: float, render: str, occl: bool):
        scene = random_crop(sources, R, SCENE).convert("RGBA")
        angle = round(R.uniform(-40, 40), 1)
        px = frac * SCENE[0]
        if render == "engraved":
            patch, rect = engrave_patch(fit_width(lg, max(24, round(px))), R)
            quad, angle = place_mark(scene, patch, rect, frac, angle, 0.08, R, px)
        elif render == "printed":
            patch, rect = box_patch(fit_width(lg, max(24, round(px))), R)
            angle = round(R.uniform(-20, 20), 1)
            quad, angle = place_mark(scene, patch, rect, frac, angle, 0.16, R, px, before=box_sides)
        else:
            quad, angle = place_mark(
                scene, lg, (0, 0, lg.width, lg.height), frac, angle, 0.08, R, px
            )
        assert quad is not None, (lg.size, frac, render)
        share = occlude(scene, [tuple(p) for p in quad], R, sources) if occl else 0.0
        return scene.convert("RGB"), quad, angle, share

    def logo_plan(lg, n_regular=6):
        plan = []
        fr = [0.15, 0.20, 0.30, 0.40, 0.20, 0.30]
        R.shuffle(fr)
        tall = lg.height > 0.6 * lg.width
        for j in range(n_regular):
            render = "engraved" if j in (1, 4) else "flat"
            if render == "engraved" and tall:
                fr[j] = min(fr[j], 0.30)
            plan.append((fr[j], render, render == "flat" and R.random() < 0.4))
        plan += [(0.10, "flat", False), (0.10, R.choice(["flat", "engraved"]), False)]
        top = 0.20 if tall else 0.30
        plan += [(R.choice([0.15, top]), "printed", False), (top, "printed", R.random() < 0.3)]
        return plan

    for b, kind, rel, lg in brand_logos:
        for frac, render, occl in logo_plan(lg):
            scene, quad, angle, share = logo_scene(lg, frac, render, occl)
            lk = "small" if frac < 0.15 else ("packaging" if render == "printed" else kind)
            C.add(
                "logo",
                scene,
                R.randint(60, 90),
                positive=True,
                brand=b["name"],
                reference=rel,
                case=lk,
                logo_kind=lk,
                logo_type=kind,
                render=render,
                width_frac=frac,
                rotation=angle,
                occluded=share > 0,
                occluded_frac=share,
                quad=quad,
            )
    for dn, kind, lg in decoys:
        for frac, render, occl in logo_plan(lg):
            scene, quad, angle, share = logo_scene(lg, frac, render, occl)
            C.add(
                "logo",
                scene,
                R.randint(60, 90),
                positive=False,
                brand=None,
                reference=None,
                case="other_logo",
                logo_kind=None,
                decoy=f"{dn} {kind}",
                render=render,
                width_frac=frac,
                rotation=angle,
                occluded=share > 0,
                quad=quad,
            )
    for k in range(40):
        kind = ["seal", "triangle", "tag", "leaf"][k % 4]
        lg = draw_generic_badge(kind, R)
        render = R.choice(["flat", "flat", "engraved", "printed"])
        frac = R.choice([0.10, 0.15, 0.20, 0.30, 0.40] if render == "flat" else [0.10, 0.15, 0.20])
        scene, quad, angle, share = logo_scene(lg, frac, render, False)
        C.add(
            "logo",
            scene,
            R.randint(60, 90),
            positive=False,
            brand=None,
            reference=None,
            case="brand_like_shape",
            logo_kind=None,
            decoy=kind,
            render=render,
            width_frac=frac,
            rotation=angle,
            occluded=False,
            quad=quad,
        )
    for k in range(44):
        scene = random_crop(sources, R, SCENE)
        C.add(
            "logo",
            scene,
            R.randint(60, 90),
            positive=False,
            brand=None,
            reference=None,
            case="no_logo",
            logo_kind=None,
        )
    for k in range(16):  # a blank plate or a blank box: the object without any mark
        scene = random_crop(sources, R, SCENE).convert("RGBA")
        blank = Image.new("RGBA", (R.randint(120, 220), R.randint(60, 120)), (0, 0, 0, 0))
        render = "engraved" if k % 2 else "printed"
        patch, rect = (engrave_patch if k % 2 else box_patch)(blank, R)
        place_mark(
            scene,
            patch,
            rect,
            0.2,
            round(R.uniform(-30, 30), 1),
            0.12,
            R,
            R.uniform(0.1, 0.3) * SCENE[0],
            before=None if k % 2 else box_sides,
        )
        C.add(
            "logo",
            scene.convert("RGB"),
            R.randint(60, 90),
            positive=False,
            brand=None,
            reference=None,
            case="blank_object",
            logo_kind=None,
            render=render,
        )

    # ---- image_text ---------------------------------------------------------------------
    def text_scene(word: str, cap: float, angle: float, engraved: bool, second: str | None):
        for _ in range(20):
            scene = random_crop(sources, R, SCENE).convert("RGBA")
            fname = R.choice(TEXT_FONTS)
            quad, box = put_text(scene, word, cap, angle, fname, R, engraved)
            if quad is None:
                cap *= 0.97
                continue
            if second:
                put_text(
                    scene,
                    second,
                    R.uniform(14, 26),
                    round(R.uniform(-10, 10), 1),
                    R.choice(TEXT_FONTS),
                    R,
                    False,
                    avoid=box,
                )
            return scene.convert("RGB"), quad, fname, cap
        raise RuntimeError(word)

    for b in BRANDS:
        plan = (
            [("rendered", True)] * 9
            + [("engraved", True)] * 3
            + [("rendered", False), ("engraved" if b["n"] % 2 else "rendered", False)]
        )
        for j, (style, legible) in enumerate(plan):
            word = b["mark"] if R.random() < 0.6 else b["mark"].capitalize()
            if legible:
                cap = round(R.uniform(20, 60), 1)
                angle = round(R.uniform(-30, 30), 1) if R.random() < 0.7 else 0.0
            elif R.random() < 0.5:
                cap, angle = round(R.uniform(10, 16), 1), round(R.uniform(-15, 15), 1)
            else:
                cap, angle = (
                    round(R.uniform(22, 40), 1),
                    round(R.choice([-1, 1]) * R.uniform(60, 90), 1),
                )
            second = R.choice(SECOND_WORDS) if j % 3 == 0 else None
            scene, quad, fname, cap = text_scene(word, cap, angle, style == "engraved", second)
            C.add(
                "image_text",
                scene,
                QUERY_Q,
                positive=True,
                brand=b["name"],
                reference=None,
                case=style,
                text=word,
                other_text=second,
                cap_height_px=round(cap, 1),
                rotation=angle,
                legible=cap >= 20 and abs(angle) <= 30,
                font=fname,
                quad=quad,
            )
    near = [(m, w) for m, ws in NEAR_WORDS.items() for w in ws]
    for k in range(48):
        mark, w = near[k % len(near)]
        w = w if R.random() < 0.6 else w.capitalize()
        engraved = k % 4 == 3
        cap, angle = round(R.uniform(20, 60), 1), round(R.uniform(-30, 30), 1)
        scene, quad, fname, cap = text_scene(
            w, cap, angle, engraved, R.choice(SECOND_WORDS) if k % 3 == 0 else None
        )
        C.add(
            "image_text",
            scene,
            QUERY_Q,
            positive=False,
            brand=None,
            reference=None,
            case="near_word",
            text=w,
            near_mark=mark,
            cap_height_px=round(cap, 1),
            rotation=angle,
            legible=True,
            font=fname,
            quad=quad,
        )
    for k in range(50):
        w = OTHER_WORDS[k % len(OTHER_WORDS)]
        w = w if R.random() < 0.6 else w.capitalize()
        cap, angle = round(R.uniform(20, 60), 1), round(R.uniform(-30, 30), 1)
        scene, quad, fname, cap = text_scene(
            w, cap, angle, k % 4 == 3, R.choice(SECOND_WORDS) if k % 3 == 0 else None
        )
        C.add(
            "image_text",
            scene,
            QUERY_Q,
            positive=False,
            brand=None,
            reference=None,
            case="other_word",
            text=w,
            cap_height_px=round(cap, 1),
            rotation=angle,
            legible=True,
            font=fname,
            quad=quad,
        )
    for k in range(42):
        C.add(
            "image_text",
            random_crop(sources, R, SCENE),
            QUERY_Q,
            positive=False,
            brand=None,
            reference=None,
            case="text_free",
            text=None,
        )

    # ---- design -------------------------------------------------------------------------
    pump_b, pump_p = BRANDS[1], BRANDS[1]["products"][0]
    bang_b, bang_p = BRANDS[0], BRANDS[0]["products"][0]
    ref_pump = Image.new("RGB", (480, 336), (255, 255, 255))
    pr = render_pump({"colour": "black", "metal": "gold", "pattern": "studs"})
    pr = pr.resize((460, round(pr.height * 460 / pr.width)), Image.LANCZOS)
    ref_pump.paste(pr, (10, (336 - pr.height) // 2), pr)
    rel_pump = C.ref(
        f"refs/{slug(pump_b['name'])}-{slug(pump_p['name'])}-design.png", to_png(ref_pump)
    )
    pump_p["_design"] = "../" + rel_pump
    ref_bang = Image.new("RGB", (420, 420), (255, 255, 255))
    br = render_bangle({"metal": "gold", "pattern": "screws", "n": 10, "tilt": 50})
    br = br.resize((400, round(br.height * 400 / br.width)), Image.LANCZOS)
    ref_bang.paste(br, (10, (420 - br.height) // 2), br)
    rel_bang = C.ref(
        f"refs/{slug(bang_b['name'])}-{slug(bang_p['name'])}-design.png", to_png(ref_bang)
    )
    bang_p["_design"] = "../" + rel_bang

    def pump_query(pattern: str, outline="upper"):
        colour = R.choice(sorted(SHOE_COLOURS))
        metal = R.choice(sorted(METALS))
        obj = render_pump(
            {
                "colour": colour,
                "metal": metal,
                "pattern": pattern,
                "outline": outline,
                "light": R.uniform(0, 360),
                "seed": R.randint(0, 10**6),
                "spacing": R.choice([24, 26, 28]),
            }
        )
        params = {"colour": colour, "metal": metal}
        return obj, params

    def bangle_query(pattern: str):
        metal = R.choice(sorted(METALS))
        tilt = round(R.uniform(15, 68), 1)
        obj = render_bangle(
            {
                "metal": metal,
                "pattern": pattern,
                "n": 10,
                "tilt": tilt,
                "light": R.uniform(-180, 180),
                "phase": R.uniform(0, 1),
                "band": R.choice([40, 46, 52]),
            }
        )
        return obj, {"metal": metal, "tilt": tilt}

    def stage(obj, kind):
        bg = R.choice(["white", "studio", "studio", "dark", "photo"])
        scale = round(R.uniform(0.5, 0.95), 2)
        rot = round(R.uniform(-25, 25), 1) if kind == "pump" else round(R.uniform(-90, 90), 1)
        flip = R.random() < 0.5
        squash = round(R.uniform(0.72, 1.0), 2)
        im = design_canvas(obj, R, DESIGN_SIZE, bg, sources, scale, rot, flip, squash)
        return im, {
            "background": bg,
            "scale": scale,
            "rotation": rot,
            "mirrored": flip,
            "squash": squash,
        }

    for name, b, p, rel, maker, pat, kind in [
        ("studded_pump", pump_b, pump_p, rel_pump, pump_query, "studs", "pump"),
        ("screw_bangle", bang_b, bang_p, rel_bang, bangle_query, "screws", "bangle"),
    ]:
        for k in range(20):
            obj, params = maker(pat)
            im, view = stage(obj, kind)
            C.add(
                "design",
                im,
                QUERY_Q,
                positive=True,
                brand=b["name"],
                reference=rel,
                case=name,
                design=name,
                product=p["name"],
                category=p["category"],
                **params,
                **view,
            )
        for k in range(12):
            obj, params = maker("none")
            im, view = stage(obj, kind)
            C.add(
                "design",
                im,
                QUERY_Q,
                positive=False,
                brand=None,
                reference=None,
                case="plain_variant",
                near_design=name,
                category=p["category"],
                **params,
                **view,
            )
        for k in range(10):
            obj, params = maker(
                ["dots", "stripes", "sparse"][k % 3] if kind == "pump" else ["gems", "dots"][k % 2]
            )
            im, view = stage(obj, kind)
            C.add(
                "design",
                im,
                QUERY_Q,
                positive=False,
                brand=None,
                reference=None,
                case="other_pattern",
                near_design=name,
                category=p["category"],
                **params,
                **view,
            )
        for k in range(10):
            if kind == "pump":
                obj, params = maker("none", outline=["flat", "boot"][k % 2])
            else:
                metal = R.choice(sorted(METALS))
                obj, params = render_chain({"metal": metal}), {"metal": metal}
            im, view = stage(obj, kind)
            C.add(
                "design",
                im,
                QUERY_Q,
                positive=False,
                brand=None,
                reference=None,
                case="other_shape",
                near_design=name,
                category=p["category"],
                **params,
                **view,
            )
        for k in range(8):
            C.add(
                "design",
                random_crop(sources, R, (DESIGN_SIZE, DESIGN_SIZE)),
                QUERY_Q,
                positive=False,
                brand=None,
                reference=None,
                case="photo",
                near_design=name,
                category=None,
            )

    write_all(C, sources, officials)


PREFIX = {"stolen_photo": "sp", "logo": "lg", "image_text": "tx", "design": "ds"}


def write_all(C: Corpus, sources, officials) -> None:
    out = C.out
    for sub in ("images", "refs", "brands"):
        if (out / sub).exists():
            shutil.rmtree(out / sub)
        (out / sub).mkdir(parents=True)
    # file names: shuffled within each detector so the number says nothing about the label
    labels = []
    for det, pre in PREFIX.items():
        items = [it for it in C.items if it["detector"] == det]
        R.shuffle(items)
        for n, it in enumerate(items, 1):
            rel = f"images/{pre}_{n:04d}.jpg"
            (out / rel).write_bytes(it["data"])
            lab = {"file": rel, "split": None, "detector": det}
            lab.update(it["label"])
            lab["sha256"] = hashlib.sha256(it["data"]).hexdigest()
            labels.append(lab)
    for rel, data in sorted(C.files.items()):
        (out / rel).write_bytes(data)
    for b in BRANDS:
        (out / "brands" / f"{slug(b['name'])}.yaml").write_text(
            write_brand_yaml(b), encoding="utf-8"
        )
    # stratified split
    split_rng = random.Random(SEED)
    groups = collections.defaultdict(list)
    for lab in labels:
        groups[(lab["detector"], lab["case"])].append(lab)
    for key in sorted(groups):
        g = sorted(groups[key], key=lambda x: x["file"])
        split_rng.shuffle(g)
        n_dev = round(DEV_SHARE * len(g))
        for i, lab in enumerate(g):
            lab["split"] = "dev" if i < n_dev else "holdout"
    labels.sort(key=lambda x: x["file"])
    key_order = ["file", "split", "detector", "positive", "brand", "reference", "case", "sha256"]
    with open(out / "labels.jsonl", "w", encoding="utf-8") as fh:
        for lab in labels:
            row = {k: lab[k] for k in key_order}
            row.update({k: v for k, v in lab.items() if k not in key_order})
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    # import records
    brand_by_name = {b["name"]: b for b in BRANDS}
    lrng = random.Random(SEED + 1)
    recs = {"dev": [], "holdout": []}
    for lab in labels:
        platform = lrng.choice(PLATFORMS)
        account = rnd_account(lrng, platform)
        stem = lab["file"].split("/")[-1].rsplit(".", 1)[0]
        cat = lab.get("category")
        if cat is None and lab["brand"]:
            cat = lrng.choice(brand_by_name[lab["brand"]]["products"])["category"]
        if cat is None:
            cat = lrng.choice(sorted(GENERIC_TITLES))
        title = lrng.choice(GENERIC_TITLES[cat])
        price = round(lrng.uniform(9, 149), 2)
        recs[lab["split"]].append(
            {
                "kind": "listing",
                "platform": platform,
                "external_id": stem,
                "url": listing_url(platform, stem, account),
                "account": account,
                "title": title,
                "price": f"{price:.2f}",
                "currency": "USD",
                "images": [lab["file"]],
                "captured_at": f"2026-11-{lrng.randint(1, 20):02d}T{lrng.randint(0, 23):02d}:{lrng.randint(0, 59):02d}:00Z",
            }
        )
    for split, rows in recs.items():
        with open(out / f"{split}.jsonl", "w", encoding="utf-8") as fh:
            for r in rows:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    write_readme(out, labels, sources, officials)
    print(f"wrote {len(labels)} images, {len(C.files)} refs, {len(BRANDS)} brands to {out}")


CASE_TEXT = {
    "stolen_photo": [
        (
            "<transform> (positive)",
            "an official product photo (`reference`) after that transform; `transform` names it",
        ),
        (
            "near_miss_same_scene",
            "the other half of the same source photo as an official photo (same scene, light and "
            "photographer, no overlap with the official region), same transforms",
        ),
        (
            "other_photo",
            "halves of 5 photos that are no brand's photo (gravel looks like brick/grass, sunset like "
            "the mountain shots, coins, a cell stain, dogs), same transforms",
        ),
    ],
    "logo": [
        (
            "emblem / wordmark / monogram",
            "that brand logo in a photo scene, width 15-40 % of the scene, rotated up to "
            "+-40 deg, mild perspective; `render` flat or engraved (pressed into a brushed metal plate); some "
            "partly covered (`occluded_frac` 5-20 %)",
        ),
        ("small", "a logo at 10 % of the scene width (51 px)"),
        (
            "packaging",
            "the logo printed on a product box face drawn in perspective (side and top faces visible)",
        ),
        (
            "other_logo",
            "near miss: an invented look-alike logo of no brand, made by the same emblem / wordmark / "
            "monogram generators, placed the same ways",
        ),
        (
            "brand_like_shape",
            "generic badges (quality seal, triangle-in-circle, sale tag, eco ring) placed the same ways",
        ),
        ("blank_object", "a blank metal plate or a blank product box: the object without any mark"),
        ("no_logo", "the photo scene alone"),
    ],
    "image_text": [
        (
            "rendered",
            "the brand's mark (upper or title case) written on the photo in a DejaVu font, sometimes on a "
            "panel or with a stroke, sometimes with a second unrelated word (`other_text`)",
        ),
        (
            "engraved",
            "the mark pressed into a brushed metal plate (groove and highlight) placed in the photo",
        ),
        (
            "near_word",
            "a real word one or two letters away from a mark (wordfreq zipf >= 2.5), same styles",
        ),
        ("other_word", "ordinary words, same styles"),
        ("text_free", "the photo scene alone"),
    ],
    "design": [
        (
            "studded_pump / screw_bangle",
            "a new render of the registered design: other colour or metal, scale, "
            "rotation, mirrored, horizontal squash (viewpoint), background (white, studio gradient, dark, blurred "
            "photo), lighting direction, brightness and contrast; no brand word",
        ),
        ("plain_variant", "the same product shape without the protected pattern"),
        (
            "other_pattern",
            "the same shape with another pattern (dots, stripes, scattered studs; gems or dots on the bangle)",
        ),
        (
            "other_shape",
            "another product shape in similar colours (ballet flat, ankle boot; a link chain)",
        ),
        ("photo", "a photo crop, no product"),
    ],
}


def write_readme(out: Path, labels, sources, officials) -> None:
    cnt = collections.Counter((l["detector"], l["case"], l["positive"], l["split"]) for l in labels)
    size = sum(
        p.stat().st_size for sub in ("images", "refs", "brands") for p in (out / sub).iterdir()
    )
    size += sum((out / f).stat().st_size for f in ("labels.jsonl", "dev.jsonl", "holdout.jsonl"))
    L = []
    L.append("# Hallmark image corpus (frozen)\n")
    L.append(
        "A labelled image corpus for measuring Hallmark's four image detectors: `stolen_photo` (a copy of a "
        "brand's official product photo after a transform), `logo` (a brand logo inside a photo), `image_text` "
        "(the brand's word mark written in a photo, read by OCR) and `design` (a product copying a registered "
        "design, shown in another render, with no brand word). **All five brands are invented**; their logos, "
        "designs, boxes, plates and texts are drawn by `generate.py`. The photographs are real and openly "
        "licensed (below). Because only 23 suitable photos are available offline, each photo is cut into two "
        "non-overlapping halves that act as two different photos; the half not used as an official photo is "
        'the near miss "same scene, same photographer".\n'
    )
    L.append(
        "**Freeze rule:** this corpus was frozen in its own commit before any threshold was chosen. Never edit "
        "it by hand: change `generate.py`, regenerate, and commit the result as a new frozen version (and "
        "re-tune on `dev` only). Report scores on `holdout`.\n"
    )
    L.append("## Layout\n")
    L.append(
        "- `images/` – the query images (`sp_` stolen_photo, `lg_` logo, `tx_` image_text, `ds_` design); "
        "JPEG, at most 640 px on the long side. Numbers are shuffled within each detector."
    )
    L.append(
        "- `refs/` – what the brands register: logos (PNG, transparent), official photos (JPEG q90, 448 px), "
        "design references (PNG)."
    )
    L.append(
        "- `brands/*.yaml` – the 5 brand files in the README's brand-file format; picture paths are relative "
        "to the brand file (`../refs/...`)."
    )
    L.append("- `labels.jsonl` – one label per query image, sorted by `file`.")
    L.append(
        "- `dev.jsonl`, `holdout.jsonl` – canonical import records, one `listing` per query image of that split "
        '(`external_id` = image stem, `images: ["images/..."]` relative to this folder, which is where the '
        "importer requires them to be). Titles are brand-free and generic; no account is a brand's authorized "
        "seller."
    )
    L.append(
        "- `generate.py` – the generator; `check.py` – the validator (standard library + Pillow; PyYAML and "
        "Hallmark's own brand loader are used when importable).\n"
    )
    L.append(
        "Regenerate: `python tests/corpus/images/generate.py` (requirements at its top: numpy, Pillow 13.0.0, "
        "scikit-image 0.26.0, scikit-learn 1.9.1, wordfreq, Debian DejaVu fonts; it fetches the Debian "
        "wallpaper package with `apt-get download` and unpacks it with `dpkg -x`, no install). Seeded with "
        "`random.Random(20261124)` and `numpy.random.default_rng(20261124)`; the output is byte-identical on "
        "every run with the same library versions. Check: `python tests/corpus/images/check.py` "
        "(add `--regenerate` to rerun the generator into a temporary folder and compare every digest).\n"
    )
    L.append("## Labels\n")
    L.append(
        "Every line: `file`, `split` (`dev`/`holdout`), `detector`, `positive`, `brand` (brand name or null), "
        "`reference` (the ref file for stolen_photo/logo/design positives, else null), `case`, `sha256`, then "
        "detector fields:\n"
    )
    L.append(
        "- stolen_photo: `transform`, `source` (which photo), `product`/`category` for positives; near misses "
        "carry `near_brand` and `near_reference` (the official photo of the same scene)."
    )
    L.append(
        "- logo: `logo_kind` (emblem, wordmark, monogram, packaging, small; null for negatives), `logo_type` "
        "(the ref's kind), `render` (flat, engraved, printed), `width_frac` (logo width / image width, from "
        "{0.10, 0.15, 0.20, 0.30, 0.40}), `rotation` (degrees, counter-clockwise), `occluded`, `occluded_frac`, "
        "`quad` (the 4 corners of the placed logo, top-left, top-right, bottom-right, bottom-left of the "
        "logo's own frame, in output pixels); negatives with a placed shape carry `decoy` and its `quad`."
    )
    L.append(
        "- image_text: `text` (as written), `other_text` (a second unrelated word or null), `cap_height_px`, "
        "`rotation`, `legible` (true when cap height >= 20 px and |rotation| <= 30 deg), `font`, `quad` (the "
        "cap-height box of the word); `near_mark` for near words."
    )
    L.append(
        "- design: `design`, `product`, `category`, render parameters (`colour`/`metal`, `tilt`, "
        "`background`, `scale`, `rotation`, `mirrored`, `squash`); negatives carry `near_design`.\n"
    )
    L.append(
        "Split: within each (detector, case) group the files are shuffled with `random.Random(20261124)` and "
        "round(60 %) go to `dev`, the rest to `holdout`.\n"
    )
    L.append("## Cases\n")
    for det, rows in CASE_TEXT.items():
        L.append(f"**{det}**\n")
        for c, t in rows:
            L.append(f"- `{c}`: {t}")
        L.append("")
    L.append(
        "Stolen-photo transforms (each official photo gets 7 or 8 of the 16, dealt so every transform has "
        "8 positives): `resize50`, `jpeg30` (re-encoded at quality 30), `crop90`, `crop70_offcentre`, "
        "`crop50_offcentre`, `mirror`, `watermark_text` (text overlay + round badge), `hue60`, `greyscale`, "
        "`brightness_contrast`, `rotate5`, `rotate20` (expanded, white or black corners), `border_frame` (a "
        "border or a phone-screenshot frame), `listing_canvas` (shrunk to 55 % on a white square canvas with a "
        "price banner), `collage_tile` (one tile of a 2x2 collage of other photos), "
        "`crop80_mirror_watermark_jpeg50`. Queries are JPEG quality 88 except `jpeg30` (30) and the last one "
        "(50); stolen-photo queries are at most 360 px on the long side; logo and text scenes are 512x288, logo scenes JPEG 60-90.\n"
    )
    L.append("## Counts\n")
    dets = list(PREFIX)
    L.append("| detector | positives | negatives | dev | holdout | total |")
    L.append("|---|---|---|---|---|---|")
    for det in dets:
        ls = [l for l in labels if l["detector"] == det]
        L.append(
            f"| {det} | {sum(l['positive'] for l in ls)} | {sum(not l['positive'] for l in ls)} | "
            f"{sum(l['split'] == 'dev' for l in ls)} | {sum(l['split'] == 'holdout' for l in ls)} | {len(ls)} |"
        )
    L.append(
        f"| **all** | {sum(l['positive'] for l in labels)} | {sum(not l['positive'] for l in labels)} | "
        f"{sum(l['split'] == 'dev' for l in labels)} | {sum(l['split'] == 'holdout' for l in labels)} | {len(labels)} |\n"
    )
    L.append("Per case:\n")
    L.append("| detector | case | positive | dev | holdout | total |")
    L.append("|---|---|---|---|---|---|")
    keys = sorted(
        {(l["detector"], l["case"], l["positive"]) for l in labels},
        key=lambda k: (dets.index(k[0]), not k[2], k[1]),
    )
    for det, case, pos in keys:
        dv, ho = cnt[(det, case, pos, "dev")], cnt[(det, case, pos, "holdout")]
        L.append(f"| {det} | {case} | {'yes' if pos else 'no'} | {dv} | {ho} | {dv + ho} |")
    legible = collections.Counter(
        l["legible"] for l in labels if l["detector"] == "image_text" and l["positive"]
    )
    L.append(
        f"\nimage_text positives: {legible[True]} legible, {legible[False]} illegible (cap height 10-16 px or "
        "rotated 60-90 deg). Logo positives occluded: "
        f"{sum(1 for l in labels if l['detector'] == 'logo' and l['positive'] and l['occluded'])}; engraved: "
        f"{sum(1 for l in labels if l['detector'] == 'logo' and l['positive'] and l['render'] == 'engraved')}.\n"
    )
    L.append(f"Size of the generated files (images, refs, brands, jsonl): {size / 1e6:.1f} MB.\n")
    L.append("## Brands\n")
    L.append("| brand | mark | logos | products (official photos from) | design |")
    L.append("|---|---|---|---|---|")
    for b in BRANDS:
        prods = "; ".join(
            f"{p['name']} ({', '.join(o['source'] for o in officials if o['product'] is p)})"
            for p in b["products"]
        )
        des = (
            ", ".join(p["_design"].split("/")[-1] for p in b["products"] if p.get("_design")) or "-"
        )
        L.append(f"| {b['name']} | {b['mark']} | {', '.join(b['logos'])} | {prods} | {des} |")
    L.append(
        "\nThe names were checked to be no word in wordfreq (en, fr, es, it, de); the decoy logo names "
        f'({", ".join(n for n, _ in DECOY_NAMES)}) too. The official "product photos" are stand-ins: real '
        "photos of other subjects (a fig bowl, brushes, mountains, a cat...), because no licensed product "
        "photos are available offline; the detector only has to recognise the same picture.\n"
    )
    L.append("## Sources and licences\n")
    L.append("| photo | origin | licence |")
    L.append("|---|---|---|")
    for name in sorted(sources):
        L.append(f"| {name} | {sources[name]['origin']} | {sources[name]['licence']} |")
    L.append("")
    L.append(
        "- scikit-image photos: licences as stated in each `skimage.data` function's docstring (0.26.0). "
        "`moon` is not used (no licence stated); `eagle`, `lily` and others need the internet and are not used."
    )
    L.append(
        "- scikit-learn photos: `sklearn/datasets/images/README.txt` in the wheel: Creative Commons "
        "Attribution 2.0 (https://creativecommons.org/licenses/by/2.0/), Flickr users danielbuechele "
        "(china.jpg) and vultilion (flower.jpg)."
    )
    L.append(
        "- Debian `lomiri-wallpapers-16.04` (20.04.0-2, Debian main): licences from its "
        "`/usr/share/doc/lomiri-wallpapers-16.04/copyright` file; only the CC-BY-4.0 "
        "(https://creativecommons.org/licenses/by/4.0/) and CC0-1.0 photos are used; the CC-BY-SA ones "
        "(analogpattern, Bridge, Dragonfly, free, greentock) and the abstract `umang` render are not. The "
        "derived images here are cropped, scaled, recoloured and composited (CC-BY 4.0 requires attribution "
        "and an indication of changes: this table and the case descriptions are that)."
    )
    L.append(
        "- Fonts: DejaVu (Debian `fonts-dejavu-core` 2.37; Bitstream Vera licence, DejaVu changes public "
        "domain), used to draw text and logos; no font file is shipped."
    )
    L.append(
        "- Everything else (logos, designs, boxes, plates, badges, frames) is drawn by `generate.py` and is "
        "under the project's licence."
    )
    (out / "README.md").write_text("\n".join(L) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
