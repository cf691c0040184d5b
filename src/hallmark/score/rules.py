"""Load the rules files (weights, wording lexicon, currency rates, vision and link thresholds)
and hash them."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from hallmark.errors import ConfigError
from hallmark.link.graph import LinkRules

RULE_FILES = ("weights.yaml", "wording.yaml", "rates.yaml", "vision.yaml", "link.yaml")
LevelName = Literal["low", "medium", "high"]


class WeightsSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")

    weights: dict[str, dict[str, float]]
    brand_evidence: dict[str, list[str]]
    caps: dict[str, LevelName] = Field(default_factory=dict)
    thresholds: dict[str, float]


class TermSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")

    term: str | int
    kind: str
    strength: float = Field(ge=0, le=1)
    lang: str


class WordingSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")

    negations: list[str] = Field(default_factory=list)
    terms: list[TermSpec]


class RatesSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")

    base: str
    as_of: str | Any
    rates: dict[str, Decimal]


class VisionSpec(BaseModel):
    """The thresholds of image matching; see rules/vision.yaml."""

    model_config = ConfigDict(extra="forbid")

    phash_max: int = Field(ge=0, le=64)
    hash_min_similarity: float = Field(ge=0, le=1)
    phash_exact: int = Field(ge=0, le=64)
    exact_min_similarity: float = Field(ge=0, le=1)
    textureless_keypoints: int = Field(ge=0)
    shortlist: int = Field(ge=1, le=100)
    photo_min_inliers: int = Field(ge=4)
    photo_min_area: float = Field(gt=0, le=1)
    logo_min_inliers: int = Field(ge=4)
    logo_min_area: float = Field(gt=0, le=1)
    logo_min_votes: int = Field(ge=1)
    logo_margin: float = Field(gt=0, le=1)
    logo_min_agreement: float = Field(ge=-1, le=1)
    lettered_min_inliers: int = Field(ge=4)
    lettered_min_agreement: float = Field(ge=-1, le=1)
    lettering_min_agreement: float = Field(ge=-1, le=1)
    lettering_veto: float = Field(ge=-1, le=1)
    design_min_similarity: float = Field(gt=0, le=1)
    ocr_min_score: float = Field(ge=0, le=1)

    @model_validator(mode="after")
    def _lettering_lowers_the_bar(self) -> VisionSpec:
        if self.lettering_veto > self.lettering_min_agreement:
            raise ValueError("lettering_veto must not exceed lettering_min_agreement")
        if self.lettered_min_inliers > self.logo_min_inliers:
            raise ValueError("lettered_min_inliers must not exceed logo_min_inliers")
        return self


@dataclass(frozen=True)
class Rules:
    """Everything tunable that a score depends on, and the hash that names it."""

    weights: WeightsSpec
    wording: WordingSpec
    rates: RatesSpec
    vision: VisionSpec
    link: LinkRules
    version: str
    sources: dict[str, str] = field(default_factory=dict)

    def convert(self, amount: Decimal, source: str, target: str) -> Decimal | None:
        """`amount` in `source` currency expressed in `target`, or None if a rate is missing."""
        if source == target:
            return amount
        rates = self.rates.rates
        if source not in rates or target not in rates:
            return None
        return amount / rates[source] * rates[target]


def load_rules(folder: Path | None = None) -> Rules:
    """The packaged rules, or those in `folder` (each file there replaces the packaged one)."""
    texts: dict[str, str] = {}
    for name in RULE_FILES:
        override = folder / name if folder else None
        if override is not None and override.is_file():
            texts[name] = override.read_text(encoding="utf-8")
        else:
            texts[name] = (resources.files("hallmark.rules") / name).read_text(encoding="utf-8")
    digest = hashlib.sha256()
    for name in RULE_FILES:
        digest.update(name.encode() + b"\0" + texts[name].encode() + b"\0")
    try:
        return Rules(
            weights=WeightsSpec.model_validate(yaml.safe_load(texts["weights.yaml"])),
            wording=WordingSpec.model_validate(yaml.safe_load(texts["wording.yaml"])),
            rates=RatesSpec.model_validate(yaml.safe_load(texts["rates.yaml"])),
            vision=VisionSpec.model_validate(yaml.safe_load(texts["vision.yaml"])),
            link=LinkRules.model_validate(yaml.safe_load(texts["link.yaml"])),
            version=digest.hexdigest()[:16],
            sources=texts,
        )
    except (ValidationError, yaml.YAMLError) as exc:
        raise ConfigError(f"invalid rules: {exc}") from None
