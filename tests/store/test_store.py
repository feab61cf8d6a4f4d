"""Store: opening, idempotent one-transaction writes, reading back, rejections and stats."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import func, select

from flashpoint import open_store
from flashpoint.errors import StoreError
from flashpoint.records import Document, Event, Rejection
from flashpoint.store import Store, database_url, document_id, event_id
from flashpoint.store import schema as t

DocumentFactory = Callable[..., Document]


def _counts(store: Store) -> dict[str, int]:
    with store.engine.connect() as conn:
        return {
            table.name: int(conn.execute(select(func.count()).select_from(table)).scalar_one())
            for table in t.metadata.sorted_tables
            if table.name != "meta"
        }


def test_store_open_creates_schema_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "fresh.db"
    with open_store(str(path)) as store:
        with store.engine.connect() as conn:
            mode = conn.exec_driver_sql("PRAGMA journal_mode").scalar()
            keys = conn.exec_driver_sql("PRAGMA foreign_keys").scalar()
            version = conn.execute(select(t.meta.c.value).where(t.meta.c.key == "schema_version")).scalar()
        assert mode == "wal"
        assert keys == 1
        assert version == t.SCHEMA_VERSION
    assert path.exists()


@pytest.mark.parametrize(
    "url",
    ["nosuchdialect://somewhere/db", "postgresql+nosuchdriver://h/db", "sqlite:///{missing}/sub/db.sqlite"],
)
def test_store_open_bad_url_raises_store_error(url: str, tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="database"):
        open_store(url.format(missing=tmp_path / "absent"))


def test_store_open_unwritable_path_raises_store_error(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    with pytest.raises(StoreError, match="cannot open"):
        open_store(str(blocker / "db.sqlite"))


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("events.db", "sqlite:///events.db"),
        (":memory:", "sqlite://"),
        ("postgresql://h/db", "postgresql://h/db"),
    ],
)
def test_store_database_url_turns_paths_into_sqlite(given: str, expected: str) -> None:
    assert database_url(given) == expected


def test_store_add_writes_everything_once(store: Store, make_document: DocumentFactory) -> None:
    doc = make_document()
    assert store.add(doc) is True
    counts = _counts(store)
    assert counts == {
        "documents": 1,
        "posts": 1,
        "sentences": 3,
        "places": 3,
        "place_mentions": 3,
        "events": 3,
        "reports": 3,
        "claims": 3,
        "rejections": 0,
        "signatures": 1,
        "lsh_bands": 32,
        "alerts": 0,
        "alert_outbox": 0,
    }
    assert store.add(doc) is False
    assert _counts(store) == counts


def test_store_add_is_idempotent_on_content_not_id(store: Store, make_document: DocumentFactory) -> None:
    doc = make_document()
    store.add(doc)
    # The same body read from elsewhere (another id, extra whitespace) is the same document.
    again = replace(doc, id="other-id", text=doc.text.replace(" ", "  "), hash="")
    assert store.add(again) is False
    assert store.add(make_document(suffix=" More.")) is True
    assert store.stats().documents == 2


def test_store_add_rolls_back_everything_on_failure(store: Store, make_document: DocumentFactory) -> None:
    store.add(make_document())
    before = _counts(store)
    bad = make_document(suffix=" Later text.", fatalities=-3)  # violates the fatalities check on events
    # a year later, so its events start clusters of their own rather than joining the stored ones
    bad = replace(bad, events=tuple(replace(e, date=dt.date(2023, 2, 18)) for e in bad.events))
    with pytest.raises(StoreError, match="constraint"):
        store.add(bad)
    assert _counts(store) == before
    assert store.document(document_id(bad.hash)) is None


def test_store_add_rolls_back_when_corroboration_fails_last(
    store: Store, make_document: DocumentFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The cluster recount is the last write of `add`: failing there must undo the document, its signature
    # and band keys, its events, reports and claims, and the version token.
    from sqlalchemy.exc import OperationalError

    import flashpoint.store.store as store_module

    store.add(make_document())
    before, version = _counts(store), store.version()

    def broken(*_args: object) -> None:
        raise OperationalError("UPDATE events", {}, Exception("disk I/O error"))

    monkeypatch.setattr(store_module, "refresh", broken)
    later = make_document(suffix=" Later text.")
    with pytest.raises(StoreError, match="not stored"):
        store.add(later)
    assert _counts(store) == before
    assert store.version() == version
    assert store.document(document_id(later.hash)) is None


def test_store_opened_without_corroborator_reads_but_refuses_to_add(
    tmp_path: Path, make_document: DocumentFactory
) -> None:
    path = str(tmp_path / "plain.db")
    with open_store(path) as full:
        full.add(make_document())
    with Store.open(path) as plain:
        assert plain.stats().documents == 1  # reading needs no corroboration rules
        before = _counts(plain)
        with pytest.raises(StoreError, match="open_store"):
            plain.add(make_document(suffix=" Another text."))
        assert _counts(plain) == before


class _CountingJudge:
    """flashpoint's rules, counting what the store asks: the store decides nothing itself."""

    def __init__(self) -> None:
        from flashpoint.corroborate import Corroboration

        self.rules = Corroboration()
        self.asked: dict[str, int] = {}

    def __getattr__(self, name: str) -> object:
        self.asked[name] = self.asked.get(name, 0) + 1
        return getattr(self.rules, name)


def test_store_add_asks_its_corroborator_for_every_decision(
    tmp_path: Path, make_document: DocumentFactory
) -> None:
    judge = _CountingJudge()
    with Store.open(str(tmp_path / "judged.db"), corroborator=judge) as store:  # type: ignore[arg-type]
        assert store.add(make_document())
    assert {"sign", "named_origin", "own_origin", "choose_cluster", "strongest", "report_stance"} <= set(
        judge.asked
    )


def test_store_add_rolls_back_when_a_place_is_invalid(store: Store, make_document: DocumentFactory) -> None:
    bad = make_document(lat=123.0)
    with pytest.raises(StoreError):
        store.add(bad)
    assert _counts(store) == dict.fromkeys(_counts(store), 0)


def test_store_event_ids_are_stable_across_stores(tmp_path: Path, make_document: DocumentFactory) -> None:
    doc = make_document()
    ids = []
    for name in ("one.db", "two.db"):
        with open_store(str(tmp_path / name)) as store:
            store.add(doc)
            ids.append(sorted(e.id for e in store.events()))
    assert ids[0] == ids[1]
    assert ids[0] == sorted(event_id(doc.hash, e) for e in doc.events)
    assert all(i.startswith("ev_") and len(i) == 19 for i in ids[0])


@pytest.mark.parametrize("change", ["type", "trigger_start", "sentence"])
def test_store_event_id_changes_with_identity(change: str, make_document: DocumentFactory) -> None:
    doc = make_document()
    event = doc.events[0]
    changed: Event = {
        "type": replace(event, type="COERCE"),
        "trigger_start": replace(event, trigger_start=event.trigger_start + 1),
        "sentence": replace(event, sentence=5),
    }[change]
    assert event_id(doc.hash, changed) != event_id(doc.hash, event)
    assert event_id("0" * 64, event) != event_id(doc.hash, event)


def test_store_event_detail_has_reports_sentence_and_claims(
    store: Store, make_document: DocumentFactory
) -> None:
    doc = make_document()
    store.add(doc)
    ev_id = event_id(doc.hash, doc.events[2])
    detail = store.event(ev_id)
    assert detail is not None
    assert detail.event.type == "REQUEST"
    assert detail.event.aux_modes == ("future",)
    assert detail.event.happened is False
    assert detail.event.date is None
    [report] = detail.reports
    assert report.sentence == doc.sentences[2].text
    assert report.trigger == "asked"
    assert report.publisher == "Example Wire"
    assert [c.stance for c in report.claims] == ["asserted", "reported"]
    assert report.claims[0].claimant_country == "UKR"
    assert report.claims[1].quote == "asked for more"
    assert store.event("ev_0000000000000000") is None


def test_store_event_roundtrips_fields(
    store: Store, make_document: DocumentFactory, now: dt.datetime
) -> None:
    doc = make_document()
    store.add(doc)
    detail = store.event(event_id(doc.hash, doc.events[0]))
    assert detail is not None
    event = detail.event
    assert (event.actor_code, event.recipient_code) == ("SYRREB", "SYRMIL")
    assert (event.lat, event.lon, event.precision, event.place_country) == (36.2021, 37.1343, 1, "SYR")
    assert (event.date, event.date_precision) == (dt.date(2024, 2, 18), "day")
    assert (event.fatalities, event.goldstein, event.quad_class) == (2, -10.0, 4)
    assert event.outlet == "Example Wire"
    assert event.ingested_at == now
    assert detail.reports[0].claims[0].chain == ("Example Wire",)
    assert detail.reports[0].claims[0].anonymous is True
    assert event.as_dict()["date"] == "2024-02-18"


def test_store_document_by_store_id_or_pipeline_id(store: Store, make_document: DocumentFactory) -> None:
    doc = make_document()
    store.add(doc)
    by_store_id = store.document(document_id(doc.hash))
    by_ref = store.document("article-1")
    assert by_store_id is not None and by_ref is not None
    assert by_store_id == by_ref
    assert by_store_id.text == doc.text
    assert by_store_id.published == dt.date(2024, 2, 20)
    assert len(by_store_id.event_ids) == 3
    assert store.document("missing") is None


def test_store_rejections_newest_first(store: Store, now: dt.datetime) -> None:
    store.add_rejection(Rejection(source="a.html", reason="empty page"))
    store.add_rejection(Rejection(source="b.txt", reason="too large", stage="nlp"))
    found = store.rejections()
    assert [r.source for r in found] == ["b.txt", "a.html"]
    assert found[0].stage == "nlp"
    assert found[0].at == now
    assert len(store.rejections(limit=1)) == 1


def test_store_stats_counts_and_ranges(store: Store, make_document: DocumentFactory) -> None:
    store.add(make_document())
    store.add_rejection(Rejection(source="x", reason="y"))
    stats = store.stats()
    assert (stats.documents, stats.events, stats.reports, stats.claims, stats.rejections) == (1, 3, 3, 3, 1)
    assert dict(stats.events_by_type) == {"ASSAULT": 1, "COERCE": 1, "REQUEST": 1}
    assert (stats.first_date, stats.last_date) == (dt.date(2024, 2, 12), dt.date(2024, 2, 18))
    assert dict(stats.top_actors) == {"IRQCOP": 1, "SYRREB": 1, "UKRGOV": 1}
    as_dict = stats.as_dict()
    assert as_dict["first_date"] == "2024-02-12"
    assert as_dict["events_by_type"]["ASSAULT"] == 1


def test_store_stats_empty(store: Store) -> None:
    stats = store.stats()
    assert (stats.documents, stats.events, stats.first_date, stats.top_actors) == (0, 0, None, ())


def test_store_has_document_by_hash(store: Store, make_document: DocumentFactory) -> None:
    doc = make_document()
    assert store.has_document(doc.hash) is False
    store.add(doc)
    assert store.has_document(doc.hash) is True
    assert store.has_document("") is False


def test_store_public_names_resolve() -> None:
    import flashpoint.store as package

    assert sorted(package.__all__) == sorted(set(package.__all__))
    assert all(getattr(package, name, None) is not None for name in package.__all__)


def test_store_open_in_memory(make_document: DocumentFactory) -> None:
    with open_store(":memory:") as store:
        assert store.add(make_document()) is True
        assert store.stats().events == 3
