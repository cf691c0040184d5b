"""Review: the queue of findings by risk, grouped by seller, and reviewers' decisions."""

from hallmark.review.queue import BASES, VERDICTS, group_by_seller, highlight_spans

__all__ = ["BASES", "VERDICTS", "group_by_seller", "highlight_spans"]
