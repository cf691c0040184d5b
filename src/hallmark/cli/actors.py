"""`hallmark actors list|show|merge|split|export|link`: the accounts linked into actors."""

from __future__ import annotations

import csv
import io
import itertools
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Annotated, Any
from xml.sax.saxutils import quoteattr

import typer
from rich.console import Console
from rich.table import Table

from hallmark.cli.context import App, get_app
from hallmark.domain import Level
from hallmark.link.service import LinkReport, LinkService
from hallmark.score.actor import Member, reasons
from hallmark.store.actors import (
    add_decision,
    edges_touching,
    member_findings,
    members_of,
)
from hallmark.store.identifiers import (
    account_id_named,
    accounts_by_id,
)

app = typer.Typer(help="Actors: accounts linked across platforms.", no_args_is_help=True)
out = Console()
err = Console(stderr=True)
_FORMATS = ("graphml", "json", "csv")


def _service(state: App) -> LinkService:
    rules = state.rules()
    return LinkService(
        state.store(),
        state.workspace(),
        rules.link,
        rules.version,
        photo_distance=rules.vision.phash_max,
    )


def _summary(report: LinkReport) -> str:
    a = report.actors
    how = "full relink" if report.full else "incremental"
    return (
        f"Linked ({how}): {report.accounts} account(s) read, {report.edges} edge(s) written; "
        f"actors {a['created']} created, {a['changed']} changed, {a['dissolved']} dissolved"
    )


@app.command("link")
def link(
    ctx: typer.Context,
    full: Annotated[bool, typer.Option(help="Relink every account from scratch.")] = False,
) -> None:
    """Link what came in since the last run (`scan` does this before it scores)."""
    report = _service(get_app(ctx)).link(full=full)
    err.print(_summary(report), highlight=False)


@app.command("list")
def list_(
    ctx: typer.Context,
    limit: Annotated[int, typer.Option(help="At most this many actors.")] = 50,
) -> None:
    """Actors with their members' platforms and the worst finding among their listings."""
    state = get_app(ctx)
    view = _view(state)
    table = Table(title=f"Actors ({len(view)})")
    for column in ("id", "members", "platforms", "names", "findings", "worst"):
        table.add_column(column)
    for actor_id, members, found in view[:limit]:
        levels = Counter(f["level"] for fs in found.values() for f in fs)
        worst = max((Level.parse(x) for x in levels), default=None)
        table.add_row(
            str(actor_id),
            str(len(members)),
            ", ".join(sorted({m.platform for m in members})),
            ", ".join(m.label for m in members[:4]) + (" …" if len(members) > 4 else ""),
            " ".join(f"{levels[x]} {x}" for x in ("high", "medium", "low") if levels[x]),
            worst.label if worst is not None else "—",
        )
    out.print(table)


def _view(state: App) -> list[tuple[int, list[Member], dict[int, list[dict[str, Any]]]]]:
    store, workspace = state.store(), state.workspace()
    with store.transaction() as conn:
        groups = members_of(conn, workspace)
        rows = accounts_by_id(conn, workspace, {m for g in groups.values() for m in g})
        found = member_findings(conn, workspace, rows.values(), state.rules().version)
    view = []
    for actor_id, ids in groups.items():
        members = [_member(rows[i]) for i in ids]
        view.append((actor_id, members, {i: found.get(i, []) for i in ids}))

    def order(item: tuple[int, list[Member], dict[int, list[dict[str, Any]]]]) -> tuple[float, int]:
        risks = [f["risk"] for fs in item[2].values() for f in fs]
        return (-max(risks, default=0.0), item[0])

    return sorted(view, key=order)


def _member(row: Any) -> Member:
    return Member(row.id, row.platform, row.external_id, row.handle, row.display_name)


@app.command("show")
def show(ctx: typer.Context, actor_id: int) -> None:
    """An actor's members by platform, the edges between them and why, and their findings."""
    state = get_app(ctx)
    store, workspace = state.store(), state.workspace()
    with store.transaction() as conn:
        ids = members_of(conn, workspace, [actor_id]).get(actor_id)
        if not ids:
            err.print(f"no actor {actor_id} in workspace {workspace.name}", style="red")
            raise typer.Exit(1)
        rows = accounts_by_id(conn, workspace, ids)
        edges = edges_touching(conn, workspace, ids)
        found = member_findings(conn, workspace, rows.values(), state.rules().version)
    members = {i: _member(rows[i]) for i in ids}
    table = Table(title=f"Actor {actor_id}: {len(ids)} accounts")
    for column in ("platform", "account", "name", "status", "country", "findings"):
        table.add_column(column)
    for i in sorted(ids, key=lambda x: (rows[x].platform, rows[x].external_id)):
        row = rows[i]
        levels = Counter(f["level"] for f in found.get(i, []))
        table.add_row(
            row.platform,
            row.external_id,
            row.display_name or row.handle or "",
            row.status or "",
            row.country or "",
            " ".join(f"{levels[x]} {x}" for x in ("high", "medium", "low") if levels[x]),
        )
    out.print(table)
    links = Table(title="Edges")
    for column in ("from", "to", "weight", "why"):
        links.add_column(column)
    for (a, b), (weight, shared) in sorted(edges.items(), key=lambda e: -e[1][0]):
        if a in members and b in members:
            links.add_row(members[a].label, members[b].label, f"{weight:.2f}", reasons(shared))
    out.print(links)
    findings = Table(title="Findings")
    for column in ("id", "account", "listing", "brand", "level", "risk", "explanation"):
        findings.add_column(column)
    for i in ids:
        for f in sorted(found.get(i, []), key=lambda f: -f["risk"]):
            findings.add_row(
                str(f["id"]),
                members[i].label,
                f"{f['platform']}:{f['external_id']}",
                f["brand_name"],
                f["level"],
                f"{f['risk']:.2f}",
                f["explanation"],
            )
    out.print(findings)


def _account(state: App, ref: str) -> int:
    platform, _, name = ref.partition(":")
    if not name:
        raise typer.BadParameter(f"{ref!r}: write an account as platform:id", param_hint="ACCOUNT")
    with state.store().transaction() as conn:
        found = account_id_named(conn, state.workspace(), platform, name)
    if found is None:
        raise typer.BadParameter(f"no account {ref!r}", param_hint="ACCOUNT")
    return found


@app.command("merge")
def merge(
    ctx: typer.Context,
    first: Annotated[str, typer.Argument(help="An account (platform:id) or an actor id.")],
    second: Annotated[str, typer.Argument(help="Another account or actor id.")],
    note: Annotated[str | None, typer.Option(help="Why: kept with the decision.")] = None,
) -> None:
    """Decide that two accounts (or two actors) are one actor; the decision overrides the
    graph and is kept across relinks."""
    state = get_app(ctx)
    a, b = _one_account(state, first), _one_account(state, second)
    if a == b:
        raise typer.BadParameter("the same account twice")
    workspace, clock = state.workspace(), state.store().clock

    def write(conn: Any) -> list[int]:
        add_decision(conn, workspace, a, b, "same", note, clock())
        return [a, b]

    report = _service(state).decide(write)
    err.print(_summary(report), highlight=False)


def _one_account(state: App, ref: str) -> int:
    if ref.isdigit():
        with state.store().transaction() as conn:
            ids = members_of(conn, state.workspace(), [int(ref)]).get(int(ref))
        if not ids:
            raise typer.BadParameter(f"no actor {ref}")
        return min(ids)
    return _account(state, ref)


@app.command("split")
def split(
    ctx: typer.Context,
    actor_id: int,
    accounts: Annotated[list[str], typer.Argument(help="Accounts (platform:id) to take out.")],
    note: Annotated[str | None, typer.Option(help="Why: kept with the decision.")] = None,
) -> None:
    """Decide that the named accounts are not the actor the rest of its members are; they
    stay together with each other. The decision overrides the graph and is kept."""
    state = get_app(ctx)
    workspace, clock = state.workspace(), state.store().clock
    with state.store().transaction() as conn:
        members = set(members_of(conn, workspace, [actor_id]).get(actor_id, []))
    if not members:
        raise typer.BadParameter(f"no actor {actor_id}")
    taken = [_account(state, ref) for ref in accounts]
    outside = [t for t in taken if t not in members]
    if outside:
        raise typer.BadParameter(f"not members of actor {actor_id}: {outside}")
    rest = sorted(members - set(taken))
    if not rest:
        raise typer.BadParameter("that would take out every member")

    def write(conn: Any) -> list[int]:
        for t in taken:
            for r in rest:
                add_decision(conn, workspace, t, r, "different", note, clock())
        for x, y in itertools.pairwise(taken):
            add_decision(conn, workspace, x, y, "same", note, clock())
        return sorted(members)

    report = _service(state).decide(write)
    err.print(_summary(report), highlight=False)


@app.command("export")
def export(
    ctx: typer.Context,
    format_: Annotated[str, typer.Option("--format", help="graphml, json or csv.")] = "json",
    output: Annotated[Path | None, typer.Option("--out", help="File; stdout when absent.")] = None,
) -> None:
    """Every actor's accounts and edges, for Gephi (GraphML) and other tools. CSV writes the
    edges with both accounts' actor ids."""
    if format_ not in _FORMATS:
        raise typer.BadParameter(
            f"{format_!r}: one of {', '.join(_FORMATS)}", param_hint="--format"
        )
    state = get_app(ctx)
    store, workspace = state.store(), state.workspace()
    with store.transaction() as conn:
        groups = members_of(conn, workspace)
        ids = {m for g in groups.values() for m in g}
        rows = accounts_by_id(conn, workspace, ids)
        edges = {p: e for p, e in edges_touching(conn, workspace, ids).items() if set(p) <= ids}
    actor_of = {m: a for a, g in groups.items() for m in g}
    nodes = [_node(rows[i], actor_of[i]) for i in sorted(ids)]
    links = [
        {"source": a, "target": b, "weight": w, "why": reasons(shared), "shared": shared}
        for (a, b), (w, shared) in sorted(edges.items())
    ]
    text = {"graphml": _graphml, "json": _json, "csv": _csv}[format_](nodes, links)
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")
        err.print(
            f"wrote {len(groups)} actor(s), {len(nodes)} account(s), {len(links)} edge(s) to {output}"
        )


def _node(row: Any, actor: int) -> dict[str, Any]:
    return {
        "id": row.id,
        "actor": actor,
        "platform": row.platform,
        "external_id": row.external_id,
        "label": _member(row).label,
        "status": row.status or "",
        "country": row.country or "",
    }


def _json(nodes: list[dict[str, Any]], links: list[dict[str, Any]]) -> str:
    actors: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for node in nodes:
        actors[node["actor"]].append(node)
    body = {
        "actors": [{"id": a, "members": m} for a, m in sorted(actors.items())],
        "edges": links,
    }
    return json.dumps(body, ensure_ascii=False, indent=2) + "\n"


def _csv(nodes: list[dict[str, Any]], links: list[dict[str, Any]]) -> str:
    by_id = {n["id"]: n for n in nodes}
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["actor", "source", "target", "source_label", "target_label", "weight", "why"])
    for link in links:
        a, b = by_id[link["source"]], by_id[link["target"]]
        writer.writerow(
            [
                a["actor"],
                f"{a['platform']}:{a['external_id']}",
                f"{b['platform']}:{b['external_id']}",
                a["label"],
                b["label"],
                link["weight"],
                link["why"],
            ]
        )
    return buffer.getvalue()


def _graphml(nodes: list[dict[str, Any]], links: list[dict[str, Any]]) -> str:
    keys = [
        ("actor", "node", "int"),
        ("platform", "node", "string"),
        ("external_id", "node", "string"),
        ("label", "node", "string"),
        ("status", "node", "string"),
        ("country", "node", "string"),
        ("weight", "edge", "double"),
        ("why", "edge", "string"),
    ]
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    ]
    lines += [
        f'  <key id="{k}" for="{scope}" attr.name="{k}" attr.type="{kind}"/>'
        for k, scope, kind in keys
    ]
    lines.append('  <graph id="actors" edgedefault="undirected">')
    for node in nodes:
        lines.append(f'    <node id="n{node["id"]}">')
        lines += [
            f'      <data key="{k}">{_xml(node[k])}</data>'
            for k, scope, _ in keys
            if scope == "node"
        ]
        lines.append("    </node>")
    for i, link in enumerate(links):
        lines.append(f'    <edge id="e{i}" source="n{link["source"]}" target="n{link["target"]}">')
        lines.append(f'      <data key="weight">{link["weight"]}</data>')
        lines.append(f'      <data key="why">{_xml(link["why"])}</data>')
        lines.append("    </edge>")
    lines += ["  </graph>", "</graphml>", ""]
    return "\n".join(lines)


def _xml(value: object) -> str:
    return quoteattr(str(value))[1:-1]
