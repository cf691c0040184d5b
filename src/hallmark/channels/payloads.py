"""Reading a captured payload: one JSON document, or JSON Lines of them."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from decimal import Decimal
from typing import Any

from hallmark.domain import Account, Listing
from hallmark.errors import ImportRecordError, PayloadError


class BadRecord(ValueError):
    """One record of a payload cannot be read (or the whole document, at position 0)."""


def parse_documents(
    payload: bytes,
    source: str,
    captured_at: datetime,
    *,
    items: Callable[[object], list[Any]],
    records: Callable[[Any, datetime], Iterable[Listing | Account]],
) -> Iterator[Listing | Account | ImportRecordError]:
    """The records of a JSON or NDJSON payload: `items` lists what a document holds (or
    raises BadRecord), `records` turns one item into listings and accounts (or raises
    BadRecord). A bad whole payload is a PayloadError; a bad line or item is an
    ImportRecordError and the rest goes on. An account met twice is yielded once."""
    seen: set[str] = set()
    for position, document in json_documents(payload, source):
        if isinstance(document, ImportRecordError):
            yield document
            continue
        try:
            found = items(document)
        except BadRecord as exc:
            if position == 0:
                raise PayloadError(source, str(exc)) from None
            yield ImportRecordError(source, position, str(exc))
            continue
        for index, item in enumerate(found, start=1):
            try:
                parsed = list(records(item, captured_at))
            except BadRecord as exc:
                yield ImportRecordError(source, position or index, str(exc))
                continue
            for record in parsed:
                if isinstance(record, Account):
                    if record.external_id in seen:
                        continue
                    seen.add(record.external_id)
                yield record


def json_documents(payload: bytes, source: str) -> Iterator[tuple[int, Any | ImportRecordError]]:
    """The whole payload as position 0, or each NDJSON line by its line number; numbers
    with a fraction are read as Decimal so prices stay exact."""
    try:
        text = payload.decode("utf-8").lstrip("\ufeff")
    except UnicodeDecodeError as exc:
        raise PayloadError(source, f"not UTF-8 (byte {exc.start})") from None
    try:
        yield 0, json.loads(text, parse_float=Decimal)
        return
    except ValueError as exc:
        whole_error = exc
    lines = text.splitlines()
    first = next((n for n, line in enumerate(lines) if line.strip()), None)
    if first is None or not _is_object(lines[first]):
        raise PayloadError(source, f"not JSON: {whole_error}")
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            yield number, json.loads(line, parse_float=Decimal)
        except ValueError as exc:
            yield number, ImportRecordError(source, number, f"not valid JSON: {exc}")


def _is_object(line: str) -> bool:
    try:
        return isinstance(json.loads(line, parse_float=Decimal), dict)
    except ValueError:
        return False
