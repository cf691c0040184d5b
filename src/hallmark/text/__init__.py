"""Text matching: the one library every text detector calls.

`fold` maps text to a comparable form and keeps each character's offset in the original;
`MarkMatcher` finds brands' marks under disguise; `PhraseMatcher` finds lexicon phrases.
"""

from hallmark.text.fold import Folded, fold
from hallmark.text.marks import KINDS, MarkHit, MarkMatcher, MarkSpec
from hallmark.text.phrases import PhraseHit, PhraseMatcher

__all__ = [
    "KINDS",
    "Folded",
    "MarkHit",
    "MarkMatcher",
    "MarkSpec",
    "PhraseHit",
    "PhraseMatcher",
    "fold",
]
