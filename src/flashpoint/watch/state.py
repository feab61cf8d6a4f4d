"""Feed state in the store's database: the feeds polled (validators, backoff) and the items already seen.

Two tables with their own MetaData (they belong to the monitor, not to the store schema), created on
first use through SQLAlchemy Core, so the same code works on SQLite and PostgreSQL:

- `feeds`: url, etag, last_modified, last_polled, failures, next_poll, last_error, added_at
- `feed_items`: key (an entry's guid, else its link), feed_url, document_hash, seen_at
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    Column,
    Connection,
    DateTime,
    Engine,
    Integer,
    MetaData,
    RowMapping,
    String,
    Table,
    Text,
    delete,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from flashpoint.errors import StoreError

__all__ = ["FeedInfo", "FeedState", "feed_items", "feeds", "feeds_metadata"]

feeds_metadata = MetaData()

feeds = Table(
    "feeds",
    feeds_metadata,
    Column("url", Text, primary_key=True),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("last_polled", DateTime(timezone=True)),
    Column("failures", Integer, nullable=False, default=0),
    Column("next_poll", DateTime(timezone=True)),
    Column("last_error", Text),
    Column("added_at", DateTime(timezone=True)),
)

feed_items = Table(
    "feed_items",
    feeds_metadata,
    Column("key", Text, primary_key=True),
    Column("feed_url", Text, nullable=False),
    Column("document_hash", String(64)),
    Column("seen_at", DateTime(timezone=True), nullable=False),
)


@dataclass(frozen=True, slots=True)
class FeedInfo:
    """One polled feed as the state records it."""

    url: str
    etag: str | None = None
    last_modified: str | None = None
    last_polled: dt.datetime | None = None
    failures: int = 0
    next_poll: dt.datetime | None = None
    last_error: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """Return the feed's state as JSON-ready values."""
        return {
            "url": self.url,
            "etag": self.etag,
            "last_modified": self.last_modified,
            "last_polled": self.last_polled.isoformat() if self.last_polled else None,
            "failures": self.failures,
            "next_poll": self.next_poll.isoformat() if self.next_poll else None,
            "last_error": self.last_error,
        }


def _aware(value: dt.datetime | None) -> dt.datetime | None:
    # SQLite hands back naive datetimes; everything here is written in UTC.
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=dt.UTC)


class FeedState:
    """Reads and writes the `feeds` and `feed_items` tables on a store's engine (its migrations made them)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine  # a store's: its migrations made the tables (revision 0001)

    def add(self, url: str, *, now: dt.datetime) -> bool:
        """Return True when `url` was added, False when it was already polled."""
        try:
            with self.engine.begin() as conn:
                conn.execute(insert(feeds).values(url=url, failures=0, added_at=now))
        except IntegrityError:
            return False
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot add feed {url!r}: {exc}") from exc
        return True

    def remove(self, url: str) -> bool:
        """Return True when `url` was polled and is now removed (its seen items are kept)."""
        with self._write() as conn:
            return bool(conn.execute(delete(feeds).where(feeds.c.url == url)).rowcount)

    def feeds(self) -> list[FeedInfo]:
        """Return every feed, sorted by URL."""
        with self._read() as conn:
            rows = conn.execute(select(feeds).order_by(feeds.c.url)).mappings().all()
        return [_info(row) for row in rows]

    def due(self, now: dt.datetime) -> list[FeedInfo]:
        """Return the feeds whose next poll is due at `now` (never polled ones first)."""
        stmt = select(feeds).where(or_(feeds.c.next_poll.is_(None), feeds.c.next_poll <= now))
        with self._read() as conn:
            rows = conn.execute(stmt.order_by(feeds.c.next_poll, feeds.c.url)).mappings().all()
        return [_info(row) for row in rows]

    def get(self, url: str) -> FeedInfo | None:
        """Return the state of one feed, or None when it is not polled."""
        with self._read() as conn:
            row = conn.execute(select(feeds).where(feeds.c.url == url)).mappings().first()
        return _info(row) if row is not None else None

    def succeeded(
        self,
        url: str,
        *,
        now: dt.datetime,
        next_poll: dt.datetime,
        etag: str | None,
        last_modified: str | None,
    ) -> None:
        """Record a successful poll: new validators, failures reset, next poll scheduled."""
        values = {
            "etag": etag,
            "last_modified": last_modified,
            "last_polled": now,
            "failures": 0,
            "next_poll": next_poll,
            "last_error": None,
        }
        with self._write() as conn:
            conn.execute(update(feeds).where(feeds.c.url == url).values(**values))

    def failed(self, url: str, *, now: dt.datetime, error: str, delay: Callable[[int], dt.timedelta]) -> int:
        """Record a failed poll and return the failures in a row; `delay(failures)` gives the wait."""
        with self._write() as conn:
            current = conn.execute(select(feeds.c.failures).where(feeds.c.url == url)).scalar() or 0
            failures = int(current) + 1
            conn.execute(
                update(feeds)
                .where(feeds.c.url == url)
                .values(
                    failures=failures,
                    last_polled=now,
                    last_error=error[:500],
                    next_poll=now + delay(failures),
                )
            )
        return failures

    def seen(self, key: str) -> bool:
        """Return True when a feed item with this key was already ingested or rejected."""
        with self._read() as conn:
            return conn.execute(select(feed_items.c.key).where(feed_items.c.key == key)).first() is not None

    def mark_seen(self, key: str, *, feed_url: str, document_hash: str | None, now: dt.datetime) -> None:
        """Record that a feed item was handled (idempotent)."""
        try:
            with self.engine.begin() as conn:
                conn.execute(
                    insert(feed_items).values(
                        key=key, feed_url=feed_url, document_hash=document_hash, seen_at=now
                    )
                )
        except IntegrityError:
            return
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot record feed item {key!r}: {exc}") from exc

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        try:
            with self.engine.connect() as conn:
                yield conn
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot read the feed state: {exc}") from exc

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        try:
            with self.engine.begin() as conn:
                yield conn
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot write the feed state: {exc}") from exc


def _info(row: RowMapping) -> FeedInfo:
    return FeedInfo(
        url=row["url"],
        etag=row["etag"],
        last_modified=row["last_modified"],
        last_polled=_aware(row["last_polled"]),
        failures=int(row["failures"] or 0),
        next_poll=_aware(row["next_poll"]),
        last_error=row["last_error"],
    )
