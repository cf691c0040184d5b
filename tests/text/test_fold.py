"""fold: offsets always map back to the original text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from hallmark.text import fold

MIXED = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x20, max_codepoint=0x7E),
        st.sampled_from(
            "аеорсхіАЕОРСХΑΒΕΗΙΚΜΝΟΡΤΧａｂｃ𝐂𝐚İßﬁé\u200b\u200d\ufeff\u00ad高仿卡地亚💎"
        ),
        st.characters(),
    ),
    max_size=60,
)


@given(MIXED)
def test_every_folded_character_comes_from_the_original_at_its_offset(text: str) -> None:
    folded = fold(text)
    for i, char in enumerate(folded.text):
        source = text[folded.start(i)]
        assert char in fold(source).text or char == source.lower()


@given(MIXED)
def test_offsets_are_monotonic_and_in_range(text: str) -> None:
    folded = fold(text)
    starts = [folded.start(i) for i in range(len(folded.text))]
    assert starts == sorted(starts)
    assert all(0 <= s < len(text) for s in starts)
    if folded.text:
        assert folded.span(0, len(folded.text))[1] <= len(text)


@given(st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=80))
def test_ascii_folds_to_lower_case_in_place(text: str) -> None:
    folded = fold(text)
    assert folded.text == text.lower()
    assert folded.span(0, len(text)) == (0, len(text))


def test_homoglyphs_and_fullwidth_fold_to_ascii() -> None:
    assert fold("Сartier").text == "cartier"
    assert fold("ｃａｒｔｉｅｒ").text == "cartier"
    assert fold("Hermès").text == "hermes"


def test_zero_width_characters_vanish_but_are_remembered() -> None:
    folded = fold("Car\u200btier")
    assert folded.text == "cartier"
    assert folded.hidden == (3,)
    assert folded.span(0, 7) == (0, 8)
    assert folded.has_hidden(0, 8)
