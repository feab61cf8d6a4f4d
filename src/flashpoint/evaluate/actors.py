"""Scores the actor resolver against an actors gold file, returning an ActorReport.

How the numbers are formed (one resolver call per record, with its `date`, `context` and `known_country`):

- Country is checked where the gold gives one (null = not checked). "" means the resolver must give no
  country; `not` holds a code the answer must differ from. CAMEO's JAP, ITL, VTN are read as JPN, ITA,
  VNM. UNO (United Nations), EUR (European Union) and IGO are one intergovernmental family: a gold code
  of the family accepts any of them (the resolver writes IGO, with the body in Actor.name).
- Sector is checked where the gold gives one. "" and UNK (unknown) mean no sector; "A|B" accepts either.
- Each number is also given per `method` (the kind of test the record comes from).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dateutil import parser as date_parser

from flashpoint.actors import ActorResolver
from flashpoint.errors import FlashpointError
from flashpoint.records import Actor
from flashpoint.settings import Settings

__all__ = ["ActorReport", "Miss", "Score", "read_actor_gold", "score_file", "score_records"]

# Gold codes written in another convention, read as ours.
COUNTRY_ALIASES: Mapping[str, str] = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
IGO_FAMILY = frozenset({"IGO", "UNO", "EUR"})
EMPTY_SECTORS = frozenset({"", "UNK"})


@dataclass(frozen=True, slots=True)
class Score:
    """Right answers out of checked records, for country and for sector."""

    country_correct: int = 0
    country_total: int = 0
    sector_correct: int = 0
    sector_total: int = 0

    @property
    def country_accuracy(self) -> float:
        return self.country_correct / self.country_total if self.country_total else 0.0

    @property
    def sector_accuracy(self) -> float:
        return self.sector_correct / self.sector_total if self.sector_total else 0.0

    def add(self, *, country: bool | None, sector: bool | None) -> Score:
        """Return this score with one more record (None = that field was not checked)."""
        return Score(
            self.country_correct + (country is True),
            self.country_total + (country is not None),
            self.sector_correct + (sector is True),
            self.sector_total + (sector is not None),
        )

    def as_dict(self) -> dict[str, object]:
        return {
            "country_accuracy": round(self.country_accuracy, 4),
            "country_n": self.country_total,
            "sector_accuracy": round(self.sector_accuracy, 4),
            "sector_n": self.sector_total,
        }


@dataclass(frozen=True, slots=True)
class Miss:
    """A record the resolver got wrong: what was asked, expected and answered."""

    id: str
    text: str
    expected: str
    got: str


@dataclass(frozen=True, slots=True)
class ActorReport:
    """Country and sector accuracy over a gold file, overall and per method, with the misses."""

    gold: str
    n: int
    total: Score
    by_method: tuple[tuple[str, Score], ...] = ()
    misses: tuple[Miss, ...] = field(default=(), repr=False)

    @property
    def country_accuracy(self) -> float:
        return self.total.country_accuracy

    @property
    def sector_accuracy(self) -> float:
        return self.total.sector_accuracy

    def as_dict(self) -> dict[str, object]:
        """Return the report as plain data (the gate reads `country_accuracy`, `sector_accuracy`)."""
        return {
            "gold": self.gold,
            "n": self.n,
            **self.total.as_dict(),
            "by_method": {method: score.as_dict() for method, score in self.by_method},
            "misses": [
                {"id": m.id, "text": m.text, "expected": m.expected, "got": m.got} for m in self.misses
            ],
        }

    def as_table(self) -> str:
        """Return the report as an aligned text table."""
        rows = [("all", self.total), *self.by_method]
        width = max(len(name) for name, _ in rows)
        lines = [f"actors gold: {self.gold} ({self.n} records)", ""]
        lines.append(f"{'method':<{width}}  country      n   sector       n")
        for name, score in rows:
            lines.append(
                f"{name:<{width}}  {score.country_accuracy:7.3f} {score.country_total:6d}"
                f"  {score.sector_accuracy:7.3f} {score.sector_total:6d}"
            )
        if self.misses:
            lines += ["", f"misses ({len(self.misses)}):"]
            lines += [f"  {m.id}: {m.text!r} expected {m.expected}, got {m.got}" for m in self.misses]
        return "\n".join(lines)


def read_actor_gold(path: Path, *, limit: int | None = None) -> Iterator[dict[str, Any]]:
    """Yield the records of an actors gold JSONL file (at most `limit`)."""
    try:
        with path.open(encoding="utf-8") as lines:
            count = 0
            for number, line in enumerate(lines, 1):
                if not line.strip():
                    continue
                if limit is not None and count >= limit:
                    return
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise FlashpointError(f"{path}:{number}: not valid JSON: {exc}") from exc
                if not isinstance(record, dict) or "text" not in record:
                    raise FlashpointError(f"{path}:{number}: an actors gold record needs a 'text'")
                count += 1
                yield record
    except OSError as exc:
        raise FlashpointError(f"cannot read the actors gold file {path}: {exc}") from exc


def score_file(gold: Path, settings: Settings, *, limit: int | None = None) -> ActorReport:
    """Return the resolver's accuracy on the gold file `gold` (the first `limit` records)."""
    resolver = ActorResolver.from_files(settings.actors_files)
    return score_records(read_actor_gold(gold, limit=limit), resolver, gold=str(gold))


def score_records(
    records: Iterator[dict[str, Any]] | list[dict[str, Any]], resolver: ActorResolver, *, gold: str = "-"
) -> ActorReport:
    """Return the report for gold records already read."""
    total = Score()
    methods: dict[str, Score] = {}
    misses: list[Miss] = []
    n = 0
    for record in records:
        n += 1
        actor = resolver.resolve(
            str(record["text"]),
            date=_date(record.get("date")),
            context=record.get("context"),
            known_country=record.get("known_country"),
        )
        country_ok = _country_ok(record, actor)
        sector_ok = _sector_ok(record.get("sector"), actor)
        total = total.add(country=country_ok, sector=sector_ok)
        method = str(record.get("method") or "-")
        methods[method] = methods.get(method, Score()).add(country=country_ok, sector=sector_ok)
        if country_ok is False or sector_ok is False:
            misses.append(
                Miss(
                    id=str(record.get("id", n)),
                    text=str(record["text"]),
                    expected=f"{record.get('country')}/{record.get('sector')}",
                    got=f"{actor.country}/{actor.sector}" if actor else "None",
                )
            )
    return ActorReport(
        gold=gold, n=n, total=total, by_method=tuple(sorted(methods.items())), misses=tuple(misses)
    )


def _date(value: object) -> dt.date | None:
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        pass
    try:
        return date_parser.parse(str(value), dayfirst=True).date()
    except (ValueError, OverflowError) as exc:
        raise FlashpointError(f"cannot read the gold date {value!r}: {exc}") from exc


def _norm(code: str | None) -> str:
    code = (code or "").strip().upper()
    return COUNTRY_ALIASES.get(code, code)


def _country_ok(record: Mapping[str, Any], actor: Actor | None) -> bool | None:
    got = _norm(actor.country if actor else None)
    expected = record.get("country")
    negative = (record.get("not") or {}).get("country")
    if expected is None and negative is None:
        return None
    if negative is not None and got == _norm(negative):
        return False
    if expected is None:
        return True
    wanted = _norm(expected)
    # The resolver writes IGO for every intergovernmental body; a gold UNO/EUR names the family.
    return got == wanted or (wanted in IGO_FAMILY and got in IGO_FAMILY)


def _sector_ok(expected: str | None, actor: Actor | None) -> bool | None:
    if expected is None:
        return None
    got = (actor.sector if actor else None) or ""
    accepted = {"" if option in EMPTY_SECTORS else option for option in expected.split("|")}
    # Gold sectors may carry an ethnic or religious suffix (REBMOS): the first three letters are the sector.
    return got in accepted or got[:3] in {option[:3] for option in accepted if option}
