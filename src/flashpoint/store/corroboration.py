"""Corroboration's SQL: the reads and writes `Store.add` makes, inside its transaction, to corroborate.

The store never imports `flashpoint.corroborate`. It asks a `Corroborator` (below) for every decision —
which cluster a report joins, whether two documents are near-duplicates, which origin a document has —
and this module fetches the rows those decisions need and writes the outcome, always on the caller's
connection, so a failure anywhere rolls all of it back with the document.
`flashpoint.corroborate.Corroboration` is the corroborator flashpoint ships; `flashpoint.open_store` wires it in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any, Protocol, TypeVar

from sqlalchemy import Connection, func, insert, select

from flashpoint.records import Claim, Document, Event
from flashpoint.store import schema as t

__all__ = [
    "Corroborator",
    "Signed",
    "find_cluster",
    "find_duplicate",
    "origin_for",
    "refresh",
    "store_signature",
]

_CHUNK = 500


class Signed(Protocol):
    """A document's signature as the store keeps it: hash values and LSH band keys."""

    @property
    def values(self) -> bytes: ...

    @property
    def bands(self) -> tuple[str, ...]: ...


Sig = TypeVar("Sig", bound=Signed)


class Corroborator(Protocol[Sig]):
    """The decisions `Store.add` asks for; `flashpoint.corroborate.Corroboration` makes them.

    `Sig` is the corroborator's own signature type: the store keeps its values and band keys and hands
    it back to `closest`.
    """

    @property
    def window_days(self) -> int: ...

    def sign(self, text: str) -> Sig: ...

    def named_origin(self, doc: Document) -> str | None: ...

    def own_origin(self, doc: Document, doc_id: str) -> str: ...

    def closest(
        self, sig: Sig, stored: Iterable[tuple[str, bytes, str]], best: tuple[str, str, float] | None = None
    ) -> tuple[str, str, float] | None: ...

    def choose_cluster(
        self, row: Mapping[str, Any], candidates: Iterable[Mapping[Any, Any]]
    ) -> str | None: ...

    def strongest(self, stances: Iterable[str | None]) -> str | None: ...

    def report_stance(self, claims: Iterable[Claim]) -> str: ...

    def report_origin(self, doc: Document, event: Event) -> str | None: ...


def find_cluster(conn: Connection, row: Mapping[str, Any], judge: Corroborator[Any]) -> str | None:
    """Return the id of the stored cluster the event row joins, or None when it starts a new one."""
    ev = t.events
    stmt = select(ev).where(ev.c.type == row["type"], ev.c.happened == bool(row["happened"]))
    day: dt.date | None = row["cluster_date"]
    if day is None:
        stmt = stmt.where(ev.c.cluster_date.is_(None))
    else:
        span = dt.timedelta(days=judge.window_days)
        stmt = stmt.where(ev.c.cluster_date >= day - span, ev.c.cluster_date <= day + span)
    return judge.choose_cluster(row, conn.execute(stmt).mappings())


def refresh(conn: Connection, cluster_id: str, judge: Corroborator[Any]) -> None:
    """Recount a cluster's independent origins and its strongest stance from its reports."""
    rp = t.reports
    origins = conn.execute(
        select(func.count(func.distinct(rp.c.origin_key))).where(rp.c.event_id == cluster_id)
    ).scalar_one()
    stances = conn.execute(select(rp.c.stance).where(rp.c.event_id == cluster_id).distinct()).scalars()
    conn.execute(
        t.events.update()
        .where(t.events.c.id == cluster_id)
        .values(origins=max(1, int(origins)), stance=judge.strongest(stances))
    )


def find_duplicate(conn: Connection, sig: Sig, judge: Corroborator[Sig]) -> tuple[str, str, float] | None:
    """Return (document id, origin id, similarity) of the most similar stored near-duplicate, or None."""
    found = conn.execute(select(t.lsh_bands.c.document_id).where(t.lsh_bands.c.key.in_(list(sig.bands))))
    candidates = sorted(set(found.scalars()))
    best: tuple[str, str, float] | None = None
    for i in range(0, len(candidates), _CHUNK):
        rows = conn.execute(
            select(t.signatures.c.document_id, t.signatures.c.minhash, t.documents.c.origin_id)
            .join(t.documents, t.documents.c.id == t.signatures.c.document_id)
            .where(t.signatures.c.document_id.in_(candidates[i : i + _CHUNK]))
        ).all()
        best = judge.closest(sig, ((str(d), bytes(v), str(o)) for d, v, o in rows), best)
    return best


def origin_for(conn: Connection, doc: Document, doc_id: str, sig: Sig, judge: Corroborator[Sig]) -> str:
    """Return the origin id of `doc`: the one it names, a stored near-duplicate's, else its own."""
    named = judge.named_origin(doc)
    if named is not None:
        return named
    duplicate = find_duplicate(conn, sig, judge)
    if duplicate is not None:
        return duplicate[1]
    return judge.own_origin(doc, doc_id)


def store_signature(conn: Connection, doc_id: str, sig: Signed) -> None:
    """Write the document's signature and band keys (inside the caller's transaction)."""
    conn.execute(insert(t.signatures).values(document_id=doc_id, minhash=sig.values))
    rows: list[dict[str, Any]] = [{"key": key, "document_id": doc_id} for key in sig.bands]
    conn.execute(insert(t.lsh_bands), rows)
