"""brand_mention's matcher: every disguise kind found and named, ordinary words left alone."""

from __future__ import annotations

from functools import cache

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hallmark.text import MarkMatcher, MarkSpec


@pytest.fixture(scope="module")
def matcher() -> MarkMatcher:
    return MarkMatcher(
        [
            MarkSpec(
                "Cartier",
                "CARTIER",
                ("卡地亚", "カルティエ"),
                ("cartier street", "jacques cartier bridge"),
                ("bracelet", "love bracelet"),
            ),
            MarkSpec("Valentino", "VALENTINO", (), (), ("pumps", "rockstud")),
            MarkSpec("Louis Vuitton", "Louis Vuitton", (), (), ("bag",)),
            MarkSpec("Ion", "ION", (), (), ("watch",)),
            MarkSpec("Nike", "Nike", (), (), ("sneakers",)),
        ]
    )


POSITIVES = [
    # text, brand, kind, disguises, matched
    ("V@lentino Rockstud dupe 1:1 AAA", "Valentino", "leetspeak", ("leetspeak",), "V@lentino"),
    ("R0ck V4lent1no pumps", "Valentino", "leetspeak", ("leetspeak",), "V4lent1no"),
    ("C a r t i e r love", "Cartier", "spaced", ("spaced",), "C a r t i e r"),
    ("V.a.l.e.n.t.i.n.o pumps", "Valentino", "spaced", ("spaced",), "V.a.l.e.n.t.i.n.o"),
    ("C💎a💎r💎t💎i💎e💎r", "Cartier", "spaced", ("spaced",), "C💎a💎r💎t💎i💎e💎r"),
    ("c a r t 1 e r", "Cartier", "leetspeak", ("leetspeak", "spaced"), "c a r t 1 e r"),
    ("Cartiier bracelet", "Cartier", "typo", ("typo",), "Cartiier"),
    ("Catrier love bracelet", "Cartier", "typo", ("typo",), "Catrier"),
    ("Kartier bracelet", "Cartier", "typo", ("typo",), "Kartier"),
    ("Valentinno pumps", "Valentino", "typo", ("typo",), "Valentinno"),
    ("ｃａｒｔｉｅｒ", "Cartier", "homoglyph", ("homoglyph", "exact"), "ｃａｒｔｉｅｒ"),
    ("Сartier bracelet", "Cartier", "homoglyph", ("homoglyph", "exact"), "Сartier"),
    ("CАRTІER", "Cartier", "homoglyph", ("homoglyph", "exact"), "CАRTІER"),
    ("Car\u200btier", "Cartier", "homoglyph", ("homoglyph", "exact"), "Car\u200btier"),
    ("𝐂𝐚𝐫𝐭𝐢𝐞𝐫 bracelet", "Cartier", "homoglyph", ("homoglyph", "exact"), "𝐂𝐚𝐫𝐭𝐢𝐞𝐫"),
    ("#cartierlove replica", "Cartier", "hashtag", ("hashtag",), "cartier"),
    ("#cartier", "Cartier", "hashtag", ("hashtag", "exact"), "cartier"),
    ("louisvuittonbag", "Louis Vuitton", "compound", ("compound",), "louisvuitton"),
    ("cartierbracelet gold", "Cartier", "compound", ("compound",), "cartier"),
    ("Louis-Vuitton bag", "Louis Vuitton", "exact", ("exact",), "Louis-Vuitton"),
    ("高仿CARTIER手镯", "Cartier", "exact", ("exact",), "CARTIER"),
    ("卡地亚手镯高仿", "Cartier", "alias", ("alias",), "卡地亚"),
    ("カルティエ ラブブレス", "Cartier", "alias", ("alias",), "カルティエ"),
    ("ION watch", "Ion", "exact", ("exact",), "ION"),
    ("ion sports watch", "Ion", "exact", ("exact",), "ion"),
    ("Nike Air", "Nike", "exact", ("exact",), "Nike"),
]


@pytest.mark.parametrize(("text", "brand", "kind", "disguises", "matched"), POSITIVES)
def test_disguise_is_found_and_named(
    matcher: MarkMatcher, text: str, brand: str, kind: str, disguises: tuple[str, ...], matched: str
) -> None:
    hits = [h for h in matcher.find([("title", text)]) if h.suppressed is None]
    assert [(h.brand, h.kind, h.disguises, h.matched) for h in hits] == [
        (brand, kind, disguises, matched)
    ]
    assert text[hits[0].start : hits[0].end] == matched


NEGATIVES = [
    "carrier bag for travel",
    "Mike and Nile went hiking",
    "limited edition print",
    "ion exchange resin",
    "bracelet with ace of spades",
    "valentina dress in red",
    "Carter family reunion",
    "gold screw bangle bracelet",
    "A B C D sale",
    "cartoon love bracelet",
    "Breanne wore a bangle",
]


@pytest.mark.parametrize("text", NEGATIVES)
def test_ordinary_words_do_not_match(matcher: MarkMatcher, text: str) -> None:
    assert matcher.find([("title", text)]) == []


EXCUSED = [
    ("Flat for rent on Cartier Street", "negative_context", "cartier street"),
    ("A statue of Jacques Cartier", "person_name", "jacques Cartier"),
    ("Meet me at Cartier Square", "place_name", "Cartier square"),
    ("Wohnung in der Cartierstraße", "place_name", "cartierstraße"),
]


@pytest.mark.parametrize(("text", "reason", "context"), EXCUSED)
def test_names_and_negative_contexts_are_excused(
    matcher: MarkMatcher, text: str, reason: str, context: str
) -> None:
    hits = matcher.find([("text", text)])
    assert [(h.brand, h.suppressed) for h in hits] == [("Cartier", reason)]
    assert hits[0].context is not None and hits[0].context.casefold() == context.casefold()


def test_offsets_point_into_the_original_field(matcher: MarkMatcher) -> None:
    text = "Nuevo 🎁 brazalete Cаrt\u200bier oro"
    [hit] = matcher.find([("text", text)])
    assert text[hit.start : hit.end] == "Cаrt\u200bier"
    assert hit.kind == "homoglyph"


def test_each_field_is_reported_separately(matcher: MarkMatcher) -> None:
    hits = matcher.find([("title", "Cartier bracelet"), ("hashtags", "#cartierlove")])
    assert [(h.field, h.kind, h.start, h.end) for h in hits] == [
        ("title", "exact", 0, 7),
        ("hashtags", "hashtag", 1, 8),
    ]


def test_generic_mark_needs_capitals_or_its_product(matcher: MarkMatcher) -> None:
    assert matcher.find([("title", "Zen and the art of ion propulsion")]) == []
    assert [h.matched for h in matcher.find([("title", "New ION collection")])] == ["ION"]


def test_typo_needs_the_brand_nearby(matcher: MarkMatcher) -> None:
    assert matcher.find([("text", "Happy birthday Cartiier!")]) == []
    assert [h.kind for h in matcher.find([("text", "Cartiier bracelet")])] == ["typo"]
    assert [h.kind for h in matcher.find([("text", "CARTIER and Cartiier")])] == ["exact", "typo"]


def test_a_native_cyrillic_word_is_not_a_disguise() -> None:
    matcher = MarkMatcher([MarkSpec("Coco", "COCO", context_words=("perfume",))])
    assert matcher.find([("text", "Купил сосо в магазине")]) == []
    assert [h.kind for h in matcher.find([("text", "New сосо perfume")])] == ["homoglyph"]


FUZZ = st.text(
    alphabet=st.one_of(
        st.sampled_from("cartierVALENTINO @$0137 .-#💎\u200bаеорсхіСАｃａ高仿卡地亚手镯\n"),
        st.characters(),
    ),
    max_size=80,
)


@given(FUZZ)
def test_any_text_gives_hits_whose_spans_quote_the_original(text: str) -> None:
    matcher = _shared_matcher()
    for hit in matcher.find([("title", text), ("hashtags", "#" + text)]):
        source = text if hit.field == "title" else "#" + text
        assert 0 <= hit.start < hit.end <= len(source)
        assert source[hit.start : hit.end] == hit.matched
        assert hit.kind in hit.disguises


@cache
def _shared_matcher() -> MarkMatcher:
    return MarkMatcher(
        [
            MarkSpec("Cartier", "CARTIER", ("卡地亚",), ("cartier street",), ("bracelet",)),
            MarkSpec("Valentino", "VALENTINO", (), (), ("pumps",)),
            MarkSpec("Louis Vuitton", "Louis Vuitton", (), (), ("bag",)),
            MarkSpec("Ion", "ION", (), (), ("watch",)),
        ]
    )


def test_namesakes_in_a_product_listing_are_not_excused(matcher: MarkMatcher) -> None:
    santos = MarkMatcher(
        [MarkSpec("Cartier", "CARTIER", (), ("cartier street",), ("watch", "bracelet"))]
    )
    [hit] = santos.find([("title", "Cartier Santos watch replica")])
    assert (hit.kind, hit.suppressed) == ("exact", None)
    [street] = santos.find([("title", "Cartier streetwear bracelet replica")])
    assert street.suppressed is None
    [excused] = santos.find([("title", "Flat on Cartier Street")])
    assert excused.suppressed == "negative_context"


@pytest.mark.parametrize(
    "text",
    [
        "Off-White hoodie",
        "off white hoodie",
        "OFF WHITE hoodie",
        "offwhite hoodie",
        "Off  White hoodie",
        "Off\nWhite hoodie",
    ],
)
def test_multi_word_marks_in_every_joining(text: str) -> None:
    matcher = MarkMatcher([MarkSpec("Off-White", "Off-White", context_words=("hoodie",))])
    assert [h.brand for h in matcher.find([("title", text)]) if h.suppressed is None] == [
        "Off-White"
    ]
