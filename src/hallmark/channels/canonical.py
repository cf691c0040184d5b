"""The canonical import format: JSON Lines, or CSV with the same columns.

Each record is validated on its own; a bad one becomes an ImportRecordError naming the
file and line, and reading goes on.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from hallmark.domain import Account, Listing
from hallmark.domain.listing import known_platform
from hallmark.errors import ImportRecordError

_CURRENCY = re.compile(r"^[A-Z]{3}$")
_LIST_FIELDS = ("hashtags", "images", "links", "contacts")
MAX_PRICE = Decimal(10) ** 12


def plain_json(value: Any) -> Any:
    """Decimals (how numbers are read, to keep prices exact) back to plain JSON numbers."""
    if isinstance(value, Decimal):
        return (
            int(value)
            if value == value.to_integral_value() and "E" not in str(value)
            else float(value)
        )
    if isinstance(value, dict):
        return {str(k): plain_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain_json(v) for v in value]
    return value


def _as_list(value: object, *, split: bool = False) -> object:
    """A single string where a list is expected becomes a list ("#a #b" for hashtags)."""
    if value is None:
        return []
    if isinstance(value, str):
        if split:
            return [part for part in re.split(r"[\s,]+", value) if part]
        return [value] if value.strip() else []
    return value


class _Record(BaseModel):
    model_config = ConfigDict(extra="ignore")

    kind: Literal["listing", "post", "account"]
    platform: str
    external_id: str

    _platform = field_validator("platform")(known_platform)

    @field_validator("external_id", mode="before")
    @classmethod
    def _external_id(cls, value: object) -> object:
        if isinstance(value, bool):
            raise ValueError("must be a string")
        if isinstance(value, int):
            return str(value)
        if isinstance(value, Decimal):
            if value != value.to_integral_value() or "e" in str(value).lower() or "." in str(value):
                raise ValueError(
                    "a numeric id must be a whole number written without a decimal point"
                )
            return str(value)
        if isinstance(value, str):
            if not value.strip():
                raise ValueError("must not be empty")
            return value.strip()
        return value


class ListingRecord(_Record):
    kind: Literal["listing", "post"]
    captured_at: datetime
    url: str | None = None
    marketplace: str | None = None
    account: str | None = None
    title: str | None = None
    text: str | None = None
    hashtags: list[str] = Field(default_factory=list)
    price: Decimal | None = None
    currency: str | None = None
    images: list[str] = Field(default_factory=list)
    links: list[str] = Field(default_factory=list)
    extra: dict[str, Any] = Field(default_factory=dict)

    _extra = field_validator("extra", mode="before")(plain_json)

    @field_validator("hashtags", mode="before")
    @classmethod
    def _hashtags(cls, value: object) -> object:
        return _as_list(value, split=True)

    @field_validator("images", "links", mode="before")
    @classmethod
    def _lists(cls, value: object) -> object:
        return _as_list(value)

    @field_validator("captured_at", mode="before")
    @classmethod
    def _captured_at(cls, value: object) -> datetime:
        if not isinstance(value, str):
            raise ValueError("must be an ISO 8601 date-time string with a UTC offset")
        try:
            parsed = datetime.fromisoformat(value.strip())
        except ValueError:
            raise ValueError(f"{value!r} is not an ISO 8601 date-time") from None
        if parsed.tzinfo is None:
            raise ValueError(f"{value!r} has no UTC offset (add Z or +hh:mm)")
        try:
            return parsed.astimezone(UTC)
        except OverflowError:
            raise ValueError(f"{value!r} is out of range in UTC") from None

    @field_validator("price", mode="before")
    @classmethod
    def _price(cls, value: object) -> object:
        if value is None or isinstance(value, Decimal):
            return value
        if isinstance(value, bool) or not isinstance(value, (int, str)):
            raise ValueError("must be a decimal number or a string holding one")
        try:
            return Decimal(str(value).strip())
        except InvalidOperation:
            raise ValueError(f"{value!r} is not a decimal number") from None

    @field_validator("price")
    @classmethod
    def _price_range(cls, value: Decimal | None) -> Decimal | None:
        if value is not None and (not value.is_finite() or value < 0 or value >= MAX_PRICE):
            raise ValueError(f"must be an amount from 0 to below {MAX_PRICE:,}")
        return value

    @field_validator("currency")
    @classmethod
    def _currency(cls, value: str | None) -> str | None:
        if value is not None and not _CURRENCY.match(value):
            raise ValueError(f"{value!r} is not an ISO 4217 code such as USD")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> ListingRecord:
        if self.kind == "listing" and not self.url:
            raise ValueError("url: required for a listing")
        if self.price is not None and self.currency is None:
            raise ValueError("currency: required when a price is given")
        return self


class AccountRecord(_Record):
    kind: Literal["account"]
    handle: str | None = None
    display_name: str | None = None
    legal_name: str | None = None
    address: str | None = None
    country: str | None = None
    status: str | None = None
    bio: str | None = None
    links: list[str] = Field(default_factory=list)
    contacts: list[str] = Field(default_factory=list)
    url: str | None = None
    extra: dict[str, Any] = Field(default_factory=dict)

    _extra = field_validator("extra", mode="before")(plain_json)

    @field_validator("links", "contacts", mode="before")
    @classmethod
    def _lists(cls, value: object) -> object:
        return _as_list(value)


@dataclass(frozen=True, slots=True)
class ParsedRecord:
    """One record read from a file, with the line it started on."""

    line: int
    record: Listing | Account


def read_records(path: Path, *, max_line_bytes: int) -> Iterator[ParsedRecord | ImportRecordError]:
    """Each record of a JSON Lines or CSV file, or the error that rejected it."""
    if path.suffix.lower() == ".csv":
        yield from _read_csv(path, max_line_bytes)
    else:
        yield from _read_jsonl(path, max_line_bytes)


def _read_jsonl(path: Path, max_line_bytes: int) -> Iterator[ParsedRecord | ImportRecordError]:
    name = str(path)
    with path.open("rb") as handle:
        number = 0
        while True:
            raw = handle.readline(max_line_bytes + 1)
            if not raw:
                return
            number += 1
            if len(raw) > max_line_bytes and not raw.endswith(b"\n"):
                size = len(raw) + _skip_rest_of_line(handle)
                yield ImportRecordError(
                    name, number, f"line is {size:,} bytes, over the limit of {max_line_bytes:,}"
                )
                continue
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                yield ImportRecordError(
                    name, number, f"not valid UTF-8 (byte {exc.start} of the line)"
                )
                continue
            if number == 1:
                text = text.lstrip("\ufeff")
            if not text.strip():
                continue
            try:
                data = json.loads(text, parse_float=Decimal)
            except json.JSONDecodeError as exc:
                column = min(exc.pos, len(text.rstrip())) + 1
                yield ImportRecordError(
                    name, number, f"not valid JSON: {exc.msg} at column {column}"
                )
                continue
            except ValueError as exc:  # e.g. an integer of thousands of digits
                yield ImportRecordError(name, number, f"not valid JSON: {exc}")
                continue
            yield _to_record(data, name, number)


def _skip_rest_of_line(handle: io.BufferedReader | Any) -> int:
    skipped = 0
    while True:
        chunk = handle.readline(1 << 20)
        skipped += len(chunk)
        if not chunk or chunk.endswith(b"\n"):
            return skipped


def _read_csv(path: Path, max_line_bytes: int) -> Iterator[ParsedRecord | ImportRecordError]:
    name = str(path)
    csv.field_size_limit(max_line_bytes)
    with path.open("r", encoding="utf-8", errors="surrogateescape", newline="") as handle:
        reader = csv.DictReader(handle)
        try:
            header = reader.fieldnames or []
        except csv.Error as exc:
            yield ImportRecordError(name, 1, f"not valid CSV: {exc}")
            return
        repeated = sorted({c for c in header if header.count(c) > 1})
        if repeated:
            yield ImportRecordError(
                name, 1, f"the header repeats {', '.join(repeated)}: nothing read"
            )
            return
        while True:
            start = reader.line_num + 1
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield ImportRecordError(name, start, f"not valid CSV: {exc}")
                continue
            yield _csv_row(row, name, start)


def _csv_row(
    row: dict[str | Any, str | Any], name: str, line: int
) -> ParsedRecord | ImportRecordError:
    data: dict[str, Any] = {}
    for key, value in row.items():
        if key is None:
            return ImportRecordError(name, line, "more cells than header columns")
        if value is None or value == "":
            continue
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return ImportRecordError(name, line, f"column {key!r}: not valid UTF-8")
        if key in _LIST_FIELDS:
            try:
                value = json.loads(value)
            except ValueError:
                return ImportRecordError(name, line, f"column {key!r}: must hold a JSON array")
        data[key.lstrip("\ufeff")] = value
    return _to_record(data, name, line)


def _to_record(data: object, name: str, line: int) -> ParsedRecord | ImportRecordError:
    if not isinstance(data, dict):
        return ImportRecordError(name, line, "a record must be a JSON object")
    unstorable = _unstorable_text(data)
    if unstorable:
        return ImportRecordError(name, line, unstorable)
    kind = data.get("kind")
    model: type[ListingRecord] | type[AccountRecord]
    if kind in ("listing", "post"):
        model = ListingRecord
    elif kind == "account":
        model = AccountRecord
    else:
        problem = (
            "required field is missing"
            if kind is None
            else f"{kind!r} is not listing, post or account"
        )
        return ImportRecordError(name, line, f"kind: {problem}")
    try:
        record = model.model_validate(data)
    except ValidationError as exc:
        return ImportRecordError(name, line, _describe(exc))
    return ParsedRecord(line, _domain(record))


def _unstorable_text(value: object, path: str = "") -> str | None:
    """Why a string in the record cannot be stored as text (NUL, an unpaired surrogate)."""
    if isinstance(value, dict):
        items: list[tuple[str, object]] = [(str(k), v) for k, v in value.items()]
    elif isinstance(value, list):
        items = [(str(i), v) for i, v in enumerate(value)]
    elif isinstance(value, str):
        if "\x00" in value:
            return f"{path}: contains a NUL character"
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            return f"{path}: contains an unpaired surrogate at character {exc.start}"
        return None
    else:
        return None
    for key, item in items:
        problem = _unstorable_text(item, f"{path}.{key}" if path else key)
        if problem:
            return problem
    return None


def _describe(exc: ValidationError) -> str:
    problems = []
    for error in exc.errors():
        path = ".".join(str(p) for p in error["loc"])
        message = error["msg"].removeprefix("Value error, ")
        if error["type"] == "missing":
            message = "required field is missing"
        problems.append(f"{path}: {message}" if path else message)
    return "; ".join(problems)


def _domain(record: ListingRecord | AccountRecord) -> Listing | Account:
    if isinstance(record, AccountRecord):
        return Account(
            platform=record.platform,
            external_id=record.external_id,
            handle=record.handle,
            display_name=record.display_name,
            legal_name=record.legal_name,
            address=record.address,
            country=record.country,
            status=record.status,
            bio=record.bio,
            links=tuple(record.links),
            contacts=tuple(record.contacts),
            url=record.url,
            extra=record.extra,
        )
    return Listing(
        kind=record.kind,
        platform=record.platform,
        external_id=record.external_id,
        captured_at=record.captured_at,
        url=record.url,
        marketplace=record.marketplace,
        account=record.account,
        title=record.title,
        text=record.text,
        hashtags=tuple(record.hashtags),
        price=record.price,
        currency=record.currency,
        images=tuple(record.images),
        links=tuple(record.links),
        extra=record.extra,
    )
