"""Event clusters of a backfill: a keyed reduction giving each event the cluster the store would give it.

The store corroborates as documents arrive (`flashpoint.corroborate.clusters`): an event joins the best
compatible cluster stored before it, compared with that cluster's first report, or starts a cluster
under its own id. Only events of one type family and one happened-flag can ever be compatible, so the
rows are grouped on that key and each group is replayed in input order on its own: in this process,
or as a groupby on Dask. Either way each event gets the cluster id that `ingest` of the same inputs,
in the same order, into an empty store gives its report.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from flashpoint.corroborate.clusters import ClusterRules, choose_cluster, family

if TYPE_CHECKING:
    from distributed import Client

__all__ = ["CLUSTER_COLUMNS", "cluster_ids", "cluster_ids_on_dask", "group_key", "replay_group", "rows_of"]

# The events columns a cluster decision reads: the event's id and the fields `compatible` compares
# (`flashpoint.store.rows.EVENT_FIELDS` names).
CLUSTER_COLUMNS: tuple[str, ...] = (
    "event_id",
    "type",
    "happened",
    "actor_country",
    "actor_sector",
    "recipient_country",
    "recipient_sector",
    "cluster_date",
    "place_id",
    "lat",
    "lon",
)

Row = dict[str, Any]


def rows_of(events: pa.Table, *, first: int) -> list[Row]:
    """Return the cluster rows of an events table, numbered in order from `first` ("position")."""
    rows: list[Row] = events.select(list(CLUSTER_COLUMNS)).to_pylist()
    for offset, row in enumerate(rows):
        row["id"] = row.pop("event_id")  # a cluster is named by its first event, as the `events` table's `id`
        row["position"] = first + offset
    return rows


def group_key(row: Mapping[str, Any]) -> str:
    """Return the reduction key: rows with different keys can never share a cluster."""
    return f"{family(row['type'])}|{int(bool(row['happened']))}"


def replay_group(rows: Iterable[Row], rules: ClusterRules) -> list[tuple[int, str]]:
    """Return (position, cluster id) for the rows of one key, clustered in position order as the store does.

    A row whose event id came before (the same document read twice) gets that event's cluster.
    """
    seeds: dict[dt.date | None, list[Row]] = {}
    clusters: dict[str, str] = {}
    out: list[tuple[int, str]] = []
    span = rules.days
    for row in sorted(rows, key=lambda r: r["position"]):
        known = clusters.get(row["id"])
        if known is None:
            day = row["cluster_date"]
            days = [None] if day is None else [day + dt.timedelta(days=d) for d in range(-span, span + 1)]
            candidates = [seed for d in days for seed in seeds.get(d, ())]
            known = _best(row, candidates, rules)
            if known is None:
                known = row["id"]
                seeds.setdefault(day, []).append(row)
            clusters[row["id"]] = known
        out.append((row["position"], known))
    return out


def _best(row: Row, candidates: Sequence[Row], rules: ClusterRules) -> str | None:
    """Return the id of the cluster `flashpoint.store.corroboration.find_cluster` would choose."""
    return choose_cluster(row, (seed for seed in candidates if seed["type"] == row["type"]), rules)


def _replay_item(item: tuple[str, list[Row]], rules: ClusterRules) -> list[tuple[int, str]]:
    return replay_group(item[1], rules)


def _in_order(pairs: Iterable[tuple[int, str]], count: int) -> list[str]:
    ids = [""] * count
    for position, cluster in pairs:
        ids[position] = cluster
    return ids


def cluster_ids(rows: Sequence[Row], rules: ClusterRules) -> list[str]:
    """Return the cluster id of every row (rows numbered 0…n-1), reduced key by key in this process."""
    groups: dict[str, list[Row]] = {}
    for row in rows:
        groups.setdefault(group_key(row), []).append(row)
    return _in_order((pair for group in groups.values() for pair in replay_group(group, rules)), len(rows))


def cluster_ids_on_dask(client: Client, rows: Sequence[Row], rules: ClusterRules) -> list[str]:
    """Return what `cluster_ids` returns, the groups shuffled to and replayed on the Dask workers."""
    import dask.bag as db

    if not rows:
        return []
    parts = max(1, min(len(rows) // 2000, 32))
    bag = db.from_sequence(rows, npartitions=parts)  # type: ignore[no-untyped-call]
    grouped = bag.groupby(group_key, shuffle="tasks")
    pairs = grouped.map(_replay_item, rules).flatten()
    return _in_order(client.compute(pairs).result(), len(rows))  # type: ignore[no-untyped-call]
