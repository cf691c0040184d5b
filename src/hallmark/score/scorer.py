"""Combine a listing's signals for one brand into a risk, a level and an explanation.

The rule, documented in the README: keep the strongest signal of each (detector, kind);
risk = 1 - prod(1 - weight(detector, kind) * strength). Without brand evidence (a mark
or a verified sighting in a picture) no finding is made, whatever the wording,
price or seller say. Exculpatory signals (an authorized seller, a price at list) cap the
level; a mark seen only in an excused context (a negative context, a person's or place's
name) makes a low finding whose explanation says why.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from hallmark.domain import Brand, Finding, Level, Signal, Thresholds
from hallmark.score.rules import Rules

_ORDER = {
    "brand_mention": 0,
    "actor": 0,
    "stolen_photo": 1,
    "logo": 1,
    "image_text": 1,
    "design": 1,
    "wording": 2,
    "price": 3,
    "seller": 4,
}
_EXCUSES = ("negative_context", "person_name", "place_name")
_INFORMATIVE = {
    ("price", "above_floor"),
    ("price", "at_or_above_list"),
    ("price", "no_price"),
    ("price", "not_compared"),
    ("seller", "authorized"),
    ("stolen_photo", "authorized_use"),
    ("stolen_photo", "copy_named"),
    ("stolen_photo", "shared"),
    ("logo", "found_named"),
    ("image_text", "mark_named"),
    ("design", "similar_named"),
    ("wording", "negated"),
    ("wording", "provenance"),
}
_MAX_SENTENCES = 7


class Scorer:
    """Turns signals into findings with the rules it was built with."""

    def __init__(self, rules: Rules) -> None:
        self.rules = rules
        defaults = rules.weights.thresholds
        self._thresholds = Thresholds(defaults.get("medium", 0.4), defaults.get("high", 0.7))
        self._weights = rules.weights.weights
        self._evidence = {
            (d, k) for d, kinds in rules.weights.brand_evidence.items() for k in kinds
        }
        self._caps = {
            tuple(key.split(".", 1)): Level.parse(v) for key, v in rules.weights.caps.items()
        }

    def score_listing(self, signals: Iterable[Signal], brands: dict[str, Brand]) -> list[Finding]:
        """The findings for one listing's signals, one per brand with brand evidence."""
        shared: list[Signal] = []
        by_brand: dict[str, list[Signal]] = defaultdict(list)
        for signal in signals:
            if signal.brand is None:
                shared.append(signal)
            else:
                by_brand[signal.brand].append(signal)
        findings = []
        for name in sorted(by_brand):
            finding = self.score(by_brand[name], shared, brands[name])
            if finding is not None:
                findings.append(finding)
        return findings

    def score(
        self, own: Sequence[Signal], shared: Sequence[Signal], brand: Brand
    ) -> Finding | None:
        """One finding for one brand, or None when nothing shows the listing is of the brand."""
        evidence = [s for s in own if (s.detector, s.kind) in self._evidence]
        excuses = [s for s in own if s.detector == "brand_mention" and s.kind in _EXCUSES]
        if not evidence and not excuses:
            return None
        signals = tuple(own) + tuple(shared)
        chosen = brand.thresholds or self._thresholds
        thresholds = (chosen.medium, chosen.high)
        key = signals[0].listing_key
        if not evidence:
            text = " ".join(_unique(s.explanation for s in excuses))
            return Finding(
                key,
                brand.name,
                0.0,
                Level.LOW,
                text,
                signals,
                tuple(sorted({s.kind for s in excuses})),
                self.rules.version,
                thresholds,
            )
        strongest = self._strongest(signals)
        risk = 1.0
        for signal, weight in strongest:
            risk *= 1.0 - weight * signal.strength
        risk = round(1.0 - risk, 4)
        level = _level(risk, thresholds)
        exculpatory = [s for s in signals if (s.detector, s.kind) in self._caps]
        for signal in exculpatory:
            cap = self._caps[(signal.detector, signal.kind)]
            if level > cap:
                level = cap
                risk = min(risk, round(thresholds[cap] - 0.01, 4)) if cap < Level.HIGH else risk
        text = self._explain(strongest, signals)
        names = tuple(sorted({f"{s.detector}.{s.kind}" for s in exculpatory}))
        return Finding(
            key, brand.name, risk, level, text, signals, names, self.rules.version, thresholds
        )

    def _strongest(self, signals: Sequence[Signal]) -> list[tuple[Signal, float]]:
        best: dict[tuple[str, str], tuple[Signal, float]] = {}
        for signal in signals:
            weight = self._weights.get(signal.detector, {}).get(signal.kind, 0.0)
            if weight <= 0 or signal.strength <= 0:
                continue
            current = best.get((signal.detector, signal.kind))
            if current is None or weight * signal.strength > current[1] * current[0].strength:
                best[(signal.detector, signal.kind)] = (signal, weight)
        return sorted(
            best.values(), key=lambda p: (_ORDER.get(p[0].detector, 9), -p[1] * p[0].strength)
        )

    def _explain(self, strongest: list[tuple[Signal, float]], signals: Sequence[Signal]) -> str:
        sentences = [s.explanation for s, _ in strongest]
        informative = sorted(
            (s for s in signals if (s.detector, s.kind) in _INFORMATIVE),
            key=lambda s: _ORDER.get(s.detector, 9),
        )
        sentences += [s.explanation for s in informative]
        return " ".join(_unique(sentences)[:_MAX_SENTENCES])


def _level(risk: float, thresholds: tuple[float, float]) -> Level:
    if risk >= thresholds[1]:
        return Level.HIGH
    if risk >= thresholds[0]:
        return Level.MEDIUM
    return Level.LOW


def _unique(texts: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for text in texts:
        seen.setdefault(text, None)
    return list(seen)
