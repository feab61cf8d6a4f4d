"""The Store: documents, events, reports and claims in SQLite (WAL) or PostgreSQL, through SQLAlchemy Core."""

from __future__ import annotations

import datetime as dt
import sqlite3
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import Any

from sqlalchemy import Connection, Engine, Table, create_engine, event, func, insert, select, update
from sqlalchemy.exc import (
    ArgumentError,
    IntegrityError,
    NoSuchModuleError,
    SQLAlchemyError,
)

from flashpoint.errors import StoreError
from flashpoint.records import Document, Rejection
from flashpoint.settings import database_url
from flashpoint.store import schema as t
from flashpoint.store.corroboration import (
    Corroborator,
    find_cluster,
    origin_for,
    refresh,
    store_signature,
)
from flashpoint.store.ids import document_hash, document_id
from flashpoint.store.migrations import upgrade
from flashpoint.store.queries import event_select, within
from flashpoint.store.results import (
    EventDetail,
    EventQuery,
    StoredClaim,
    StoredDocument,
    StoredEvent,
    StoredRejection,
    StoredReport,
    StoreStats,
)
from flashpoint.store.rows import aware, document_rows, stored_claim, stored_document, stored_event

__all__ = ["Store", "database_url", "migrate"]

Clock = Callable[[], dt.datetime]


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Store:
    """The event database. Build with `flashpoint.open_store(url)`; close with `close()` or a `with` block.

    `Store.open(url)` alone gives a store that reads; adding documents needs a `corroborator` (the rules
    that cluster reports and find syndicated copies), which `flashpoint.open_store` passes in.
    """

    def __init__(
        self, engine: Engine, *, clock: Clock | None = None, corroborator: Corroborator[Any] | None = None
    ) -> None:
        self.engine = engine
        self.clock: Clock = clock or _utcnow
        self.corroborator = corroborator
        self.revision: str | None = None  # the schema's migration revision, set by `open`

    @classmethod
    def open(
        cls, url: str, *, clock: Clock | None = None, corroborator: Corroborator[Any] | None = None
    ) -> Store:
        """Return a Store on `url` (a bare path means SQLite), its schema created or upgraded to the newest.

        A new database is built by the migrations; an older one is upgraded in one transaction (see
        `flashpoint.store.migrations`); a database newer than this flashpoint raises StoreError.

        `corroborator` makes corroboration's decisions while `add` writes (see
        `flashpoint.store.corroboration`); without one the store reads but cannot add.
        """
        store = cls(_engine(url), clock=clock, corroborator=corroborator)
        store._create_schema(url)
        return store

    def close(self) -> None:
        """Release the database connections."""
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _create_schema(self, url: str) -> None:
        try:
            self.revision = _upgrade(self.engine, url)
        except StoreError:
            self.engine.dispose()
            raise

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        try:
            with self.engine.connect() as conn:
                yield conn
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot read the database: {exc}") from exc

    # -- writing ---------------------------------------------------------------------------------------

    def add(self, doc: Document) -> bool:
        """Return True when `doc` and everything it carries were written (in one transaction).

        False when a document with the same content hash is already stored: adding is idempotent.
        The same transaction corroborates: the document gets its origin id (syndication) and each of its
        events joins a stored event cluster or starts one (`flashpoint.store.corroboration`).
        """
        judge = self.corroborator
        if judge is None:
            raise StoreError(
                "this store was opened without corroboration rules, so it cannot add documents: "
                "open it with flashpoint.open_store(url) or pass corroborator= to Store.open"
            )
        doc_hash = document_hash(doc)
        rows = document_rows(doc, now=self.clock(), voices=judge)
        sig = judge.sign(doc.text)
        doc_id = document_id(doc_hash)
        try:
            with self.engine.begin() as conn:
                if self._has_hash(conn, doc_hash):
                    return False
                origin_id = origin_for(conn, doc, doc_id, sig, judge)
                conn.execute(insert(t.documents), [{**rows.document, "origin_id": origin_id}])
                store_signature(conn, doc_id, sig)
                if rows.posts:
                    conn.execute(insert(t.posts), rows.posts)
                if rows.sentences:
                    conn.execute(insert(t.sentences), rows.sentences)
                self._add_places(conn, rows.places)
                if rows.place_mentions:
                    conn.execute(insert(t.place_mentions), rows.place_mentions)
                touched: dict[str, None] = {}
                for event_row, report, claims in zip(rows.events, rows.reports, rows.claims, strict=True):
                    cluster_id = find_cluster(conn, event_row, judge)
                    if cluster_id is None:
                        cluster_id = event_row["id"]
                        conn.execute(
                            insert(t.events), {**event_row, "origins": 1, "stance": report["stance"]}
                        )
                    report = {
                        **report,
                        "event_id": cluster_id,
                        "origin_key": report["origin_key"] or origin_id,
                    }
                    result = conn.execute(insert(t.reports), report)
                    report_id = result.inserted_primary_key[0]  # type: ignore[index]
                    if claims:
                        conn.execute(
                            insert(t.claims),
                            [{**c, "report_id": report_id, "event_id": cluster_id} for c in claims],
                        )
                    touched[cluster_id] = None
                for cluster_id in touched:
                    refresh(conn, cluster_id, judge)
                _mark_changed(conn)
        except IntegrityError as exc:
            # A concurrent writer may have stored the same document first: that is still idempotent.
            with self._read() as conn:
                if self._has_hash(conn, doc_hash):
                    return False
            raise StoreError(
                f"document {doc.id!r} was not stored, it breaks a constraint: {exc.orig}"
            ) from exc
        except SQLAlchemyError as exc:
            raise StoreError(f"document {doc.id!r} was not stored: {exc}") from exc
        return True

    def has_document(self, doc_hash: str) -> bool:
        """Return True when a document with this content hash is stored (so it need not be parsed again)."""
        if not doc_hash:
            return False
        with self._read() as conn:
            return self._has_hash(conn, doc_hash)

    @staticmethod
    def _has_hash(conn: Connection, doc_hash: str) -> bool:
        return (
            conn.execute(select(t.documents.c.id).where(t.documents.c.hash == doc_hash)).first() is not None
        )

    @staticmethod
    def _add_places(conn: Connection, places: dict[str, dict[str, Any]]) -> None:
        if not places:
            return
        ids = list(places)
        known: set[str] = set()
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            known.update(conn.execute(select(t.places.c.id).where(t.places.c.id.in_(chunk))).scalars())
        missing = [row for place_id, row in places.items() if place_id not in known]
        if missing:
            conn.execute(insert(t.places), missing)

    def add_rejection(self, rejection: Rejection) -> None:
        """Record an input that could not be read, with its reason and stage."""
        row = {
            "source": rejection.source,
            "reason": rejection.reason,
            "stage": rejection.stage,
            "at": self.clock(),
        }
        try:
            with self.engine.begin() as conn:
                conn.execute(insert(t.rejections), [row])
        except SQLAlchemyError as exc:
            raise StoreError(f"rejection of {rejection.source!r} was not stored: {exc}") from exc

    # -- reading ---------------------------------------------------------------------------------------

    def rejections(self, *, limit: int | None = None) -> list[StoredRejection]:
        """Return stored rejections, newest first."""
        stmt = select(t.rejections).order_by(t.rejections.c.at.desc(), t.rejections.c.id.desc())
        if limit is not None:
            stmt = stmt.limit(limit)
        with self._read() as conn:
            rows = conn.execute(stmt).mappings().all()
        return [
            StoredRejection(
                id=r["id"],
                source=r["source"],
                reason=r["reason"],
                stage=r["stage"],
                at=aware(r["at"]) or r["at"],
            )
            for r in rows
        ]

    def events(self, query: EventQuery | None = None) -> list[StoredEvent]:
        """Return the events matching `query`, latest date first (undated last), then by id."""
        query = query or EventQuery()
        with self._read() as conn:
            rows = conn.execute(event_select(query)).mappings().all()
        found = [stored_event(row) for row in rows]
        if query.near is None:
            return found
        near = query.near
        found = [e for e in found if within(e, near)]
        end = None if query.limit is None else query.offset + query.limit
        return found[query.offset : end]

    def event(self, event_id: str) -> EventDetail | None:
        """Return the event with every report, its sentence, document metadata and claims; None if unknown."""
        return self.event_details([event_id]).get(event_id)

    def event_details(self, event_ids: Iterable[str]) -> dict[str, EventDetail]:
        """Return {event id: the event with every report and claim} for the known ids, in three queries."""
        ids = list(dict.fromkeys(event_ids))
        if not ids:
            return {}
        rows: list[Any] = []
        report_rows: list[Any] = []
        claim_rows: list[Any] = []
        with self._read() as conn:
            for i in range(0, len(ids), 500):
                chunk = ids[i : i + 500]
                rows += (
                    conn.execute(event_select(EventQuery()).where(t.events.c.id.in_(chunk))).mappings().all()
                )
                report_rows += (
                    conn.execute(
                        select(
                            t.reports,
                            t.sentences.c.text.label("sentence_text"),
                            t.documents.c.title,
                            t.documents.c.publisher,
                            t.documents.c.origin,
                            t.documents.c.published,
                            t.documents.c.url,
                        )
                        .select_from(
                            t.reports.join(
                                t.documents, t.documents.c.id == t.reports.c.document_id
                            ).outerjoin(
                                t.sentences,
                                (t.sentences.c.document_id == t.reports.c.document_id)
                                & (t.sentences.c.index == t.reports.c.sentence),
                            )
                        )
                        .where(t.reports.c.event_id.in_(chunk))
                        .order_by(t.reports.c.id)
                    )
                    .mappings()
                    .all()
                )
                claim_rows += (
                    conn.execute(
                        select(t.claims).where(t.claims.c.event_id.in_(chunk)).order_by(t.claims.c.id)
                    )
                    .mappings()
                    .all()
                )
        claims_by_report: dict[int, list[Any]] = {}
        for claim in claim_rows:
            claims_by_report.setdefault(claim["report_id"], []).append(stored_claim(claim))
        reports_by_event: dict[str, list[StoredReport]] = {}
        for r in report_rows:
            reports_by_event.setdefault(r["event_id"], []).append(
                StoredReport(
                    document_id=r["document_id"],
                    document_title=r["title"],
                    publisher=r["publisher"],
                    origin=r["origin"],
                    published=r["published"],
                    url=r["url"],
                    sentence_index=r["sentence"],
                    sentence=r["sentence_text"],
                    trigger_start=r["trigger_start"],
                    trigger_end=r["trigger_end"],
                    trigger=r["trigger"],
                    claims=tuple(claims_by_report.get(r["id"], ())),
                    origin_key=r["origin_key"],
                    stance=r["stance"],
                    own_id=r["own_id"],
                    place_id=r["place_id"],
                    place_name=r["place_name"],
                    place_surface=r["place_surface"],
                    lat=r["lat"],
                    lon=r["lon"],
                    precision=r["precision"],
                )
            )
        return {
            row["id"]: EventDetail(
                event=stored_event(row), reports=tuple(reports_by_event.get(row["id"], ()))
            )
            for row in rows
        }

    def claims_by_event(self, event_ids: Iterable[str]) -> dict[str, tuple[StoredClaim, ...]]:
        """Return {event id: its claims, report by report} for the ids that have any, in one query.

        (One query for every 500 ids: the length of an IN list is bounded.)
        """
        ids = list(dict.fromkeys(event_ids))
        found: dict[str, list[StoredClaim]] = {}
        with self._read() as conn:
            for i in range(0, len(ids), 500):
                rows = conn.execute(
                    select(t.claims)
                    .where(t.claims.c.event_id.in_(ids[i : i + 500]))
                    .order_by(t.claims.c.report_id, t.claims.c.id)
                ).mappings()
                for row in rows:
                    found.setdefault(row["event_id"], []).append(stored_claim(row))
        return {event_id: tuple(claims) for event_id, claims in found.items()}

    def document(self, doc_id: str) -> StoredDocument | None:
        """Return a stored document by store id ("doc_…"), or by the id it had in the pipeline; else None."""
        with self._read() as conn:
            row = conn.execute(select(t.documents).where(t.documents.c.id == doc_id)).mappings().first()
            if row is None:
                row = (
                    conn.execute(
                        select(t.documents)
                        .where(t.documents.c.ref == doc_id)
                        .order_by(t.documents.c.ingested_at.desc())
                    )
                    .mappings()
                    .first()
                )
            if row is None:
                return None
            event_ids = conn.execute(
                select(t.reports.c.event_id)
                .where(t.reports.c.document_id == row["id"])
                .order_by(t.reports.c.sentence, t.reports.c.trigger_start)
            ).scalars()
            ids = tuple(dict.fromkeys(event_ids))
        return replace(stored_document(row), event_ids=ids)

    def version(self) -> str:
        """Return a token that changes whenever a document is stored or an alert changes (for caches, ETags).

        Cheap at any size: one `meta` row that every `add` rewrites, and two indexed maxima.
        """
        meta, alerts = t.meta, t.alerts
        stmt = select(
            select(meta.c.value).where(meta.c.key == CHANGED_KEY).scalar_subquery(),
            select(func.max(t.reports.c.id)).scalar_subquery(),
            select(func.max(alerts.c.updated_at)).scalar_subquery(),
        )
        with self._read() as conn:
            values = conn.execute(stmt).one()
        return "|".join(str(v) for v in (*values, self.revision))

    def day_range(self) -> tuple[dt.date | None, dt.date | None]:
        """Return the first and last day events are counted on (their date, else their document's), or Nones."""
        day = t.events.c.cluster_date
        with self._read() as conn:
            first, last = conn.execute(select(func.min(day), func.max(day))).one()
        return first, last

    def stats(
        self, *, top: int = 10, since: dt.date | None = None, until: dt.date | None = None
    ) -> StoreStats:
        """Return counts of what the store holds, events by type, the date range and the top actors.

        With `since`/`until` the events, their reports and claims, the documents reporting them, the types,
        dates and actors count only events whose day (their date, else their document's) is in that range;
        rejections are always counted in full.
        """
        ev = t.events
        windowed = since is not None or until is not None
        in_window: list[Any] = []
        if since is not None:
            in_window.append(ev.c.cluster_date >= since)
        if until is not None:
            in_window.append(ev.c.cluster_date <= until)
        ids = select(ev.c.id).where(*in_window).scalar_subquery()

        def count(conn: Connection, table: Table) -> int:
            stmt = select(func.count()).select_from(table)
            if windowed:
                stmt = stmt.where((table.c.id if table is ev else table.c.event_id).in_(ids))
            return int(conn.execute(stmt).scalar_one())

        with self._read() as conn:
            counts = {name: count(conn, getattr(t, name)) for name in ("events", "reports", "claims")}
            if windowed:
                documents = select(func.count(func.distinct(t.reports.c.document_id))).where(
                    t.reports.c.event_id.in_(ids)
                )
                counts["documents"] = int(conn.execute(documents).scalar_one())
            else:
                counts["documents"] = count(conn, t.documents)
            rejected = int(conn.execute(select(func.count()).select_from(t.rejections)).scalar_one())
            by_type = conn.execute(
                select(ev.c.type, func.count().label("n"))
                .where(*in_window)
                .group_by(ev.c.type)
                .order_by(func.count().desc(), ev.c.type)
            ).all()
            first, last = conn.execute(
                select(func.min(ev.c.date), func.max(ev.c.date)).where(*in_window)
            ).one()
            actors = conn.execute(
                select(ev.c.actor_country, ev.c.actor_sector, func.count().label("n"))
                .where(ev.c.actor_country.is_not(None), *in_window)
                .group_by(ev.c.actor_country, ev.c.actor_sector)
                .order_by(func.count().desc(), ev.c.actor_country, ev.c.actor_sector)
                .limit(top)
            ).all()
        return StoreStats(
            documents=counts["documents"],
            events=counts["events"],
            reports=counts["reports"],
            claims=counts["claims"],
            rejections=rejected,
            events_by_type=tuple((str(kind), int(n)) for kind, n in by_type),
            first_date=first,
            last_date=last,
            top_actors=tuple((f"{country}{sector or ''}", int(n)) for country, sector, n in actors),
        )


CHANGED_KEY = "changed"  # the meta row `Store.add` rewrites, so `Store.version` moves on every write


def _mark_changed(conn: Connection) -> None:
    token = uuid.uuid4().hex
    done = conn.execute(update(t.meta).where(t.meta.c.key == CHANGED_KEY).values(value=token))
    if not done.rowcount:
        conn.execute(insert(t.meta).values(key=CHANGED_KEY, value=token))


def migrate(url: str) -> str:
    """Return the database's migration revision after upgrading `url` (a path or URL) to the newest."""
    engine = _engine(url)
    try:
        return _upgrade(engine, url)
    finally:
        engine.dispose()


def _engine(url: str) -> Engine:
    try:
        engine = create_engine(database_url(url))
    except (ArgumentError, NoSuchModuleError, ImportError, ValueError) as exc:
        raise StoreError(
            f"cannot use database URL {url!r}: {exc}. "
            "Give a file path (SQLite) or a URL such as postgresql+psycopg://user@host/db."
        ) from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _upgrade(engine: Engine, url: str) -> str:
    from alembic.util import CommandError  # alembic loads when a database is opened, not on import

    try:
        return upgrade(engine)
    except (SQLAlchemyError, CommandError) as exc:
        reason = getattr(exc, "orig", None) or exc
        raise StoreError(
            f"cannot open, create or upgrade the database at {url!r}: {reason}. "
            "Check that the folder exists and is writable, or that the server is reachable."
        ) from exc


_SQLITE_MMAP_BYTES = 1 << 30  # address space, not memory: the OS pages the file in as it is read
_SQLITE_CACHE_KIB = 32 * 1024


def _sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys=ON")
        _journal_wal(cursor)
        cursor.execute("PRAGMA synchronous=NORMAL")
        # Reads of a big store jump between tables and indexes: map the file (no read() call per page)
        # and keep a bigger page cache per connection (bench/scale.py measures the effect).
        cursor.execute(f"PRAGMA mmap_size={_SQLITE_MMAP_BYTES}")
        cursor.execute(f"PRAGMA cache_size=-{_SQLITE_CACHE_KIB}")
    finally:
        cursor.close()


def _journal_wal(cursor: sqlite3.Cursor) -> None:
    # Switching a file to WAL takes an exclusive lock without waiting for it, so connections opening a new
    # database at the same moment can see "database is locked": retry for up to ~5 s.
    for attempt in range(100):
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or attempt == 99:
                raise
            time.sleep(0.05)
