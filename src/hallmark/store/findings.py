"""Findings, scan progress and decisions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, and_, func, insert, select, update

from hallmark.domain import Level
from hallmark.errors import NotFound
from hallmark.store.base import Workspace, as_utc, record_events
from hallmark.store.brands import current_brands
from hallmark.store.tables import (
    decisions,
    findings,
    listing_versions,
    listings,
    scan_progress,
)


@dataclass(frozen=True, slots=True)
class FindingRow:
    """A stored finding joined with its listing version, for the queue and exports."""

    id: int
    platform: str
    external_id: str
    url: str | None
    account: str | None
    kind: str
    title: str | None
    text: str | None
    hashtags: list[str]
    price: str | None
    currency: str | None
    brand: str
    risk: float
    level: str
    explanation: str
    signals: list[dict[str, Any]]
    exculpatory: list[str]
    thresholds: list[float]
    scored_at: datetime
    rules_version: str
    code_version: str
    listing_version_id: int
    verdict: str | None = None
    basis: str | None = None


def scan_watermark(
    conn: Connection, workspace: Workspace, brand_id: int, rules_version: str
) -> int:
    value = conn.execute(
        select(scan_progress.c.last_listing_version_id).where(
            scan_progress.c.workspace_id == workspace.id,
            scan_progress.c.brand_id == brand_id,
            scan_progress.c.rules_version == rules_version,
        )
    ).scalar()
    return int(value or 0)


def set_watermarks(
    conn: Connection, workspace: Workspace, brand_ids: Sequence[int], rules_version: str, value: int
) -> None:
    for brand_id in brand_ids:
        changed = conn.execute(
            update(scan_progress)
            .where(
                scan_progress.c.workspace_id == workspace.id,
                scan_progress.c.brand_id == brand_id,
                scan_progress.c.rules_version == rules_version,
            )
            .values(last_listing_version_id=value)
        ).rowcount
        if not changed:
            conn.execute(
                insert(scan_progress).values(
                    workspace_id=workspace.id,
                    brand_id=brand_id,
                    rules_version=rules_version,
                    last_listing_version_id=value,
                )
            )


def insert_findings(
    conn: Connection, workspace: Workspace, rows: list[dict[str, Any]], at: datetime
) -> int:
    """Store findings not stored yet (same version, brand version and rules); returns how many."""
    if not rows:
        return 0
    present = {
        (row[0], row[1])
        for row in conn.execute(
            select(findings.c.listing_version_id, findings.c.brand_id).where(
                findings.c.workspace_id == workspace.id,
                findings.c.rules_version == rows[0]["rules_version"],
                findings.c.listing_version_id.in_({r["listing_version_id"] for r in rows}),
            )
        )
    }
    fresh = [
        dict(r, workspace_id=workspace.id, scored_at=at)
        for r in rows
        if (r["listing_version_id"], r["brand_id"]) not in present
    ]
    if not fresh:
        return 0
    ids = conn.execute(
        insert(findings).returning(findings.c.id, sort_by_parameter_order=True), fresh
    ).scalars()
    record_events(
        conn,
        workspace,
        at,
        [
            (
                "finding.created",
                "finding",
                i,
                {"level": r["level"], "risk": r["risk"], "brand": r["brand_name"]},
            )
            for i, r in zip(ids, fresh, strict=True)
        ],
    )
    return len(fresh)


def _latest_decision() -> Any:
    newest = (
        select(decisions.c.finding_id, func.max(decisions.c.id).label("decision_id"))
        .group_by(decisions.c.finding_id)
        .subquery()
    )
    return newest


def query_findings(
    conn: Connection,
    workspace: Workspace,
    *,
    min_level: Level = Level.LOW,
    ids: Sequence[int] | None = None,
    current_only: bool = True,
    undecided_only: bool = False,
    rules_version: str | None = None,
) -> list[FindingRow]:
    """Findings of the workspace, riskiest first.

    By default only what is current: the newest listing version, the newest brand version,
    and (when given) the rules in force, so a finding that a newer brand or rule set no
    longer makes drops out of the queue and the export.
    """
    newest = _latest_decision()
    levels = [lvl.label for lvl in Level if lvl >= min_level]
    query = (
        select(
            findings,
            listings.c.platform,
            listings.c.external_id,
            listing_versions.c.url,
            listing_versions.c.account,
            listing_versions.c.kind,
            listing_versions.c.title,
            listing_versions.c.text,
            listing_versions.c.hashtags,
            listing_versions.c.price,
            listing_versions.c.currency,
            decisions.c.verdict,
            decisions.c.basis,
        )
        .join(listings, listings.c.id == findings.c.listing_id)
        .join(listing_versions, listing_versions.c.id == findings.c.listing_version_id)
        .outerjoin(newest, newest.c.finding_id == findings.c.id)
        .outerjoin(decisions, decisions.c.id == newest.c.decision_id)
        .where(findings.c.workspace_id == workspace.id, findings.c.level.in_(levels))
        .order_by(findings.c.risk.desc(), findings.c.id)
    )
    if current_only:
        latest = (
            select(func.max(findings.c.id))
            .where(findings.c.workspace_id == workspace.id)
            .group_by(findings.c.listing_id, findings.c.brand_name)
        )
        brand_ids = [b.id for b in current_brands(conn, workspace)]
        query = query.where(
            listings.c.current_version == listing_versions.c.version,
            findings.c.id.in_(latest),
            findings.c.brand_id.in_(brand_ids),
        )
    if rules_version is not None:
        query = query.where(findings.c.rules_version == rules_version)
    if ids is not None:
        query = query.where(findings.c.id.in_(list(ids)))
    if undecided_only:
        query = query.where(decisions.c.id.is_(None))
    return [_row(r) for r in conn.execute(query)]


def get_finding(conn: Connection, workspace: Workspace, finding_id: int) -> FindingRow:
    rows = query_findings(conn, workspace, ids=[finding_id], current_only=False)
    if not rows:
        raise NotFound(f"no finding {finding_id} in workspace {workspace.name!r}")
    return rows[0]


def add_decisions(
    conn: Connection,
    workspace: Workspace,
    finding_ids: Sequence[int],
    *,
    verdict: str,
    basis: str | None,
    note: str | None,
    at: datetime,
) -> list[int]:
    """Record one decision per finding; every id must belong to the workspace."""
    known = set(
        conn.execute(
            select(findings.c.id).where(
                and_(findings.c.workspace_id == workspace.id, findings.c.id.in_(list(finding_ids)))
            )
        ).scalars()
    )
    missing = [i for i in finding_ids if i not in known]
    if missing:
        raise NotFound(f"no finding {', '.join(map(str, missing))} in workspace {workspace.name!r}")
    rows = [
        {
            "workspace_id": workspace.id,
            "finding_id": i,
            "verdict": verdict,
            "basis": basis,
            "note": note,
            "decided_at": at,
        }
        for i in finding_ids
    ]
    ids = list(
        conn.execute(
            insert(decisions).returning(decisions.c.id, sort_by_parameter_order=True), rows
        ).scalars()
    )
    record_events(
        conn,
        workspace,
        at,
        [
            (
                "decision.recorded",
                "finding",
                fid,
                {"decision_id": did, "verdict": verdict, "basis": basis, "note": note},
            )
            for fid, did in zip(finding_ids, ids, strict=True)
        ],
    )
    return ids


def decisions_for(conn: Connection, workspace: Workspace, finding_id: int) -> list[dict[str, Any]]:
    rows = conn.execute(
        select(decisions)
        .where(decisions.c.workspace_id == workspace.id, decisions.c.finding_id == finding_id)
        .order_by(decisions.c.id)
    )
    return [dict(r._mapping, decided_at=as_utc(r.decided_at)) for r in rows]


def _row(r: Any) -> FindingRow:
    return FindingRow(
        id=r.id,
        platform=r.platform,
        external_id=r.external_id,
        url=r.url,
        account=r.account,
        kind=r.kind,
        title=r.title,
        text=r.text,
        hashtags=list(r.hashtags),
        price=r.price,
        currency=r.currency,
        brand=r.brand_name,
        risk=r.risk,
        level=r.level,
        explanation=r.explanation,
        signals=list(r.signals),
        exculpatory=list(r.exculpatory),
        thresholds=list(r.thresholds),
        scored_at=as_utc(r.scored_at),
        rules_version=r.rules_version,
        code_version=r.code_version,
        listing_version_id=r.listing_version_id,
        verdict=r.verdict,
        basis=r.basis,
    )


def replace_findings(
    conn: Connection,
    workspace: Workspace,
    rows: list[dict[str, Any]],
    version_ids: Sequence[int],
    rules_version: str,
    at: datetime,
) -> dict[str, int]:
    """Store findings scored again for the listing versions: a changed one is updated (event
    `finding.rescored`), a new one inserted, and one an actor link had raised that no longer
    holds is lowered to low, its decisions kept. Returns counts of each."""
    counts = {"created": 0, "rescored": 0, "lowered": 0}
    present = {
        (r.listing_version_id, r.brand_id): r
        for r in conn.execute(
            select(findings).where(
                findings.c.workspace_id == workspace.id,
                findings.c.rules_version == rules_version,
                findings.c.listing_version_id.in_(sorted(set(version_ids))),
            )
        )
    }
    fresh = [r for r in rows if (r["listing_version_id"], r["brand_id"]) not in present]
    counts["created"] = insert_findings(conn, workspace, fresh, at)
    events: list[tuple[str, str, int, dict[str, Any]]] = []
    wanted = {(r["listing_version_id"], r["brand_id"]): r for r in rows}
    for key, old in present.items():
        new = wanted.get(key)
        if new is None:
            if not any(s["detector"] == "actor" for s in old.signals) or old.level == "low":
                continue
            new = {
                "risk": 0.0,
                "level": "low",
                "explanation": "The actor link that raised this finding no longer holds.",
                "signals": [s for s in old.signals if s["detector"] != "actor"],
                "exculpatory": old.exculpatory,
                "thresholds": old.thresholds,
            }
            counts["lowered"] += 1
        elif (new["risk"], new["level"], new["explanation"]) == (
            old.risk,
            old.level,
            old.explanation,
        ):
            continue
        else:
            counts["rescored"] += 1
        conn.execute(
            update(findings)
            .where(findings.c.id == old.id)
            .values(
                risk=new["risk"],
                level=new["level"],
                explanation=new["explanation"],
                signals=new["signals"],
                exculpatory=new["exculpatory"],
                thresholds=new["thresholds"],
                scored_at=at,
            )
        )
        events.append(
            (
                "finding.rescored",
                "finding",
                old.id,
                {"level": new["level"], "risk": new["risk"], "was": old.level},
            )
        )
    record_events(conn, workspace, at, events)
    return counts
