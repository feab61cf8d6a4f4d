"""The geoparsing score on a geo gold file (EUPEG rules): toponym P/R/F1 and distance errors."""

from __future__ import annotations

import json
import math
import statistics
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from flashpoint.errors import ConfigError
from flashpoint.geo.distance import great_circle_km
from flashpoint.records import Document, PlaceMention
from flashpoint.settings import Settings

__all__ = ["GeoReport", "calibration_error", "match_toponyms", "score_file"]

MIDPOINT_CHARS = 10
ACCURACY_KM = 161.0
MAX_ERROR_KM = 20039.0  # half the Earth's circumference: the worst possible error


@dataclass(frozen=True, slots=True)
class GeoReport:
    """Geotagging (P/R/F1) and geocoding (errors over matched toponyms) scores for one gold file."""

    gold: str
    documents: int
    oracle: bool
    gold_toponyms: int
    predicted: int
    matched: int
    precision: float
    recall: float
    f1: float
    resolved: int
    mean_km: float | None
    median_km: float | None
    acc_161: float | None
    auc: float | None
    # Expected calibration error: |share within 161 km - mean score| over ten score bins, weighted.
    calibration_error: float | None = None

    def as_dict(self) -> dict[str, Any]:
        """Return the report as a JSON-ready dict."""
        return asdict(self)

    def as_table(self) -> str:
        """Return the report as aligned "metric  value" lines."""
        rows = [(k, "-" if v is None else f"{v:.3f}" if isinstance(v, float) else str(v))
                for k, v in self.as_dict().items()]  # fmt: skip
        width = max(len(k) for k, _ in rows)
        return "\n".join(f"{k.ljust(width)}  {v}" for k, v in rows)


def match_toponyms(
    gold: Sequence[dict[str, Any]], predicted: Sequence[PlaceMention]
) -> list[tuple[dict[str, Any], PlaceMention]]:
    """Return (gold, predicted) pairs: midpoints within 10 characters and equal surfaces ignoring case."""
    pairs: list[tuple[dict[str, Any], PlaceMention]] = []
    used: set[int] = set()
    for item in gold:
        middle = (item["start"] + item["end"]) / 2
        for i, mention in enumerate(predicted):
            if i in used or mention.surface.lower() != str(item["surface"]).lower():
                continue
            if abs((mention.start + mention.end) / 2 - middle) < MIDPOINT_CHARS:
                pairs.append((item, mention))
                used.add(i)
                break
    return pairs


def _records(gold: Path, limit: int | None) -> Iterator[dict[str, Any]]:
    try:
        with gold.open(encoding="utf-8") as handle:
            for n, line in enumerate(handle):
                if limit is not None and n >= limit:
                    return
                if line.strip():
                    yield json.loads(line)
    except (OSError, json.JSONDecodeError) as exc:
        raise ConfigError(f"cannot read the geo gold file {gold}: {exc}") from exc


def score_file(
    gold: Path, settings: Settings, *, oracle: bool = False, limit: int | None = None
) -> GeoReport:
    """Return the scores of the geoparser on a gold JSONL file in the unified geo schema.

    With `oracle`, the gold spans are given and only resolution is scored.
    """
    from flashpoint.geo import GeoStage
    from flashpoint.geo.recognise import Span
    from flashpoint.nlp import NlpStage

    records = list(_records(gold, limit))
    geo = GeoStage(settings)
    nlp = NlpStage(settings)
    errors: list[float] = []
    scored: list[tuple[float, bool]] = []
    n_gold = n_pred = n_match = 0
    docs = (Document(id=str(r.get("doc_id")), text=str(r["text"])) for r in records)
    for record, doc in zip(records, nlp.pipe(docs), strict=True):
        toponyms = [t for t in record["toponyms"] if t.get("lat") is not None and t.get("lon") is not None]
        if oracle:
            sent = doc.sentence_at
            spans = [
                Span(t["start"], t["end"], t["surface"], "oracle",
                     (s.index if (s := sent(t["start"])) else -1))
                for t in toponyms
            ]  # fmt: skip
            predicted = geo.resolver.resolve(spans)
        else:
            predicted = [m for m in geo(doc).places]
        n_gold += len(toponyms)
        n_pred += len(predicted)
        pairs = match_toponyms(toponyms, predicted)
        n_match += len(pairs)
        for item, mention in pairs:
            if mention.place is None:
                errors.append(MAX_ERROR_KM)
            else:
                errors.append(great_circle_km(item["lat"], item["lon"], mention.place.lat, mention.place.lon))
                scored.append((mention.score, errors[-1] <= ACCURACY_KM))
    precision = n_match / n_pred if n_pred else 0.0
    recall = n_match / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return GeoReport(
        gold=str(gold), documents=len(records), oracle=oracle, gold_toponyms=n_gold, predicted=n_pred,
        matched=n_match, precision=round(precision, 4), recall=round(recall, 4), f1=round(f1, 4),
        resolved=len(errors),
        mean_km=round(statistics.fmean(errors), 1) if errors else None,
        median_km=round(statistics.median(errors), 1) if errors else None,
        acc_161=round(sum(e <= ACCURACY_KM for e in errors) / len(errors), 4) if errors else None,
        auc=round(_auc(errors), 4) if errors else None,
        calibration_error=round(calibration_error(scored), 4) if scored and not oracle else None,
    )  # fmt: skip


def calibration_error(scored: Sequence[tuple[float, bool]], *, bins: int = 10) -> float:
    """Return the expected calibration error of (score, right) pairs over equal-width score bins."""
    groups: dict[int, list[tuple[float, bool]]] = {}
    for score, right in scored:
        groups.setdefault(min(bins - 1, max(0, int(score * bins))), []).append((score, right))
    total = len(scored)
    return sum(
        len(g) / total * abs(sum(r for _, r in g) / len(g) - sum(s for s, _ in g) / len(g))
        for g in groups.values()
    )


def _auc(errors: Sequence[float]) -> float:
    # Area under the curve of sorted ln(1 + error), scaled by the worst error: lower is better.
    scaled = sorted(math.log1p(e) / math.log1p(MAX_ERROR_KM) for e in errors)
    return sum(scaled) / len(scaled)
