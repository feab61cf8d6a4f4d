"""The claims score on a claims gold file (../shared/CLAIMS.md format), computed as score_claims.py does.

Events are matched inside one record by PLOVER type, one to one, preferring a prediction with the gold
stance.  On matched events: stance accuracy and macro-F1 over the gold stances, claimant and channel
agreement (both empty, or a shared content word); end to end, a missed gold event counts as a wrong stance.
A predicted event flagged negated whose claim is asserted, reported or alleged counts as negated.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from flashpoint.evaluate.gold import read_jsonl
from flashpoint.records import Document, Event, Rejection

if TYPE_CHECKING:
    from flashpoint.pipeline import Pipeline
    from flashpoint.settings import Settings

__all__ = [
    "ClaimView",
    "ClaimsGold",
    "ClaimsReport",
    "predicted_view",
    "read_gold",
    "same_party",
    "score_file",
    "score_views",
]

# Words that carry no identity in a party's name (the scorer's list).
_STOP = frozenset(
    {"the", "a", "an", "of", "in", "on", "for", "to", "and", "its", "his", "her", "their", "said", "says",
     "mr", "mrs", "ms", "dr", "news", "agency"}
)  # fmt: skip
_WEAK_STANCES = frozenset({"asserted", "reported", "alleged"})


@dataclass(frozen=True, slots=True)
class ClaimView:
    """What the claims score looks at in one event: its type, stance, claimant and channel."""

    plover: str | None
    stance: str
    claimant: str | None = None
    channel: str | None = None


@dataclass(frozen=True, slots=True)
class ClaimsGold:
    """One gold record: a text and its coded events (empty when nothing is coded)."""

    id: str
    text: str
    events: tuple[ClaimView, ...]
    published: str | None = None


@dataclass(frozen=True, slots=True)
class ClaimsReport:
    """The figures score_claims.py prints, for one gold file."""

    gold: str
    records: int
    records_missing_from_pred: int
    events: dict[str, float | int]
    stance: dict[str, Any]
    claimant: dict[str, float | int | None]
    channel: dict[str, float | int | None]
    empty_records_clean: float | None
    rejected: int = 0
    notes: tuple[str, ...] = field(default=())

    def as_dict(self) -> dict[str, Any]:
        """Return the report as a JSON-ready dict."""
        return asdict(self)

    def as_table(self) -> str:
        """Return the headline figures as aligned "metric  value" lines."""
        rows = [
            ("records", str(self.records)),
            ("events precision", _fmt(self.events["precision"])),
            ("events recall", _fmt(self.events["recall"])),
            ("events f1", _fmt(self.events["f1"])),
            ("stance accuracy", _fmt(self.stance["accuracy"])),
            ("stance macro-F1", _fmt(self.stance["macro_f1"])),
            ("stance end to end", _fmt(self.stance["end_to_end_accuracy"])),
            ("claimant named match", _fmt(self.claimant["named_match"])),
            ("claimant null agree", _fmt(self.claimant["null_agree"])),
            ("channel named match", _fmt(self.channel["named_match"])),
            ("channel null agree", _fmt(self.channel["null_agree"])),
            ("empty records clean", _fmt(self.empty_records_clean)),
        ]
        rows += [
            (f"stance {label}", f"{v['f1']:.3f} (gold {v['gold']})")
            for label, v in self.stance["per_label"].items()
        ]
        width = max(len(k) for k, _ in rows)
        return "\n".join(f"{k.ljust(width)}  {v}" for k, v in rows)


def _fmt(value: object) -> str:
    return "-" if value is None else f"{value:.3f}" if isinstance(value, float) else str(value)


def _words(text: str | None) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", (text or "").lower()) if w not in _STOP and len(w) > 1}


def same_party(gold: str | None, predicted: str | None) -> bool:
    """Return True when both are empty, or both are given and share a content word."""
    if not gold and not predicted:
        return True
    if not gold or not predicted:
        return False
    return bool(_words(gold) & _words(predicted))


def predicted_view(event: Event) -> ClaimView:
    """Return the claims view of a predicted event, read from its first claim as the scorer reads it."""
    claim = event.claims[0] if event.claims else None
    stance = (claim.stance if claim is not None else None) or "asserted"
    if event.negated and stance in _WEAK_STANCES:
        stance = "negated"
    return ClaimView(
        event.type,
        stance,
        claim.claimant if claim is not None else None,
        claim.channel if claim is not None else None,
    )


def _gold_view(raw: Mapping[str, Any]) -> ClaimView:
    return ClaimView(raw.get("plover"), str(raw["stance"]), raw.get("claimant"), raw.get("channel"))


def read_gold(path: Path) -> list[ClaimsGold]:
    """Return the records of a claims gold JSONL file; a malformed line is an error naming it."""
    return read_jsonl(path, _gold_record, what="claims")


def _gold_record(raw: dict[str, Any]) -> ClaimsGold:
    events = tuple(_gold_view(e) for e in raw["events"])
    return ClaimsGold(str(raw["id"]), str(raw["text"]), events, raw.get("published"))


def _ratio(num: int, den: int) -> float | None:
    return round(num / den, 3) if den else None


def score_views(
    gold: Sequence[ClaimsGold],
    predicted: Mapping[str, Sequence[ClaimView]],
    *,
    name: str = "",
    rejected: int = 0,
) -> ClaimsReport:
    """Return the claims figures of `predicted` (views by record id) against `gold`."""
    tp = fp = fn = missing = 0
    pairs: list[tuple[str, str]] = []
    e2e_ok = e2e_total = 0
    party = Counter[str]()
    empty = empty_ok = 0
    for record in gold:
        if record.id not in predicted:
            missing += 1
        views = list(predicted.get(record.id, ()))
        if not record.events:
            empty += 1
            empty_ok += not views
        used: set[int] = set()
        for wanted in record.events:
            e2e_total += 1
            candidates = [i for i, v in enumerate(views) if i not in used and v.plover == wanted.plover]
            if not candidates:
                fn += 1
                continue
            best = next((i for i in candidates if views[i].stance == wanted.stance), candidates[0])
            used.add(best)
            tp += 1
            got = views[best]
            pairs.append((wanted.stance, got.stance))
            e2e_ok += got.stance == wanted.stance
            for key, gold_value, value in (
                ("claimant", wanted.claimant, got.claimant),
                ("channel", wanted.channel, got.channel),
            ):
                kind = "named" if gold_value else "null"
                party[f"{key}_{kind}_n"] += 1
                party[f"{key}_{kind}_ok"] += same_party(gold_value, value)
        fp += len(views) - len(used)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    per_label: dict[str, dict[str, Any]] = {}
    for label in sorted({g for g, _ in pairs}):
        hit = sum(1 for g, p in pairs if g == label == p)
        said = sum(1 for _, p in pairs if p == label)
        truth = sum(1 for g, _ in pairs if g == label)
        p_label = hit / said if said else 0.0
        r_label = hit / truth if truth else 0.0
        f_label = round(2 * p_label * r_label / (p_label + r_label), 3) if p_label + r_label else 0.0
        per_label[label] = {"gold": truth, "f1": f_label}
    stance = {
        "matched": len(pairs),
        "accuracy": round(sum(g == p for g, p in pairs) / len(pairs), 3) if pairs else 0.0,
        "macro_f1": round(sum(v["f1"] for v in per_label.values()) / len(per_label), 3) if per_label else 0.0,
        "end_to_end_accuracy": round(e2e_ok / e2e_total, 3) if e2e_total else 0.0,
        "per_label": per_label,
        "confusion": Counter(f"{g}->{p}" for g, p in pairs if g != p).most_common(12),
    }

    def agreement(key: str) -> dict[str, float | int | None]:
        return {
            "null_agree": _ratio(party[f"{key}_null_ok"], party[f"{key}_null_n"]),
            "null_n": party[f"{key}_null_n"],
            "named_match": _ratio(party[f"{key}_named_ok"], party[f"{key}_named_n"]),
            "named_n": party[f"{key}_named_n"],
        }

    return ClaimsReport(
        gold=name,
        records=len(gold),
        records_missing_from_pred=missing,
        events={
            "tp": tp,
            "fp": fp,
            "fn": fn,
            "precision": round(precision, 3),
            "recall": round(recall, 3),
            "f1": round(f1, 3),
        },
        stance=stance,
        claimant=agreement("claimant"),
        channel=agreement("channel"),
        empty_records_clean=_ratio(empty_ok, empty),
        rejected=rejected,
    )


def _documents(records: Iterable[ClaimsGold]) -> Iterator[Document]:
    import datetime as dt

    for record in records:
        published = dt.date.fromisoformat(record.published) if record.published else None
        yield Document(id=record.id, text=record.text, published=published)


def score_file(
    gold: Path, settings: Settings, *, limit: int | None = None, pipeline: Pipeline | None = None
) -> ClaimsReport:
    """Return the claims figures of the full pipeline (or `pipeline`) over a claims gold file."""
    records = read_gold(gold)[:limit] if limit is not None else read_gold(gold)
    if pipeline is None:
        from flashpoint.pipeline import load_pipeline

        pipeline = load_pipeline(settings)
    predicted: dict[str, list[ClaimView]] = {}
    rejected = 0
    for record, result in zip(records, pipeline.pipe(_documents(records)), strict=True):
        if isinstance(result, Rejection):
            rejected += 1
            continue  # a rejected record has no prediction: the scorer counts it missing
        predicted[record.id] = [predicted_view(event) for event in result.events]
    return score_views(records, predicted, name=str(gold), rejected=rejected)
