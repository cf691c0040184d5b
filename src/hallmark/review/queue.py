"""Order the queue and point at the evidence a reviewer should read first."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

from hallmark.store.findings import FindingRow

VERDICTS = ("infringing", "legitimate", "unsure")
BASES = ("counterfeit", "trademark", "copyright", "design", "grey_market", "authorized")


def group_by_seller(rows: Sequence[FindingRow]) -> list[tuple[str, list[FindingRow]]]:
    """Sellers ordered by their riskiest finding; each seller's findings riskiest first."""
    groups: OrderedDict[str, list[FindingRow]] = OrderedDict()
    for row in sorted(rows, key=lambda r: (-r.risk, r.id)):
        seller = f"{row.platform}:{row.account or '(unknown)'}"
        groups.setdefault(seller, []).append(row)
    return list(groups.items())


def highlight_spans(row: FindingRow) -> dict[str, list[tuple[int, int, str]]]:
    """Per text field, the (start, end, label) spans the signals point at."""
    spans: dict[str, list[tuple[int, int, str]]] = {}
    for signal in row.signals:
        evidence: dict[str, Any] = signal.get("evidence") or {}
        if "field" in evidence and "start" in evidence:
            label = f"{signal['detector']}:{signal['kind']}"
            spans.setdefault(evidence["field"], []).append(
                (evidence["start"], evidence["end"], label)
            )
    for items in spans.values():
        items.sort()
    return spans
