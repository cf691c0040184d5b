"""Capture evidence: the WARC record(s), the payload blob and the capture row, together.

The WARC records are written before the row, so a crash in between leaves an orphan
record in the WARC (harmless) rather than a row that points at nothing.
"""

from __future__ import annotations

import getpass
import hashlib
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from hallmark.channels.fetch import USER_AGENT, Fetched, redirect_target
from hallmark.evidence.warc import WarcWriter, warc_dir
from hallmark.store.base import Store, Workspace
from hallmark.store.captures import (
    Capture,
    NewCapture,
    add_capture,
    find_capture,
    latest_fetches,
)


def data_dir(store: Store) -> Path:
    """The data dir of a store: where its blobs and WARC files live."""
    return store.blobs.root.parent


def warc_root(store: Store) -> Path:
    return warc_dir(data_dir(store))


def default_actor() -> str:
    """The OS user running Hallmark, for the `who` of a capture."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in the environment or passwd
        return "unknown"


def capture_fetch(
    store: Store,
    workspace: Workspace,
    fetched: Fetched,
    channel: str,
    captured_at: datetime,
    *,
    actor: str | None = None,
    images: Sequence[str] = (),
    user_agent: str = USER_AGENT,
) -> Capture:
    """Record a fetched exchange (request and response records, the body as a blob).

    `images` are sha256s of images already in the blob store that belong to this capture.
    The same body from the same url returns the capture already stored. Each redirect on the
    way is recorded first, as its own exchange and capture (see `_capture_hop`).
    """
    for hop in fetched.hops:
        _capture_hop(store, workspace, hop, channel, captured_at, actor, user_agent)
    digest = hashlib.sha256(fetched.body).hexdigest()
    existing = _existing(store, workspace, "fetch", fetched.url, digest)
    if existing is not None:
        return existing
    _check_images(store, images)
    new = _written(store, fetched, channel, captured_at, actor, user_agent, images)
    return _store(store, workspace, new)


def _capture_hop(
    store: Store,
    workspace: Workspace,
    hop: Fetched,
    channel: str,
    captured_at: datetime,
    actor: str | None,
    user_agent: str,
) -> None:
    """A redirect's status and headers (its body is not read). Every redirect has the same
    empty body, so a hop is new unless its url's latest capture is this very redirect: the
    same status to the same target."""
    with store.transaction() as conn:
        latest = latest_fetches(conn, workspace, [hop.url]).get(hop.url)
    seen = (hop.status, redirect_target(hop.url, hop.headers))
    if latest is not None and (latest.status, redirect_target(hop.url, latest.headers)) == seen:
        return
    new = _written(store, hop, channel, captured_at, actor, user_agent, ())
    with store.transaction() as conn:
        add_capture(conn, workspace, new, at=store.clock(), same_bytes=False)


def _written(
    store: Store,
    fetched: Fetched,
    channel: str,
    captured_at: datetime,
    actor: str | None,
    user_agent: str,
    images: Sequence[str],
) -> NewCapture:
    """The exchange's body stored and its WARC records written: the capture to record."""
    store.blobs.put(fetched.body)
    written = WarcWriter(warc_root(store)).write_fetch(fetched, captured_at, user_agent=user_agent)
    return NewCapture(
        kind="fetch",
        url_or_path=fetched.url,
        captured_at=captured_at,
        channel=channel,
        sha256=hashlib.sha256(fetched.body).hexdigest(),
        warc_file=written.file,
        warc_offset=written.offset,
        warc_length=written.length,
        actor=actor or default_actor(),
        status=fetched.status,
        headers={str(k): str(v) for k, v in fetched.headers.items()},
        image_sha256s=tuple(images),
    )


def capture_import(
    store: Store,
    workspace: Workspace,
    path: Path,
    platform: str,
    captured_at: datetime,
    actor: str,
    *,
    images: Sequence[str] = (),
) -> Capture:
    """Record an imported file (a `resource` record, the file as a blob).

    The same bytes from the same path return the capture already stored.
    """
    data = path.read_bytes()
    where = str(path.resolve())
    digest = hashlib.sha256(data).hexdigest()
    existing = _existing(store, workspace, "import", where, digest)
    if existing is not None:
        return existing
    _check_images(store, images)
    store.blobs.put(data)
    written = WarcWriter(warc_root(store)).write_import(path.name, data, captured_at)
    return _store(
        store,
        workspace,
        NewCapture(
            kind="import",
            url_or_path=where,
            captured_at=captured_at,
            channel=platform,
            sha256=digest,
            warc_file=written.file,
            warc_offset=written.offset,
            warc_length=written.length,
            actor=actor,
            image_sha256s=tuple(images),
        ),
    )


def _existing(
    store: Store, workspace: Workspace, kind: str, where: str, digest: str
) -> Capture | None:
    with store.transaction() as conn:
        return find_capture(conn, workspace, kind, where, digest)


def _store(store: Store, workspace: Workspace, new: NewCapture) -> Capture:
    with store.transaction() as conn:
        capture, _ = add_capture(conn, workspace, new, at=store.clock())
    return capture


def _check_images(store: Store, images: Sequence[str]) -> None:
    missing = [digest for digest in images if not store.blobs.has(digest)]
    if missing:
        raise ValueError(f"images not in the blob store: {', '.join(missing)}")
