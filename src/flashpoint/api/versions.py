"""The store's version as the read cache sees it: re-read only when the database says something changed.

`Store.version()` is a query (a `meta` row, two indexed maxima) that costs a millisecond or two through
the connection pool.  On SQLite, `PRAGMA data_version` on a connection of our own answers in microseconds
whether any other connection, in this process or another, committed since we last asked; the version is
read again only then.  That connection never writes (a commit of its own would not move its
data_version) and never holds a transaction open, so it never keeps the writer or a checkpoint waiting.
On PostgreSQL, where no such local check exists, the version read is kept for `POSTGRES_MAX_AGE`
seconds (50 ms): a read within that time of a commit may get the answer from just before it, and
thousands of reads per second cost twenty version queries.  An in-memory SQLite database (tests) reads
`Store.version()` on every call.
"""

from __future__ import annotations

import sqlite3
import threading
import time

from flashpoint.store import Store

__all__ = ["POSTGRES_MAX_AGE", "VersionWatch"]

POSTGRES_MAX_AGE = 0.05  # seconds a PostgreSQL version read is reused


class VersionWatch:
    """Return the store's version (`current()`), asking the database for it only after a commit."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._lock = threading.Lock()
        self._probe: sqlite3.Connection | None = None
        self.open()
        self._seen: int | None = None
        self._version: str | None = None
        self._read_at = 0.0
        self.max_age = POSTGRES_MAX_AGE if store.engine.dialect.name == "postgresql" else 0.0

    @property
    def cheap(self) -> bool:
        """True when `current()` is a local check most of the time (fine on an event loop)."""
        return self._probe is not None

    def recent(self) -> str | None:
        """Return the version read less than `max_age` seconds ago (PostgreSQL), else None; never blocks on I/O."""
        if self._probe is not None or self.max_age <= 0:
            return None
        with self._lock:
            if self._version is not None and time.monotonic() - self._read_at < self.max_age:
                return self._version
        return None

    def current(self) -> str:
        """Return `Store.version()`, from memory while the database reports no commit since the last read."""
        if self._probe is None:
            if self.max_age <= 0:
                return self.store.version()
            now = time.monotonic()
            with self._lock:
                if self._version is not None and now - self._read_at < self.max_age:
                    return self._version
            version = self.store.version()  # outside the lock: a slow server must not queue every reader
            with self._lock:
                self._version, self._read_at = version, now
            return version
        with self._lock:
            try:
                seen = int(self._probe.execute("PRAGMA data_version").fetchone()[0])
            except sqlite3.Error:
                seen = None  # the file went away or is unreadable: ask the store, which reports it
            if seen is not None and seen == self._seen and self._version is not None:
                return self._version
            # Read the data version before the version: a commit in between is seen on the next call.
            version = self.store.version()
            self._seen, self._version = seen, version
            return version

    def open(self) -> None:
        """Open the probe connection (SQLite files only); nothing when it is open."""
        with self._lock:
            if self._probe is None:
                self._probe = _sqlite_probe(self.store)
                self._seen = self._version = None

    def close(self) -> None:
        """Close the probe connection (`current()` then asks the store every time, until `open()`)."""
        with self._lock:
            if self._probe is not None:
                self._probe.close()
                self._probe = None


def _sqlite_probe(store: Store) -> sqlite3.Connection | None:
    url = store.engine.url
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    if url.database.startswith("file:") or url.query.get("mode") == "memory":
        return None  # URI names (shared-cache memory databases): let the store answer
    try:
        return sqlite3.connect(url.database, isolation_level=None, check_same_thread=False)
    except sqlite3.Error:
        return None
