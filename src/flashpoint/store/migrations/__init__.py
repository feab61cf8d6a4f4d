"""Alembic migrations of the store's database, run in code (no alembic.ini): `upgrade(engine)` returns the revision.

The revisions live in `versions/`; `env.py` runs them on the connection handed to it.  A new database is
built by running every revision from the start (so the migration path is the one always exercised).  A
database made before migrations (`meta.schema_version` = "2", no `alembic_version` table) is stamped at
the baseline and then upgraded.  Upgrading takes a lock first (SQLite: BEGIN IMMEDIATE; PostgreSQL: a
transaction-scoped advisory lock) and runs every pending revision in that one transaction, so two
processes opening the same database at once do not both migrate it, and a failed upgrade leaves nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, MetaData, inspect, select, text

from flashpoint.errors import StoreError
from flashpoint.store import schema as t

if TYPE_CHECKING:
    from alembic.config import Config

__all__ = [
    "BASELINE",
    "PRE_ALEMBIC_SCHEMA_VERSION",
    "alembic_config",
    "current_revision",
    "head_revision",
    "upgrade",
]

BASELINE = "0001_baseline"
PRE_ALEMBIC_SCHEMA_VERSION = "2"  # the `meta.schema_version` the baseline matches
_PG_LOCK_KEY = 0x66_6C_61_73_68  # "flash": the advisory lock migrations hold on PostgreSQL


def alembic_config(
    connection: Connection | None = None, *, target_metadata: list[MetaData] | None = None
) -> Config:
    """Return an Alembic Config on this package's scripts, running on `connection` when one is given.

    `target_metadata` is only needed to autogenerate a new revision or compare a database with the code.
    """
    from alembic.config import Config  # alembic loads on first use: importing the store stays light

    config = Config()
    config.set_main_option("script_location", str(Path(__file__).parent))
    config.attributes["connection"] = connection
    config.attributes["target_metadata"] = target_metadata
    return config


@cache
def head_revision() -> str:
    """Return the newest revision this flashpoint knows."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "the migrations folder has no revisions"
    return head


@cache
def _known_revisions() -> frozenset[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return frozenset(s.revision for s in script.walk_revisions())


def current_revision(conn: Connection) -> str | None:
    """Return the database's Alembic revision, None when it has none (new, or made before migrations)."""
    from alembic.migration import MigrationContext

    return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine) -> str:
    """Return the revision the database is at after upgrading it to head (a no-op when it is there).

    Raises StoreError for a database newer than this flashpoint, or one made before migrations at a
    schema version other than the baseline's.
    """
    from alembic import command

    head = head_revision()
    with engine.connect() as conn:
        if current_revision(conn) == head:
            return head
    with _locked(engine) as conn:
        current = current_revision(conn)  # again: another process may have upgraded meanwhile
        if current == head:
            return head
        if current is not None and current not in _known_revisions():
            raise StoreError(
                f"the database is at migration {current!r}, which this flashpoint does not know "
                "(a newer flashpoint made it); upgrade flashpoint or use another database"
            )
        if current is None and inspect(conn).has_table(t.meta.name):
            _adopt(conn)
        command.upgrade(alembic_config(conn), "head")
        now = current_revision(conn)
    assert now is not None
    return now


def _adopt(conn: Connection) -> None:
    """Stamp a database made before migrations at the baseline, when its schema version matches it."""
    version = conn.execute(select(t.meta.c.value).where(t.meta.c.key == "schema_version")).scalar()
    if version != PRE_ALEMBIC_SCHEMA_VERSION:
        raise StoreError(
            f"the database has schema version {version}, older than the first migration (version "
            f"{PRE_ALEMBIC_SCHEMA_VERSION}); re-ingest into a new database"
        )
    from alembic import command

    command.stamp(alembic_config(conn), BASELINE)


@contextmanager
def _locked(engine: Engine) -> Iterator[Connection]:
    """Yield a connection in a transaction that holds the migration lock; commit it on success."""
    if engine.dialect.name != "sqlite":
        with engine.begin() as conn:
            if engine.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK_KEY})
            yield conn
        return
    # pysqlite neither begins a transaction before DDL nor lets one take the write lock up front: drive
    # the transaction ourselves so the whole upgrade is atomic and a second opener waits for the first.
    with engine.connect() as conn:
        driver = conn.connection.driver_connection
        assert driver is not None
        saved = driver.isolation_level
        driver.isolation_level = None
        try:
            conn.exec_driver_sql("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.rollback()
                raise
            conn.commit()
        finally:
            driver.isolation_level = saved
