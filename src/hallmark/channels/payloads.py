"""Reading a captured payload: one JSON document, or JSON Lines of them."""

from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from hallmark.errors import ImportRecordError, PayloadError


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
