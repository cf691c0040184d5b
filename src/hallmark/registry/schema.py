"""The brand file format (a contract: fields are added, never renamed)."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator, model_validator

from hallmark.domain.listing import known_platform

_CURRENCY = re.compile(r"^[A-Z]{3}$")
_REGISTRATION_TEXT = re.compile(r"^\s*(?P<office>[A-Za-z]{2,10})\s+(?P<number>\S.*?)\s*$")


def _strict_text(value: object) -> object:
    if isinstance(value, str) and not value.strip():
        raise ValueError("must not be empty")
    return value


Text = Annotated[str, BeforeValidator(_strict_text)]


class RegistrationSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")

    office: Text = Field(description="Trademark office, e.g. USPTO, EUIPO.")
    number: Text = Field(description="Registration number, kept as written.")
    jurisdiction: str | None = Field(None, description="Where the registration holds.")
    classes: list[int] = Field(default_factory=list, description="Nice classes.")
    expiry: date | None = Field(None, description="Expiry date.")

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: object) -> object:
        if isinstance(value, str):
            match = _REGISTRATION_TEXT.match(value)
            if not match:
                raise ValueError("write a registration as 'OFFICE NUMBER', e.g. 'US 0411975'")
            return {"office": match["office"], "number": match["number"]}
        return value


class MarkSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: Text = Field(description="The word mark as registered.")
    registrations: list[RegistrationSpec] = Field(default_factory=list)
    aliases: list[Text] = Field(default_factory=list, description="Other-script forms.")
    generic: bool | None = Field(
        None, description="The mark is also an ordinary word; unset lets Hallmark judge."
    )


def _prices(value: dict[str, Decimal]) -> dict[str, Decimal]:
    for currency, amount in value.items():
        if not _CURRENCY.match(currency):
            raise ValueError(f"{currency!r} is not an ISO 4217 currency code")
        if amount <= 0:
            raise ValueError(f"{currency} amount must be positive")
    return value


class ProductSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Text
    category: str | None = None
    keywords: list[Text] = Field(default_factory=list, description="Other phrases naming it.")
    list_price: dict[str, Decimal] = Field(default_factory=dict)
    price_floor: dict[str, Decimal] = Field(default_factory=dict)
    photos: list[Text] = Field(default_factory=list)
    designs: list[Text] = Field(default_factory=list)

    _check_list = field_validator("list_price")(_prices)
    _check_floor = field_validator("price_floor")(_prices)


class AuthorizedSellerSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")

    platform: str
    account: Text

    _platform = field_validator("platform")(known_platform)


class ThresholdsSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")

    medium: float = Field(0.4, gt=0, lt=1)
    high: float = Field(0.7, gt=0, le=1)

    @model_validator(mode="after")
    def _ordered(self) -> ThresholdsSpec:
        if self.medium >= self.high:
            raise ValueError("medium must be below high")
        return self


class BrandSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Text
    marks: list[MarkSpec] = Field(min_length=1)
    logos: list[Text] = Field(default_factory=list)
    negative_contexts: list[Text] = Field(default_factory=list)
    products: list[ProductSpec] = Field(default_factory=list)
    authorized_sellers: list[AuthorizedSellerSpec] = Field(default_factory=list)
    thresholds: ThresholdsSpec | None = Field(
        None, description="Risk thresholds for this brand; unset uses rules/weights.yaml."
    )
