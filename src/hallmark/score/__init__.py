"""Scoring: signals become one explained finding per (listing, brand)."""

from hallmark.score.rules import Rules, load_rules
from hallmark.score.scorer import Scorer

__all__ = ["Rules", "Scorer", "load_rules"]
