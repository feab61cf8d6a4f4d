"""Split each development gold set once into a *tune* half and a *check* half; writes the id lists.

    python bench/split.py [--data ../shared/data] [--out bench/splits]

The split is fixed (seed 20261202) and stratified, and its id lists are committed: errors are read and rules
tuned on the tune half only; every figure is reported on both. Re-running it gives the same files; it is run
once, not per measurement. Strata: PLOVER type of the first event (plover_dev), ACLED event type (acled_dev),
the actor text (actors_dev: all records of one actor string fall on one side), none (geo corpora).
"""

from __future__ import annotations

import argparse
import json
import random
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path

SEED = 20261202
HERE = Path(__file__).resolve().parent


def _records(path: Path) -> Iterator[dict[str, object]]:
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield json.loads(line)


def _first_event(field: str) -> Callable[[dict[str, object]], str]:
    def stratum(record: dict[str, object]) -> str:
        events = record.get("events") or []
        assert isinstance(events, list)
        return str(events[0].get(field)) if events else "none"

    return stratum


def _actor_unit(record: dict[str, object]) -> str:
    return " ".join(str(record["text"]).lower().split())


# gold file (relative to the data folder), id field, stratum, unit (records of one unit stay together)
SETS: dict[
    str, tuple[str, str, Callable[[dict[str, object]], str], Callable[[dict[str, object]], str] | None]
] = {
    "plover_dev": ("gold/events/plover_dev.jsonl", "id", _first_event("plover"), None),
    "acled_dev": ("gold/events/acled_dev.jsonl", "id", _first_event("acled_event_type"), None),
    "actors_dev": ("gold/actors/actors_dev.jsonl", "id", lambda r: str(r.get("method")), _actor_unit),
    "geowebnews": ("gold/geo/geowebnews.jsonl", "doc_id", lambda r: "all", None),
    "geovirus": ("gold/geo/geovirus.jsonl", "doc_id", lambda r: "all", None),
}


def split(
    records: list[dict[str, object]],
    id_field: str,
    stratum: Callable[[dict[str, object]], str],
    unit: Callable[[dict[str, object]], str] | None,
    rng: random.Random,
) -> tuple[list[str], list[str]]:
    """Tune and check id lists, each in the gold file's order; strata visited in sorted order."""
    units: dict[str, list[dict[str, object]]] = defaultdict(list)
    for record in records:
        units[unit(record) if unit else str(record[id_field])].append(record)
    strata: dict[str, list[str]] = defaultdict(list)
    for key, members in units.items():
        strata[stratum(members[0])].append(key)
    tune_units: set[str] = set()
    odd = 0
    for name in sorted(strata):
        keys = sorted(strata[name], key=lambda k: str(units[k][0][id_field]))
        rng.shuffle(keys)
        half = len(keys) // 2
        if len(keys) % 2:
            half += odd % 2  # odd strata give their extra unit to check, tune, check, …
            odd += 1
        tune_units.update(keys[:half])
    tune = [str(r[id_field]) for r in records if (unit(r) if unit else str(r[id_field])) in tune_units]
    check = [str(r[id_field]) for r in records if (unit(r) if unit else str(r[id_field])) not in tune_units]
    return tune, check


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=HERE.parent.parent / "shared" / "data")
    parser.add_argument("--out", type=Path, default=HERE / "splits")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(SEED)
    for name, (path, id_field, stratum, unit) in SETS.items():
        records = list(_records(args.data / path))
        tune, check = split(records, id_field, stratum, unit, rng)
        for half, ids in (("tune", tune), ("check", check)):
            (args.out / f"{name}.{half}.ids").write_text("\n".join(ids) + "\n", encoding="utf-8")
        print(f"{name}: {len(records)} records -> tune {len(tune)}, check {len(check)}")


if __name__ == "__main__":
    main()
