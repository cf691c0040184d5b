"""WARC files of captured evidence: one gzip WARC per UTC day under `<data dir>/warc/`.

Every record is its own gzip member, so a record can be read (or copied) on its own from
its offset and length. Digests are sha256 (`WARC-Payload-Digest: sha256:<base32>`), so a
record's payload digest names the same bytes as the blob stored under its sha256.
"""

from __future__ import annotations

import fcntl
import hashlib
import io
import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from http import HTTPStatus
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from warcio.statusandheaders import StatusAndHeaders
from warcio.utils import Digester
from warcio.warcwriter import WARCWriter

from hallmark.channels.fetch import USER_AGENT, Fetched

WARC_VERSION = "WARC/1.1"

# the body of a Fetched is already decoded: headers that describe the wire encoding would
# make a reader decode it a second time, so they are kept under another name
_WIRE_HEADERS = ("content-encoding", "transfer-encoding", "content-length")


@dataclass(frozen=True, slots=True)
class RecordRef:
    """Where one WARC record lies, and the sha256 of its payload."""

    file: str
    offset: int
    length: int
    sha256: str
    record_type: str
    record_id: str


@dataclass(frozen=True, slots=True)
class Written:
    """The records written for one capture, consecutive in one file."""

    records: tuple[RecordRef, ...]

    @property
    def file(self) -> str:
        return self.records[0].file

    @property
    def offset(self) -> int:
        return self.records[0].offset

    @property
    def length(self) -> int:
        return sum(r.length for r in self.records)


class _Sha256Writer(WARCWriter):  # type: ignore[misc]
    """warcio's writer with sha256 block and payload digests instead of sha1."""

    @staticmethod
    def _create_digester() -> Any:
        return Digester("sha256")


def warc_dir(data_dir: Path) -> Path:
    return data_dir / "warc"


def warc_date(at: datetime) -> str:
    """WARC-Date in UTC with microseconds (WARC 1.1)."""
    if at.tzinfo is None:
        raise ValueError("capture time must be timezone-aware")
    return at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def file_name(at: datetime) -> str:
    return f"hallmark-{at.astimezone(UTC):%Y%m%d}.warc.gz"


class WarcWriter:
    """Appends records to the day's WARC file; one writer at a time per file (flock)."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def write_fetch(
        self, fetched: Fetched, captured_at: datetime, *, user_agent: str = USER_AGENT
    ) -> Written:
        """A `response` record and its `request` record for one fetched exchange."""
        date = warc_date(captured_at)
        response = _record(
            fetched.url,
            "response",
            date,
            fetched.body,
            http_headers=_response_headers(fetched),
        )
        response_id = response.rec_headers.get_header("WARC-Record-ID")
        request = _record(
            fetched.url,
            "request",
            date,
            b"",
            http_headers=_request_headers(fetched.url, user_agent),
            extra={"WARC-Concurrent-To": response_id},
        )
        return self._append(
            captured_at,
            [("response", response, fetched.body), ("request", request, b"")],
        )

    def write_import(self, name: str, data: bytes, captured_at: datetime) -> Written:
        """A `resource` record holding an imported file's bytes."""
        record = _record(
            f"file:///{name}",
            "resource",
            warc_date(captured_at),
            data,
            content_type="application/octet-stream",
        )
        return self._append(captured_at, [("resource", record, data)])

    def _append(self, at: datetime, records: list[tuple[str, Any, bytes]]) -> Written:
        members: list[tuple[str, str, bytes, str]] = []
        for kind, record, payload in records:
            buffer = io.BytesIO()
            _Sha256Writer(buffer, gzip=True, warc_version=WARC_VERSION).write_record(record)
            record_id = str(record.rec_headers.get_header("WARC-Record-ID"))
            members.append(
                (kind, record_id, buffer.getvalue(), hashlib.sha256(payload).hexdigest())
            )
        self.root.mkdir(parents=True, exist_ok=True)
        name = file_name(at)
        refs: list[RecordRef] = []
        with (self.root / name).open("ab") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                offset = handle.seek(0, os.SEEK_END)
                handle.write(b"".join(member for _, _, member, _ in members))
                handle.flush()
                os.fsync(handle.fileno())
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)
        for kind, record_id, member, digest in members:
            refs.append(RecordRef(name, offset, len(member), digest, kind, record_id))
            offset += len(member)
        return Written(tuple(refs))


def read_span(root: Path, name: str, offset: int, length: int) -> bytes:
    """The raw (gzip) bytes of the records at `offset`, `length` in file `name`."""
    with (root / name).open("rb") as handle:
        handle.seek(offset)
        data = handle.read(length)
    if len(data) != length:
        raise ValueError(f"{name}: {length} bytes at offset {offset} are not all there")
    return data


def _record(
    uri: str,
    kind: str,
    date: str,
    payload: bytes,
    *,
    http_headers: StatusAndHeaders | None = None,
    content_type: str = "",
    extra: Mapping[str, str] | None = None,
) -> Any:
    builder = _Sha256Writer(io.BytesIO(), gzip=True, warc_version=WARC_VERSION)
    return builder.create_warc_record(
        uri,
        kind,
        payload=io.BytesIO(payload),
        length=len(payload),
        warc_content_type=content_type,
        warc_headers_dict={"WARC-Date": date, **(extra or {})},
        http_headers=http_headers,
    )


def _response_headers(fetched: Fetched) -> StatusAndHeaders:
    try:
        reason = HTTPStatus(fetched.status).phrase
    except ValueError:
        reason = ""
    headers: list[tuple[str, str]] = []
    for key, value in fetched.headers.items():
        if key.lower() in _WIRE_HEADERS:
            headers.append((f"X-Hallmark-Wire-{key}", value))
        else:
            headers.append((key, value))
    headers.append(("Content-Length", str(len(fetched.body))))
    return StatusAndHeaders(f"{fetched.status} {reason}".strip(), headers, protocol="HTTP/1.1")


def _request_headers(url: str, user_agent: str) -> StatusAndHeaders:
    parts = urlsplit(url)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    headers = [("Host", parts.netloc), ("User-Agent", user_agent), ("Accept", "*/*")]
    return StatusAndHeaders(f"GET {target} HTTP/1.1", headers, is_http_request=True)
