"""Short factual phrases shared by detector explanations."""

from __future__ import annotations

import unicodedata
from decimal import ROUND_HALF_UP, Decimal

_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "CNY": "CN¥", "INR": "₹"}
FIELD_NAMES = {"title": "the title", "text": "the text", "hashtags": "the hashtags"}


def money(amount: Decimal, currency: str) -> str:
    """'$29.99', '€6,400', '1,200.50 CHF'."""
    if amount == amount.to_integral_value():
        number = f"{int(amount):,}"
    else:
        number = f"{amount.quantize(Decimal('0.01'), rounding=ROUND_HALF_UP):,}"
    symbol = _SYMBOLS.get(currency)
    return f"{symbol}{number}" if symbol else f"{number} {currency}"


def percent(ratio: Decimal) -> str:
    value = ratio * 100
    if value < 10:
        return f"{value.quantize(Decimal('0.1'), rounding=ROUND_HALF_UP)}%"
    return f"{value.quantize(Decimal('1'), rounding=ROUND_HALF_UP)}%"


def field_name(field: str) -> str:
    return FIELD_NAMES.get(field, f"the {field}")


def script_of(char: str) -> str:
    """'Cyrillic', 'Greek', 'fullwidth', ... for a homoglyph character."""
    try:
        name = unicodedata.name(char)
    except ValueError:
        return "look-alike"
    if name.startswith("FULLWIDTH"):
        return "fullwidth"
    if name.startswith("MATHEMATICAL"):
        return "mathematical"
    return name.split(" ")[0].capitalize()


def quote(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return f"'{text}'"
