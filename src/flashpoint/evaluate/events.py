"""Scores the event coder against an events gold file (PLOVER or ACLED), returning an EventReport.

How the numbers are formed:

- PLOVER types: per record, the gold and predicted event types are compared as multisets; their
  intersection counts as true positives, the rest as false positives / negatives (per type, then micro
  and macro F1; macro averages the types that occur in the gold or the predictions).
- Matched events: inside a record, gold and predicted events of the same type are paired in text order.
  On those pairs: actor / recipient country (gold codes that are null or not a state — IGO, NGO, … — are
  not checked), sector (first three letters, so REBMOS counts as REB; null not checked), and mode (only
  where the gold has one).
- ACLED: one prediction per record, from `acled.classify` over the whole text (an ACLED note describes
  one event, and its context sentences carry cues a single sentence lacks), told the PLOVER type, mode,
  actor and recipient of the record's strongest event that happened (lowest Goldstein-style score, ties
  to the first); with no such event, the words alone decide. It is right when it equals the coding of
  any gold event of the record.
- Where and when (gold events with a `location` / `date`, as in ACLED notes): the record's main event is
  the same strongest event that happened (else its first event). `event_place_161`: its place lies within
  161 km of the gold location; `event_place_country`: its place is in the gold country; `event_date`: its
  date is the gold day. A record without a predicted event (or whose main event has no place or date)
  counts as a miss, so these are recalls over the gold records.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from flashpoint.errors import FlashpointError
from flashpoint.evaluate.geo import ACCURACY_KM
from flashpoint.evaluate.gold import read_jsonl
from flashpoint.events import acled
from flashpoint.geo.distance import great_circle_km
from flashpoint.pipeline import Pipeline
from flashpoint.records import Actor, Document, Event, Rejection
from flashpoint.settings import Settings

__all__ = [
    "Accuracy",
    "EventReport",
    "GoldRecord",
    "TypeScore",
    "read_gold",
    "score_file",
    "score_predictions",
]

# Gold actor codes that are not states: the coder is not asked to produce them.
NOT_CHECKED_COUNTRIES = frozenset({"IGO", "NGO", "IMG", "MNC", "UIS", "---"})
SAMPLE_SEED = 20261125


@dataclass(frozen=True, slots=True)
class GoldRecord:
    """One gold record: its text and its events as the gold file gives them."""

    id: str
    text: str
    published: str | None
    events: tuple[dict[str, Any], ...]


@dataclass(frozen=True, slots=True)
class TypeScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True, slots=True)
class Accuracy:
    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float | None:
        """Return correct/total, or None when nothing was checked."""
        return self.correct / self.total if self.total else None


@dataclass(frozen=True)
class EventReport:
    """The scores of one run over an events gold file."""

    gold: str
    records: int
    gold_events: int
    predicted_events: int
    per_type: dict[str, TypeScore] = field(default_factory=dict)
    actor_country: Accuracy = Accuracy()
    actor_sector: Accuracy = Accuracy()
    recipient_country: Accuracy = Accuracy()
    recipient_sector: Accuracy = Accuracy()
    mode: Accuracy = Accuracy()
    acled_event_type: Accuracy = Accuracy()
    acled_sub_event_type: Accuracy = Accuracy()
    event_place_161: Accuracy = Accuracy()
    event_place_country: Accuracy = Accuracy()
    event_date: Accuracy = Accuracy()
    rejected: int = 0

    @property
    def micro(self) -> TypeScore:
        """Return the summed counts over all types."""
        scores = self.per_type.values()
        return TypeScore(sum(s.tp for s in scores), sum(s.fp for s in scores), sum(s.fn for s in scores))

    @property
    def macro_f1(self) -> float:
        """Return the mean F1 over the types seen in the gold or the predictions."""
        return sum(s.f1 for s in self.per_type.values()) / len(self.per_type) if self.per_type else 0.0

    def as_dict(self) -> dict[str, object]:
        """Return the report as plain JSON-ready values."""
        micro = self.micro
        return {
            "gold": self.gold,
            "records": self.records,
            "gold_events": self.gold_events,
            "predicted_events": self.predicted_events,
            "rejected": self.rejected,
            "micro": {"precision": micro.precision, "recall": micro.recall, "f1": micro.f1},
            "macro_f1": self.macro_f1,
            "per_type": {
                name: {
                    "tp": s.tp,
                    "fp": s.fp,
                    "fn": s.fn,
                    "precision": s.precision,
                    "recall": s.recall,
                    "f1": s.f1,
                }
                for name, s in sorted(self.per_type.items())
            },
            **{
                name: {"accuracy": acc.value, "correct": acc.correct, "total": acc.total}
                for name, acc in self._accuracies()
            },
        }

    def as_table(self) -> str:
        """Return the report as a plain-text table."""
        micro = self.micro
        lines = [
            f"gold: {self.gold}  records: {self.records}  gold events: {self.gold_events}  "
            f"predicted: {self.predicted_events}  rejected: {self.rejected}",
            f"{'type':<12} {'tp':>5} {'fp':>5} {'fn':>5} {'P':>6} {'R':>6} {'F1':>6}",
        ]
        for name, s in sorted(self.per_type.items()):
            lines.append(
                f"{name:<12} {s.tp:>5} {s.fp:>5} {s.fn:>5} {s.precision:>6.3f} {s.recall:>6.3f} {s.f1:>6.3f}"
            )
        lines.append(
            f"{'micro':<12} {micro.tp:>5} {micro.fp:>5} {micro.fn:>5} "
            f"{micro.precision:>6.3f} {micro.recall:>6.3f} {micro.f1:>6.3f}"
        )
        lines.append(f"{'macro F1':<12} {self.macro_f1:>41.3f}")
        for name, acc in self._accuracies():
            shown = "n/a" if acc.value is None else f"{acc.value:.3f}"
            lines.append(f"{name:<22} {shown:>6}  ({acc.correct}/{acc.total})")
        return "\n".join(lines)

    def _accuracies(self) -> list[tuple[str, Accuracy]]:
        return [
            ("actor_country", self.actor_country),
            ("actor_sector", self.actor_sector),
            ("recipient_country", self.recipient_country),
            ("recipient_sector", self.recipient_sector),
            ("mode", self.mode),
            ("acled_event_type", self.acled_event_type),
            ("acled_sub_event_type", self.acled_sub_event_type),
            ("event_place_161", self.event_place_161),
            ("event_place_country", self.event_place_country),
            ("event_date", self.event_date),
        ]


def read_gold(path: Path) -> list[GoldRecord]:
    """Return the records of an events gold JSONL file; a malformed line is an error naming it."""
    return read_jsonl(path, _gold_record, what="events")


def _gold_record(raw: dict[str, Any]) -> GoldRecord:
    return GoldRecord(
        id=str(raw["id"]),
        text=str(raw["text"]),
        published=raw.get("published"),
        events=tuple(raw.get("events") or ()),
    )


def _select(records: list[GoldRecord], limit: int | None, sample: int | None) -> list[GoldRecord]:
    if sample is not None and sample < len(records):
        keep = sorted(random.Random(SAMPLE_SEED).sample(range(len(records)), sample))
        records = [records[i] for i in keep]
    return records[:limit] if limit is not None else records


def _documents(records: Iterable[GoldRecord]) -> Iterator[Document]:
    import datetime as dt

    for record in records:
        published = dt.date.fromisoformat(record.published) if record.published else None
        yield Document(id=record.id, text=record.text, published=published)


def score_file(
    gold: Path,
    settings: Settings,
    *,
    limit: int | None = None,
    sample: int | None = None,
    pipeline: Pipeline | None = None,
) -> EventReport:
    """Return the scores of the full pipeline over a gold events file.

    `sample` keeps a deterministic (seeded) random subset of records, `limit` the first N after that.
    `pipeline` replaces the standard one (`load_pipeline(settings)`), e.g. to score one stage alone.
    """
    records = _select(read_gold(gold), limit, sample)
    if pipeline is None:
        from flashpoint.pipeline import load_pipeline

        pipeline = load_pipeline(settings)
    predictions: list[tuple[Event, ...]] = []
    rejected = 0
    for result in pipeline.pipe(_documents(records)):
        if isinstance(result, Rejection):
            rejected += 1
            predictions.append(())
        else:
            predictions.append(result.events)
    return score_predictions(records, predictions, gold=str(gold), rejected=rejected)


def _country_ok(gold: dict[str, Any] | None, predicted: Actor | None) -> bool | None:
    code = (gold or {}).get("country")
    if not code or str(code).upper() in NOT_CHECKED_COUNTRIES:
        return None
    return predicted is not None and (predicted.country or "").upper() == str(code).upper()


def _sector_ok(gold: dict[str, Any] | None, predicted: Actor | None) -> bool | None:
    sector = (gold or {}).get("sector")
    if not sector:
        return None
    return predicted is not None and (predicted.sector or "")[:3].upper() == str(sector)[:3].upper()


def _strongest(events: Sequence[Event]) -> Event | None:
    """Return the strongest event that happened (lowest Goldstein-style score, ties to the first)."""
    happened = [e for e in events if e.happened]
    if not happened:
        return None
    return min(
        enumerate(happened),
        key=lambda pair: (pair[1].goldstein if pair[1].goldstein is not None else 0.0, pair[0]),
    )[1]


def _where_and_when(record: GoldRecord, events: Sequence[Event], tally: _Tally) -> None:
    located = [g["location"] for g in record.events if (g.get("location") or {}).get("lat") is not None]
    dated = {str(g["date"]) for g in record.events if g.get("date")}
    if not located and not dated:
        return
    main = _strongest(events) or (events[0] if events else None)
    place = main.place.place if main is not None and main.place is not None else None
    if located:
        tally.add(
            "event_place_161",
            place is not None
            and any(
                great_circle_km(float(g["lat"]), float(g["lon"]), place.lat, place.lon) <= ACCURACY_KM
                for g in located
            ),
        )
        countries = {str(g["country"]).upper() for g in located if g.get("country")}
        if countries:
            tally.add("event_place_country", place is not None and (place.country or "").upper() in countries)
    if dated:
        tally.add("event_date", main is not None and main.date is not None and main.date.isoformat() in dated)


def _record_acled(record: GoldRecord, events: Sequence[Event]) -> tuple[str | None, str | None]:
    strongest = _strongest(events)
    if strongest is None:
        return acled.classify(record.text, plover=None, mode=None, actor=None, recipient=None)
    return acled.classify(
        record.text,
        plover=strongest.type,
        mode=strongest.mode,
        actor=strongest.actor,
        recipient=strongest.recipient,
    )


class _Tally:
    def __init__(self) -> None:
        self.correct: Counter[str] = Counter()
        self.total: Counter[str] = Counter()

    def add(self, name: str, ok: bool | None) -> None:
        if ok is None:
            return
        self.total[name] += 1
        self.correct[name] += int(ok)

    def get(self, name: str) -> Accuracy:
        return Accuracy(self.correct[name], self.total[name])


def score_predictions(
    records: Sequence[GoldRecord],
    predictions: Sequence[Sequence[Event]],
    *,
    gold: str = "",
    rejected: int = 0,
) -> EventReport:
    """Return the scores of predicted events (one sequence per gold record, same order) against the gold."""
    if len(records) != len(predictions):
        raise FlashpointError(f"{len(predictions)} predictions for {len(records)} gold records")
    counts: dict[str, list[int]] = {}
    tally = _Tally()
    gold_events = predicted_events = 0
    for record, events in zip(records, predictions, strict=True):
        gold_typed = [g for g in record.events if g.get("plover")]
        gold_events += len(gold_typed)
        predicted_events += len(events)
        gold_types = Counter(str(g["plover"]) for g in gold_typed)
        pred_types = Counter(e.type for e in events)
        for name in gold_types | pred_types:
            tp = min(gold_types[name], pred_types[name])
            entry = counts.setdefault(name, [0, 0, 0])
            entry[0] += tp
            entry[1] += pred_types[name] - tp
            entry[2] += gold_types[name] - tp
            pairs = zip(
                (g for g in gold_typed if g["plover"] == name),
                (e for e in events if e.type == name),
                strict=False,
            )
            for g, e in pairs:
                tally.add("actor_country", _country_ok(g.get("actor"), e.actor))
                tally.add("actor_sector", _sector_ok(g.get("actor"), e.actor))
                tally.add("recipient_country", _country_ok(g.get("recipient"), e.recipient))
                tally.add("recipient_sector", _sector_ok(g.get("recipient"), e.recipient))
                if g.get("mode"):
                    tally.add("mode", (e.mode or "").lower() == str(g["mode"]).lower())
        gold_acled = {(g.get("acled_event_type"), g.get("acled_sub_event_type")) for g in record.events}
        gold_acled.discard((None, None))
        if gold_acled:
            event_type, sub_event_type = _record_acled(record, events)
            tally.add("acled_event_type", event_type in {t for t, _ in gold_acled})
            tally.add("acled_sub_event_type", (event_type, sub_event_type) in gold_acled)
        _where_and_when(record, events, tally)
    return EventReport(
        gold=gold,
        records=len(records),
        gold_events=gold_events,
        predicted_events=predicted_events,
        per_type={name: TypeScore(*c) for name, c in counts.items()},
        actor_country=tally.get("actor_country"),
        actor_sector=tally.get("actor_sector"),
        recipient_country=tally.get("recipient_country"),
        recipient_sector=tally.get("recipient_sector"),
        mode=tally.get("mode"),
        acled_event_type=tally.get("acled_event_type"),
        acled_sub_event_type=tally.get("acled_sub_event_type"),
        event_place_161=tally.get("event_place_161"),
        event_place_country=tally.get("event_place_country"),
        event_date=tally.get("event_date"),
        rejected=rejected,
    )
