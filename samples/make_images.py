"""Draw the demo images for the Hallmark samples (seeded, deterministic).

Run:  .venv/bin/python samples/make_images.py

Writes
  samples/brands/logos/*.png     one wordmark per invented brand
  samples/brands/photos/*.jpg    official product photos (referenced by the brand YAML)
  samples/brands/designs/*.png   registered-design line drawings
  samples/img/*.jpg              listing photos (copies / edits of official photos,
                                 near copies for the split-act scenario, unrelated items)
Every image is drawn from primitives; nothing is downloaded.  Each file stays < 60 kB.
"""

from __future__ import annotations

import itertools
import math
import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont, ImageOps

SEED = 20261101
HERE = Path(__file__).resolve().parent
BRANDS = HERE / "brands"
IMG = HERE / "img"
SIZE = 400
MAX_BYTES = 60_000

_FONT_DIRS = ["/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu", "/usr/share/fonts"]

GOLD = (212, 175, 55)
GOLD_DARK = (150, 115, 30)
GOLD_LIGHT = (245, 220, 130)
ROSE = (215, 150, 130)
SILVER = (200, 200, 205)


def font(size: int, serif: bool = True, bold: bool = False) -> ImageFont.FreeTypeFont:
    name = ("DejaVuSerif" if serif else "DejaVuSans") + ("-Bold" if bold else "") + ".ttf"
    for d in _FONT_DIRS:
        p = Path(d) / name
        if p.is_file():
            return ImageFont.truetype(str(p), size)
    try:
        return ImageFont.truetype(name, size)
    except OSError:
        return ImageFont.load_default(size=size)


def gradient(
    top: tuple[int, int, int], bottom: tuple[int, int, int], w: int = SIZE, h: int = SIZE
) -> Image.Image:
    im = Image.new("RGB", (w, h), top)
    d = ImageDraw.Draw(im)
    for y in range(h):
        t = y / max(1, h - 1)
        c = tuple(int(top[i] + (bottom[i] - top[i]) * t) for i in range(3))
        d.line([(0, y), (w, y)], fill=c)
    return im


def save_jpg(im: Image.Image, path: Path, quality: int = 84) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    q = quality
    while True:
        im.convert("RGB").save(path, "JPEG", quality=q, optimize=True)
        if path.stat().st_size < MAX_BYTES or q <= 30:
            break
        q -= 8


def save_png(im: Image.Image, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    im.save(path, "PNG", optimize=True)


def shade(c: tuple[int, int, int], f: float) -> tuple[int, int, int]:
    return tuple(max(0, min(255, int(v * f))) for v in c)


# ---------------------------------------------------------------- products


def bangle(
    d: ImageDraw.ImageDraw,
    cx: int,
    cy: int,
    rx: int,
    ry: int,
    color=GOLD,
    screws: int = 8,
    width: int = 22,
    engraving: str | None = None,
    fnt=None,
) -> None:
    """A bangle seen at an angle, with screw heads (circle + slot) around it."""
    dark, light = shade(color, 0.7), shade(color, 1.18)
    d.ellipse([cx - rx, cy - ry, cx + rx, cy + ry], outline=dark, width=width + 4)
    d.ellipse([cx - rx + 2, cy - ry + 2, cx + rx - 2, cy + ry - 2], outline=color, width=width)
    d.arc([cx - rx + 6, cy - ry + 6, cx + rx - 6, cy + ry - 6], 200, 340, fill=light, width=4)
    for i in range(screws):
        a = 2 * math.pi * (i + 0.5) / screws
        x = cx + (rx - width / 2) * math.cos(a)
        y = cy + (ry - width / 2) * math.sin(a)
        r = max(4, width // 3)
        d.ellipse([x - r, y - r, x + r, y + r], fill=light, outline=dark, width=2)
        ang = a + 0.8
        d.line(
            [
                (x - r * 0.8 * math.cos(ang), y - r * 0.8 * math.sin(ang)),
                (x + r * 0.8 * math.cos(ang), y + r * 0.8 * math.sin(ang)),
            ],
            fill=dark,
            width=2,
        )
    if engraving:
        d.text(
            (cx, cy + ry - width // 2), engraving, fill=shade(color, 0.45), font=fnt, anchor="mm"
        )


def ring(d: ImageDraw.ImageDraw, cx: int, cy: int, r: int, color=GOLD, beads: int = 18) -> None:
    dark, light = shade(color, 0.7), shade(color, 1.2)
    d.ellipse([cx - r, cy - int(r * 0.55), cx + r, cy + int(r * 0.55)], outline=dark, width=18)
    d.ellipse(
        [cx - r + 3, cy - int(r * 0.55) + 3, cx + r - 3, cy + int(r * 0.55) - 3],
        outline=color,
        width=12,
    )
    for i in range(beads):
        a = 2 * math.pi * i / beads
        x = cx + (r - 9) * math.cos(a)
        y = cy + (r * 0.55 - 9) * math.sin(a)
        d.ellipse([x - 4, y - 4, x + 4, y + 4], fill=light, outline=dark)


def pump(
    d: ImageDraw.ImageDraw,
    ox: int,
    oy: int,
    scale: float = 1.0,
    color=(20, 20, 22),
    studs: bool = True,
    stud_color=GOLD,
    flip: bool = False,
    toe: float = 0.0,
    studs_per_edge: int = 2,
) -> None:
    """Side view of a pointed-toe stiletto pump; optional pyramid studs along the topline and
    heel counter. `toe` bends the last: a longer, lower toe and a higher heel (another model
    of the same design, which no flat transform of the drawing maps onto the original)."""

    def P(x: float, y: float) -> tuple[float, float]:
        if toe:
            x, y = x * (1 + toe * 0.25 * (x < 0)), y - toe * 30 * max(0.0, x / 150) ** 2
        x = -x if flip else x
        return (ox + x * scale, oy + y * scale)

    sole = [(-160, 95), (-110, 99), (-60, 100), (0, 92), (40, 80), (80, 55), (110, 34), (140, 22)]
    top = [
        (-160, 95),
        (-135, 80),
        (-100, 64),
        (-60, 54),
        (-35, 50),
        (0, 47),
        (40, 40),
        (80, 22),
        (110, 4),
        (135, -14),
        (148, -26),
    ]
    dark = shade(color, 0.6)
    heel = [P(112, 30), P(146, 16), P(137, 103), P(131, 103)]
    d.polygon(heel, fill=dark)
    d.polygon(
        [P(*q) for q in top] + [P(150, 0), P(140, 22)] + [P(*q) for q in reversed(sole)], fill=color
    )
    d.line([P(*q) for q in sole], fill=dark, width=max(2, int(4 * scale)))
    lining = [P(x, y + 4) for x, y in top[4:]]
    d.line(lining, fill=(236, 222, 208), width=max(2, int(4 * scale)))
    d.line([P(-160, 95), P(-60, 100)], fill=dark, width=max(2, int(5 * scale)))
    if studs:
        s = 6
        line_pts = top[3:]
        for (x0, y0), (x1, y1) in itertools.pairwise(line_pts):
            for t in [i / studs_per_edge for i in range(studs_per_edge)]:
                x, y = x0 + (x1 - x0) * t, y0 + (y1 - y0) * t + 8
                d.polygon(
                    [P(x - s, y + s), P(x + s, y + s), P(x, y - s)],
                    fill=stud_color,
                    outline=shade(stud_color, 0.6),
                )
        for i in range(4):
            x, y = 143 - i * 1.5, -8 + i * 8
            d.polygon(
                [P(x - 5, y + 5), P(x + 5, y + 5), P(x, y - 5)],
                fill=stud_color,
                outline=shade(stud_color, 0.6),
            )


def bag(
    d: ImageDraw.ImageDraw,
    cx: int,
    cy: int,
    w: int = 220,
    h: int = 160,
    color=(25, 25, 28),
    studs: bool = True,
    stud_color=GOLD,
) -> None:
    d.arc(
        [cx - w // 3, cy - h // 2 - 110, cx + w // 3, cy - h // 2 + 60],
        180,
        360,
        fill=stud_color,
        width=5,
    )
    d.rounded_rectangle([cx - w // 2, cy - h // 2, cx + w // 2, cy + h // 2], radius=18, fill=color)
    d.polygon(
        [
            (cx - w // 2, cy - h // 2),
            (cx + w // 2, cy - h // 2),
            (cx + w // 2 - 10, cy + 10),
            (cx - w // 2 + 10, cy + 10),
        ],
        fill=shade(color, 1.4) if sum(color) < 200 else shade(color, 0.9),
    )
    if studs:
        for i in range(11):
            x = cx - w // 2 + 20 + i * (w - 40) / 10
            y = cy + 4
            d.polygon(
                [(x - 6, y + 6), (x + 6, y + 6), (x, y - 6)],
                fill=stud_color,
                outline=shade(stud_color, 0.6),
            )
        for i in range(6):
            y = cy - h // 2 + 14 + i * 9
            for x in (cx - w // 2 + 14, cx + w // 2 - 14):
                d.polygon([(x - 4, y + 4), (x + 4, y + 4), (x, y - 4)], fill=stud_color)


def watch(
    d: ImageDraw.ImageDraw,
    cx: int,
    cy: int,
    r: int = 110,
    dial=(12, 30, 60),
    case=SILVER,
    text: str | None = None,
    fnt=None,
    strap=(40, 40, 45),
    chrono: bool = False,
) -> None:
    d.rounded_rectangle(
        [cx - r // 2, cy - r - 120, cx + r // 2, cy - r + 20], radius=10, fill=strap
    )
    d.rounded_rectangle(
        [cx - r // 2, cy + r - 20, cx + r // 2, cy + r + 120], radius=10, fill=strap
    )
    d.ellipse([cx - r - 8, cy - r - 8, cx + r + 8, cy + r + 8], fill=shade(case, 0.75))
    d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=case)
    d.ellipse([cx - r + 14, cy - r + 14, cx + r - 14, cy + r - 14], fill=(15, 15, 18))  # bezel
    for i in range(60):
        a = 2 * math.pi * i / 60
        r1, r2 = r - 16, (r - 26 if i % 5 == 0 else r - 20)
        d.line(
            [
                (cx + r1 * math.sin(a), cy - r1 * math.cos(a)),
                (cx + r2 * math.sin(a), cy - r2 * math.cos(a)),
            ],
            fill=(230, 230, 230),
            width=2 if i % 5 == 0 else 1,
        )
    rd = r - 30
    d.ellipse([cx - rd, cy - rd, cx + rd, cy + rd], fill=dial)
    for i in range(12):
        a = 2 * math.pi * i / 12
        x, y = cx + (rd - 12) * math.sin(a), cy - (rd - 12) * math.cos(a)
        d.ellipse([x - 4, y - 4, x + 4, y + 4], fill=(240, 240, 225))
    if chrono:
        for dx in (-28, 28):
            d.ellipse(
                [cx + dx - 14, cy + 8, cx + dx + 14, cy + 36], outline=(200, 200, 200), width=2
            )
    if text:
        d.text((cx, cy - rd // 2 + 4), text, fill=(235, 235, 235), font=fnt, anchor="mm")
    d.line(
        [(cx, cy), (cx + 0.55 * rd * math.sin(1.9), cy - 0.55 * rd * math.cos(1.9))],
        fill=(240, 240, 240),
        width=6,
    )
    d.line(
        [(cx, cy), (cx + 0.85 * rd * math.sin(5.3), cy - 0.85 * rd * math.cos(5.3))],
        fill=(240, 240, 240),
        width=4,
    )
    d.line(
        [(cx, cy), (cx + 0.9 * rd * math.sin(3.6), cy - 0.9 * rd * math.cos(3.6))],
        fill=(220, 60, 40),
        width=2,
    )
    d.ellipse([cx - 5, cy - 5, cx + 5, cy + 5], fill=(240, 240, 240))
    d.rounded_rectangle(
        [cx + r + 4, cy - 10, cx + r + 16, cy + 10], radius=3, fill=shade(case, 0.8)
    )


# ---------------------------------------------------------------- scenes


def logo(text: str, tagline: str, fg, bg, path: Path) -> Image.Image:
    im = Image.new("RGB", (480, 160), bg)
    d = ImageDraw.Draw(im)
    spaced = " ".join(text)
    d.text((240, 70), spaced, fill=fg, font=font(40, serif=True), anchor="mm")
    d.line([(120, 108), (360, 108)], fill=fg, width=1)
    d.text((240, 128), tagline, fill=fg, font=font(14, serif=True), anchor="mm")
    im = im.quantize(colors=16)
    save_png(im, path)
    return im


def stamp_logo(
    im: Image.Image, text: str, xy=(200, 40), color=(250, 240, 200), size: int = 26
) -> None:
    ImageDraw.Draw(im).text(xy, " ".join(text), fill=color, font=font(size), anchor="mm")


def clou_official(variant: int) -> Image.Image:
    im = gradient((248, 244, 236), (228, 220, 206))
    d = ImageDraw.Draw(im)
    d.ellipse([90, 300, 310, 340], fill=(214, 206, 192))  # shadow
    if variant == 1:
        bangle(d, 200, 200, 140, 95, GOLD)
    else:
        bangle(d, 170, 190, 120, 80, GOLD)
        bangle(d, 235, 225, 120, 80, ROSE, width=20)
    return im


def orbelle_official() -> Image.Image:
    im = gradient((250, 248, 245), (225, 222, 218))
    d = ImageDraw.Draw(im)
    d.ellipse([110, 270, 290, 300], fill=(210, 205, 200))
    ring(d, 200, 200, 110, GOLD)
    return im


def pump_official(variant: int) -> Image.Image:
    im = gradient((246, 242, 240), (222, 214, 210))
    d = ImageDraw.Draw(im)
    if variant == 1:
        pump(d, 200, 170, 1.1, color=(222, 190, 168))
    else:
        pump(d, 200, 175, 1.05, color=(18, 18, 20))
    return im


def bag_official() -> Image.Image:
    im = gradient((244, 242, 240), (218, 214, 210))
    d = ImageDraw.Draw(im)
    bag(d, 200, 240, color=(30, 30, 34))
    return im


def watch_official(chrono: bool) -> Image.Image:
    im = gradient((236, 238, 242), (196, 200, 210))
    d = ImageDraw.Draw(im)
    watch(
        d,
        200,
        200,
        110,
        dial=(20, 24, 30) if chrono else (12, 36, 78),
        text="BREVANNE",
        fnt=font(13),
        chrono=chrono,
    )
    return im


def velvet_scene(stack: bool, with_logo: bool) -> Image.Image:
    """The Instagram photo of the split act: gold screw bangle(s) on dark velvet, brand logo overlaid."""
    im = gradient((40, 22, 38), (14, 8, 16))
    d = ImageDraw.Draw(im)
    rnd = random.Random(SEED + (2 if stack else 1))
    for _ in range(90):
        x, y = rnd.randrange(SIZE), rnd.randrange(SIZE)
        d.point((x, y), fill=(70, 40, 66))
    if stack:
        bangle(d, 180, 190, 125, 82, GOLD)
        bangle(d, 225, 230, 125, 82, SILVER, width=20)
    else:
        bangle(d, 200, 215, 140, 92, GOLD)
    if with_logo:
        stamp_logo(im, "VAREILLE", (200, 44), (240, 222, 170), 26)
    return im


def near_copy(im: Image.Image, crop: float = 0.9, brighten: int = 18) -> Image.Image:
    w, h = im.size
    c = int(w * (1 - crop) / 2)
    im = im.crop((c, c + 6, w - c, h - c + 6)).resize((SIZE, SIZE), Image.Resampling.LANCZOS)
    return im.point(lambda v: min(255, v + brighten))


def ring_velvet(with_logo: bool) -> Image.Image:
    im = gradient((40, 22, 38), (14, 8, 16))
    d = ImageDraw.Draw(im)
    ring(d, 200, 220, 100, GOLD)
    if with_logo:
        stamp_logo(im, "VAREILLE", (200, 44), (240, 222, 170), 26)
    return im


def wrist_scene(draw_item) -> Image.Image:
    im = gradient((200, 220, 235), (240, 236, 230))
    d = ImageDraw.Draw(im)
    d.rounded_rectangle([-40, 150, 420, 270], radius=60, fill=(224, 180, 150))  # forearm
    d.ellipse([330, 130, 460, 290], fill=(230, 188, 160))  # hand
    draw_item(d)
    return im


def box_scene(draw_item, label: str) -> Image.Image:
    im = gradient((236, 230, 220), (210, 200, 186))
    d = ImageDraw.Draw(im)
    d.rectangle([230, 40, 380, 170], fill=(178, 30, 40), outline=(120, 20, 28), width=3)  # box
    d.rectangle([240, 50, 370, 160], outline=(220, 190, 100), width=2)
    d.polygon([(30, 60), (190, 45), (205, 170), (45, 185)], fill=(252, 252, 248))  # receipt/papers
    for i in range(7):
        d.line([(50, 80 + i * 13), (180, 68 + i * 13)], fill=(150, 150, 150), width=2)
    d.text((115, 60), label, fill=(80, 80, 80), font=font(11, serif=False), anchor="mm")
    draw_item(d)
    return im


# ---------------------------------------------------------------- unrelated items


def generic(kind: str, seed: int) -> Image.Image:
    rnd = random.Random(SEED * 7 + seed)
    bg = tuple(rnd.randint(200, 250) for _ in range(3))
    im = gradient(bg, shade(bg, 0.85))
    d = ImageDraw.Draw(im)
    col = tuple(rnd.randint(30, 220) for _ in range(3))
    if kind == "mug":
        d.rounded_rectangle([120, 120, 260, 300], radius=14, fill=col)
        d.arc([230, 160, 320, 260], -90, 90, fill=col, width=16)
    elif kind == "sneaker":
        d.polygon(
            [(60, 260), (90, 180), (200, 190), (300, 230), (350, 260), (350, 290), (60, 290)],
            fill=col,
        )
        d.rectangle([60, 285, 350, 305], fill=(245, 245, 245))
        for i in range(5):
            d.line([(120 + i * 18, 200), (135 + i * 18, 230)], fill=(250, 250, 250), width=3)
    elif kind == "phone":
        d.rounded_rectangle([140, 70, 260, 330], radius=20, fill=(25, 25, 30))
        d.rounded_rectangle([150, 90, 250, 310], radius=10, fill=col)
    elif kind == "food":
        d.ellipse([70, 90, 330, 330], fill=(250, 250, 250), outline=(210, 210, 210), width=4)
        for _ in range(9):
            x, y = rnd.randint(130, 270), rnd.randint(150, 270)
            c = tuple(rnd.randint(60, 230) for _ in range(3))
            d.ellipse([x - 22, y - 16, x + 22, y + 16], fill=c)
    elif kind == "tote":
        d.arc([140, 60, 260, 200], 180, 360, fill=col, width=8)
        d.polygon([(110, 130), (290, 130), (310, 330), (90, 330)], fill=col)
    elif kind == "earrings":
        for x in (150, 250):
            d.line([(x, 90), (x, 150)], fill=GOLD_DARK, width=3)
            d.ellipse([x - 40, 150, x + 40, 230], outline=GOLD, width=8)
    elif kind == "tshirt":
        d.polygon(
            [
                (120, 90),
                (170, 80),
                (200, 100),
                (230, 80),
                (280, 90),
                (330, 150),
                (290, 170),
                (280, 330),
                (120, 330),
                (110, 170),
                (70, 150),
            ],
            fill=col,
        )
    elif kind == "headphones":
        d.arc([110, 80, 290, 280], 180, 360, fill=(30, 30, 30), width=14)
        d.rounded_rectangle([95, 170, 145, 270], radius=18, fill=col)
        d.rounded_rectangle([255, 170, 305, 270], radius=18, fill=col)
    elif kind == "plant":
        d.polygon([(150, 250), (250, 250), (235, 340), (165, 340)], fill=(190, 110, 70))
        for i in range(7):
            a = math.pi * (0.15 + 0.7 * i / 6)
            d.ellipse(
                [
                    200 + 110 * math.cos(a) - 30,
                    250 - 140 * math.sin(a) - 16,
                    200 + 110 * math.cos(a) + 30,
                    250 - 140 * math.sin(a) + 16,
                ],
                fill=(60, 140, 70),
            )
    elif kind == "beads":
        for i in range(22):
            a = 2 * math.pi * i / 22
            c = tuple(rnd.randint(60, 240) for _ in range(3))
            x, y = 200 + 110 * math.cos(a), 200 + 80 * math.sin(a)
            d.ellipse([x - 14, y - 14, x + 14, y + 14], fill=c, outline=shade(c, 0.7))
    elif kind == "cord":
        d.ellipse([90, 120, 310, 280], outline=(110, 70, 40), width=10)
        d.ellipse([95, 125, 305, 275], outline=(140, 95, 60), width=3)
        d.ellipse([185, 262, 215, 292], fill=SILVER, outline=(120, 120, 120), width=2)
    elif kind == "candle":
        d.rounded_rectangle([140, 160, 260, 330], radius=10, fill=(245, 235, 205))
        d.line([(200, 160), (200, 135)], fill=(40, 40, 40), width=3)
        d.ellipse([188, 95, 212, 140], fill=(255, 190, 60))
    elif kind == "pencils":
        for i in range(10):
            c = tuple(rnd.randint(30, 240) for _ in range(3))
            x = 90 + i * 23
            d.rectangle([x, 110, x + 16, 300], fill=c)
            d.polygon([(x, 110), (x + 16, 110), (x + 8, 85)], fill=(235, 205, 160))
    elif kind == "plain_pump":
        pump(d, 200, 170, 1.0, color=col, studs=False)
    elif kind == "cheap_bangle":
        bangle(d, 200, 200, 130, 88, shade(GOLD, 1.05), screws=0, width=14)
    elif kind == "building":
        d.rectangle([90, 80, 310, 340], fill=(190, 150, 120))
        for r in range(5):
            for c in range(4):
                d.rectangle(
                    [110 + c * 50, 100 + r * 45, 140 + c * 50, 130 + r * 45], fill=(120, 160, 200)
                )
        d.rectangle([180, 300, 220, 340], fill=(90, 60, 40))
    elif kind == "book":
        d.rectangle([120, 70, 290, 330], fill=(30, 60, 90))
        d.text(
            (205, 160),
            "SALT\nAND\nTIDE",
            fill=(240, 230, 200),
            font=font(26),
            anchor="mm",
            align="center",
        )
    elif kind == "gravel":
        for _ in range(260):
            x, y = rnd.randint(20, 380), rnd.randint(180, 380)
            g = rnd.randint(10, 60)
            d.ellipse([x - 9, y - 6, x + 9, y + 6], fill=(g, g, g + 5))
    elif kind == "cafe":
        d.rectangle([0, 250, 400, 400], fill=(150, 110, 80))
        d.ellipse([120, 200, 280, 280], fill=(250, 250, 250))
        d.ellipse([150, 190, 250, 250], fill=(120, 80, 50))
        d.polygon([(260, 150), (360, 170), (340, 210), (250, 195)], fill=(215, 160, 80))
    elif kind == "lake":
        im = gradient((150, 195, 240), (240, 240, 230))
        d = ImageDraw.Draw(im)
        d.polygon([(0, 250), (120, 120), (220, 230), (300, 150), (400, 250)], fill=(90, 110, 90))
        d.rectangle([0, 250, 400, 400], fill=(60, 120, 170))
    elif kind == "dress":
        d.polygon([(170, 70), (230, 70), (250, 160), (320, 340), (80, 340), (150, 160)], fill=col)
    elif kind == "crepes":
        d.ellipse([60, 100, 340, 330], fill=(250, 250, 250))
        d.ellipse([110, 140, 290, 290], fill=(215, 160, 90))
    elif kind == "wallet":
        d.rounded_rectangle([90, 130, 310, 280], radius=14, fill=col)
        d.line([(90, 200), (310, 200)], fill=shade(col, 0.6), width=3)
    elif kind == "sunglasses":
        for x in (140, 260):
            d.ellipse([x - 55, 160, x + 55, 240], fill=(25, 25, 30))
        d.line([(195, 190), (205, 190)], fill=(25, 25, 30), width=8)
    elif kind == "dog":
        d.ellipse([110, 160, 300, 300], fill=col)
        d.ellipse([230, 100, 330, 200], fill=col)
        d.ellipse([285, 130, 297, 142], fill=(0, 0, 0))
    elif kind == "watch_cheap":
        watch(d, 200, 200, 95, dial=col, case=(60, 60, 60), strap=(20, 20, 20))
    else:
        raise ValueError(kind)
    return im


def main() -> None:
    random.seed(SEED)
    written: list[Path] = []

    def J(im: Image.Image, rel: str, q: int = 84) -> Image.Image:
        p = HERE / rel
        save_jpg(im, p, q)
        written.append(p)
        return im

    def PNG(im: Image.Image, rel: str) -> None:
        p = HERE / rel
        save_png(im, p)
        written.append(p)

    # logos
    for text, tag, fg, bg, name in [
        ("VAREILLE", "MAISON FONDÉE À PARIS", (120, 90, 30), (252, 248, 240), "vareille"),
        ("ROSTELLI", "MILANO", (10, 10, 10), (255, 255, 255), "rostelli"),
        ("BREVANNE", "HORLOGERIE · GENÈVE", (235, 235, 235), (16, 34, 66), "brevanne"),
    ]:
        p = BRANDS / "logos" / f"{name}.png"
        logo(text, tag, fg, bg, p)
        written.append(p)

    # official product photos
    clou1 = J(clou_official(1), "brands/photos/vareille-clou-1.jpg")
    J(clou_official(2), "brands/photos/vareille-clou-2.jpg")
    orb = J(orbelle_official(), "brands/photos/vareille-orbelle-1.jpg")
    pump1 = J(pump_official(1), "brands/photos/rostelli-stellastud-pump-1.jpg")
    pump2 = J(pump_official(2), "brands/photos/rostelli-stellastud-pump-2.jpg")
    bag1 = J(bag_official(), "brands/photos/rostelli-stellastud-bag-1.jpg")
    aby = J(watch_official(False), "brands/photos/brevanne-abyssal-1.jpg")
    aby2 = watch_official(False).rotate(
        -12, resample=Image.Resampling.BICUBIC, fillcolor=(205, 208, 216)
    )
    J(aby2, "brands/photos/brevanne-abyssal-2.jpg")
    nav = J(watch_official(True), "brands/photos/brevanne-navigante-1.jpg")

    # registered design drawings (line art)
    des = Image.new("RGB", (SIZE, SIZE), (255, 255, 255))
    pump(
        ImageDraw.Draw(des),
        200,
        170,
        1.1,
        color=(150, 150, 150),
        studs=True,
        stud_color=(60, 60, 60),
    )
    des = ImageOps.invert(des.convert("L").filter(ImageFilter.FIND_EDGES)).point(
        lambda v: 0 if v < 235 else 255
    )
    PNG(des.convert("1"), "brands/designs/rostelli-stellastud-pump.png")
    des2 = Image.new("RGB", (SIZE, SIZE), (255, 255, 255))
    bangle(ImageDraw.Draw(des2), 200, 200, 140, 95, color=(150, 150, 150), width=20)
    des2 = ImageOps.invert(des2.convert("L").filter(ImageFilter.FIND_EDGES)).point(
        lambda v: 0 if v < 235 else 255
    )
    PNG(des2.convert("1"), "brands/designs/vareille-clou.png")

    # listing photos: exact copies of official photos (authorized sellers)
    J(clou1, "img/auth-vareille-clou-1.jpg")
    J(orb, "img/auth-vareille-orbelle-1.jpg")
    J(pump1, "img/auth-rostelli-pump-1.jpg")
    J(pump2, "img/auth-rostelli-pump-2.jpg")
    J(bag1, "img/auth-rostelli-bag-1.jpg")
    J(aby, "img/auth-brevanne-abyssal-1.jpg")
    J(nav, "img/auth-brevanne-navigante-1.jpg")

    # scenario 1: Instagram photos with logo, Amazon near copies without it
    ig1 = J(velvet_scene(False, True), "img/s1-ig-bangle-1.jpg")
    ig2 = J(velvet_scene(True, True), "img/s1-ig-bangle-2.jpg")
    igr = J(ring_velvet(True), "img/s1-ig-ring-1.jpg")
    J(near_copy(velvet_scene(False, False)), "img/s1-amz-bangle-1.jpg")
    J(near_copy(velvet_scene(True, False), 0.92, 12), "img/s1-amz-bangle-2.jpg")
    J(near_copy(ring_velvet(False), 0.9, 15), "img/s1-amz-ring-1.jpg")
    J(near_copy(ig1, 0.95, 5), "img/s1-tt-bangle-1.jpg")
    del ig2, igr

    # scenario 2: design copy, no brand name (other colours, same stud pattern)
    im = gradient((236, 240, 246), (200, 210, 222))
    pump(
        ImageDraw.Draw(im), 215, 190, 0.9, color=(226, 196, 176),
        stud_color=(190, 190, 195), toe=1.0, studs_per_edge=3,
    )  # fmt: skip
    J(im, "img/s2-stud-pump-1.jpg")
    im = gradient((250, 244, 236), (226, 214, 198))
    pump(
        ImageDraw.Draw(im), 190, 185, 0.95, color=(150, 20, 30), flip=True, toe=1.3,
        studs_per_edge=3,
    )  # fmt: skip
    J(im, "img/s2-stud-pump-2.jpg")

    # scenario 4: stolen official photos, edited
    w = clou1.size[0]
    J(clou1.crop((40, 50, w - 30, w - 40)).resize((360, 360)), "img/s4-vareille-clou-crop.jpg", 70)
    J(ImageOps.mirror(clou1), "img/s4-vareille-clou-mirror.jpg")
    wm = pump1.copy()
    ImageDraw.Draw(wm).text(
        (200, 360), "LUXSHOES OUTLET", fill=(160, 160, 160), font=font(22, serif=False), anchor="mm"
    )
    J(wm, "img/s4-rostelli-pump-watermark.jpg")
    r, g, b = pump1.split()
    J(Image.merge("RGB", (b, g, r)), "img/s4-rostelli-pump-recolor.jpg")
    J(aby.resize((240, 240)), "img/s4-brevanne-abyssal-lowq.jpg", 38)

    # scenario 5: brand only in the picture
    im = gradient((248, 244, 236), (228, 220, 206))
    bangle(
        ImageDraw.Draw(im),
        200,
        190,
        150,
        100,
        GOLD,
        screws=6,
        width=30,
        engraving="VAREILLE",
        fnt=font(15, bold=True),
    )
    J(im, "img/s5-bangle-engraved.jpg")
    im = gradient((30, 30, 34), (10, 10, 12))
    watch(ImageDraw.Draw(im), 200, 200, 110, text="BREVANNE", fnt=font(13))
    J(im, "img/s5-watch-dial.jpg")

    # counterfeit shop photos (no copy of official photos)
    im = gradient((255, 255, 255), (240, 240, 240))
    d = ImageDraw.Draw(im)
    bangle(d, 200, 170, 120, 80, GOLD, screws=10, width=18)
    d.text(
        (200, 340),
        "18K GOLD PLATED · TITANIUM STEEL",
        fill=(90, 90, 90),
        font=font(14, serif=False),
        anchor="mm",
    )
    J(im, "img/fake-bangle-1.jpg")
    im = gradient((250, 235, 240), (230, 210, 220))
    d = ImageDraw.Draw(im)
    for i, c in enumerate((GOLD, ROSE, SILVER)):
        bangle(d, 200, 130 + i * 70, 120, 60, c, screws=8, width=14)
    J(im, "img/fake-bangle-2.jpg")
    im = gradient((255, 255, 255), (238, 238, 238))
    pump(ImageDraw.Draw(im), 200, 175, 0.95, color=(10, 10, 10), stud_color=(230, 200, 80))
    J(im, "img/fake-pump-1.jpg")
    im = gradient((255, 255, 255), (236, 236, 236))
    bag(ImageDraw.Draw(im), 200, 240, color=(120, 20, 30))
    J(im, "img/fake-bag-1.jpg")
    im = gradient((255, 255, 255), (230, 230, 230))
    watch(ImageDraw.Draw(im), 200, 200, 105, dial=(10, 30, 70), text="BREVANNE", fnt=font(12))
    J(im, "img/fake-watch-1.jpg")

    # innocents: second-hand with box and papers, fan photos
    J(
        box_scene(lambda d: bangle(d, 200, 290, 110, 70, GOLD, width=18), "RECEIPT · FACTURE"),
        "img/secondhand-vareille-box.jpg",
    )
    J(
        box_scene(lambda d: pump(d, 200, 275, 0.75, color=(18, 18, 20)), "SCONTRINO"),
        "img/secondhand-rostelli-box.jpg",
    )
    J(
        box_scene(lambda d: watch(d, 200, 290, 70, text=None), "WARRANTY CARD"),
        "img/secondhand-brevanne-papers.jpg",
    )
    J(
        wrist_scene(lambda d: bangle(d, 300, 210, 50, 80, GOLD, screws=6, width=14)),
        "img/fan-vareille-wrist.jpg",
    )
    im = gradient((120, 100, 90), (60, 50, 45))
    pump(ImageDraw.Draw(im), 200, 175, 1.0, color=(18, 18, 20))
    J(im, "img/fan-rostelli-pumps.jpg")
    J(wrist_scene(lambda d: watch(d, 280, 210, 60, text=None)), "img/fan-brevanne-wrist.jpg")

    # unrelated items and innocent look-alikes
    kinds = [
        "mug",
        "sneaker",
        "phone",
        "food",
        "tote",
        "earrings",
        "tshirt",
        "headphones",
        "plant",
        "beads",
        "cord",
        "candle",
        "pencils",
        "plain_pump",
        "cheap_bangle",
        "building",
        "book",
        "gravel",
        "cafe",
        "lake",
        "dress",
        "crepes",
        "wallet",
        "sunglasses",
        "dog",
        "watch_cheap",
    ]
    for i, k in enumerate(kinds):
        J(generic(k, i), f"img/{k.replace('_', '-')}.jpg")
    J(generic("food", 101), "img/food-2.jpg")
    J(generic("sneaker", 102), "img/sneaker-2.jpg")

    total = sum(p.stat().st_size for p in written)
    big = [p for p in written if p.stat().st_size >= MAX_BYTES]
    print(f"wrote {len(written)} images, {total / 1024:.0f} kB total")
    assert not big, big
    assert total < 2_000_000, total


if __name__ == "__main__":
    main()
