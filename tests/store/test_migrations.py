"""Migrations: new databases reach head, pre-Alembic ones are adopted and upgraded, upgrades are idempotent."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, MetaData, create_engine, func, insert, inspect, select, text, update

from flashpoint import open_store
from flashpoint.api.tokens import token_metadata
from flashpoint.errors import StoreError
from flashpoint.store import EventQuery, database_url, migrate
from flashpoint.store import schema as t
from flashpoint.store.migrations import BASELINE, alembic_config, head_revision
from flashpoint.store.rows import REPORT_PLACE_FIELDS
from flashpoint.watch.state import feeds_metadata

from .conftest import PG_URL, fixed_clock

NEW_INDEX = "ix_events_date_lat_lon_id"  # the newest index (migration 0005)


@pytest.fixture(
    params=[
        "sqlite",
        pytest.param(
            "postgresql",
            marks=[
                pytest.mark.postgres,
                pytest.mark.skipif(
                    PG_URL is None, reason="set FLASHPOINT_TEST_PG_URL to run against PostgreSQL"
                ),
            ],
        ),
    ]
)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of an empty database: an SQLite file, or a private schema on the PostgreSQL server."""
    if request.param == "sqlite":
        yield str(tmp_path / "events.db")
        return
    assert PG_URL is not None
    schema = f"fp_mig_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    separator = "&" if "?" in PG_URL else "?"
    try:
        yield f"{PG_URL}{separator}options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


@pytest.fixture()
def engine(db_url: str) -> Iterator[Engine]:
    """A plain engine on the test database, for building and inspecting it behind the store's back."""
    made = create_engine(database_url(db_url))
    yield made
    made.dispose()


def _revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _event_indexes(engine: Engine) -> set[str | None]:
    return {ix["name"] for ix in inspect(engine).get_indexes("events")}


def _make_pre_alembic(engine: Engine) -> None:
    """Build a database the way the store did before migrations: create_all of schema version 2."""
    old = MetaData()
    for table in t.metadata.sorted_tables:
        copy = table.to_metadata(old)
        for index in list(copy.indexes):
            if index.name == NEW_INDEX:
                copy.indexes.discard(index)
    with engine.begin() as conn:
        old.create_all(conn)
        added = [("reports", column) for column in REPORT_PLACE_FIELDS] + [("events", "co_actors")]
        for table, column in added:  # by migration 0003
            conn.execute(text(f'ALTER TABLE {table} DROP COLUMN "{column}"'))
        conn.execute(insert(t.meta).values(key="schema_version", value="2"))
        conn.execute(
            insert(t.places).values(
                id="p1", name="Testville", lat=10.0, lon=20.0, country="AAA", population=0
            )
        )
        conn.execute(
            insert(t.events),
            [
                {
                    "id": f"ev_{n:016x}",
                    "type": "ASSAULT",
                    "negated": False,
                    "aux_modes": "",
                    "happened": True,
                    "place_id": "p1",
                    "lat": 10.0 + n / 100,
                    "lon": 20.0,
                    "date": dt.date(2024, 1, 1) + dt.timedelta(days=n),
                    "origins": 1,
                }
                for n in range(3)
            ],
        )


def test_migrations_new_database_is_at_head(db_url: str, engine: Engine) -> None:
    with open_store(db_url, clock=fixed_clock) as store:
        assert store.revision == head_revision()
    assert _revision(engine) == head_revision()
    assert NEW_INDEX in _event_indexes(engine)
    with engine.connect() as conn:
        version = conn.execute(select(t.meta.c.value).where(t.meta.c.key == "schema_version")).scalar()
    assert version == t.SCHEMA_VERSION


def test_migrations_pre_alembic_database_is_adopted_and_upgraded(db_url: str, engine: Engine) -> None:
    _make_pre_alembic(engine)
    assert NEW_INDEX not in _event_indexes(engine)
    assert _revision(engine) is None
    with open_store(db_url, clock=fixed_clock) as store:
        assert store.revision == head_revision()
        kept = store.events(EventQuery(since=dt.date(2024, 1, 2)))
    assert [e.id for e in kept] == [f"ev_{2:016x}", f"ev_{1:016x}"]
    assert NEW_INDEX in _event_indexes(engine)
    assert _revision(engine) == head_revision()


@pytest.mark.parametrize("start", ["new", "pre_alembic"])
def test_migrations_upgrade_is_idempotent(start: str, db_url: str, engine: Engine) -> None:
    if start == "pre_alembic":
        _make_pre_alembic(engine)
    first = migrate(db_url)
    second = migrate(db_url)
    open_store(db_url).close()
    assert first == second == head_revision()
    with engine.connect() as conn:
        versions = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
        metas = conn.execute(select(func.count()).select_from(t.meta)).scalar_one()
        events = conn.execute(select(func.count()).select_from(t.events)).scalar_one()
    assert versions == [head_revision()]
    assert metas == 1
    assert events == (3 if start == "pre_alembic" else 0)


@pytest.mark.parametrize("md", [t.metadata, token_metadata, feeds_metadata], ids=["store", "tokens", "feeds"])
def test_migrations_schema_matches_the_code(md: MetaData, db_url: str, engine: Engine) -> None:
    migrate(db_url)

    def own(name: str | None, kind: str, _parent: Any) -> bool:
        return kind != "table" or name in md.tables

    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_name": own})
        diffs = compare_metadata(context, md)
    assert diffs == [], f"the migrations and the code disagree: {diffs}"


def test_migrations_module_tables_made_first_are_kept(db_url: str, engine: Engine) -> None:
    token_metadata.create_all(engine)  # what flashpoint before the migrations did on first use
    assert migrate(db_url) == head_revision()
    assert {"api_tokens", "events", "feeds"} <= set(inspect(engine).get_table_names())


def test_migrations_refuse_an_unknown_revision(db_url: str, engine: Engine) -> None:
    migrate(db_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'from_the_future'"))
    with pytest.raises(StoreError, match="from_the_future"):
        open_store(db_url)


def test_migrations_refuse_a_schema_older_than_the_baseline(db_url: str, engine: Engine) -> None:
    _make_pre_alembic(engine)
    with engine.begin() as conn:
        conn.execute(update(t.meta).where(t.meta.c.key == "schema_version").values(value="1"))
    with pytest.raises(StoreError, match="schema version 1"):
        migrate(db_url)
    assert _revision(engine) is None


def test_migrations_downgrade_to_baseline_and_back(db_url: str, engine: Engine) -> None:
    migrate(db_url)
    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), BASELINE)
    assert _revision(engine) == BASELINE
    assert NEW_INDEX not in _event_indexes(engine)
    assert migrate(db_url) == head_revision()
    assert NEW_INDEX in _event_indexes(engine)


def test_migrations_failed_upgrade_leaves_the_database_as_it_was(db_url: str, engine: Engine) -> None:
    _make_pre_alembic(engine)
    with engine.begin() as conn:  # a stray index with the name revision 0005 wants makes 0005 fail
        conn.execute(text(f"CREATE INDEX {NEW_INDEX} ON events (type)"))
    with pytest.raises(StoreError):
        migrate(db_url)
    assert "alembic_version" not in inspect(engine).get_table_names()
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(t.events)).scalar_one() == 3


def test_migrations_concurrent_openers_of_a_new_database_all_succeed(db_url: str, engine: Engine) -> None:
    def open_once(_: int) -> str | None:
        with open_store(db_url) as store:
            return store.revision

    with ThreadPoolExecutor(max_workers=4) as pool:
        revisions = list(pool.map(open_once, range(4)))
    assert revisions == [head_revision()] * 4
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(t.meta)).scalar_one() == 1
