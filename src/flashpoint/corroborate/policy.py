"""Corroboration: the one object the store consults inside `Store.add`'s transaction.

The store owns the SQL and never imports this package; it asks an object of the shape
`flashpoint.store.corroboration.Corroborator` for every decision. `Corroboration` is the one flashpoint
ships: the syndication rules of `flashpoint.corroborate.syndication` and the clustering rules of
`flashpoint.corroborate.clusters` with their thresholds. `flashpoint.open_store` wires it in.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from flashpoint.corroborate.clusters import ClusterRules, choose_cluster, report_stance, strongest
from flashpoint.corroborate.syndication import (
    Signature,
    closest,
    named_origin,
    own_origin,
    report_origin,
    signature,
)
from flashpoint.records import Claim, Document, Event
from flashpoint.settings import Settings

__all__ = ["Corroboration"]


@dataclass(frozen=True, slots=True)
class Corroboration:
    """flashpoint's corroboration rules, with the clustering thresholds `rules`."""

    rules: ClusterRules = field(default_factory=ClusterRules)

    @classmethod
    def from_settings(cls, settings: Settings) -> Corroboration:
        """Return the rules with the thresholds `settings` name (`cluster_km`, `cluster_days`)."""
        return cls(ClusterRules.from_settings(settings))

    @property
    def window_days(self) -> int:
        """How many days either side of a report's date a cluster may lie."""
        return self.rules.days

    def sign(self, text: str) -> Signature:
        """Return the document's MinHash signature and band keys."""
        return signature(text)

    def named_origin(self, doc: Document) -> str | None:
        """Return the origin a document names for itself, else None."""
        return named_origin(doc)

    def own_origin(self, doc: Document, doc_id: str) -> str:
        """Return the origin of a document with no stored near-duplicate."""
        return own_origin(doc, doc_id)

    def closest(
        self,
        sig: Signature,
        stored: Iterable[tuple[str, bytes, str]],
        best: tuple[str, str, float] | None = None,
    ) -> tuple[str, str, float] | None:
        """Return (document id, origin id, similarity) of the nearest near-duplicate among `stored`."""
        return closest(sig, stored, best)

    def choose_cluster(self, row: Mapping[str, Any], candidates: Iterable[Mapping[Any, Any]]) -> str | None:
        """Return the id of the candidate cluster the event row joins, None when it starts one."""
        return choose_cluster(row, candidates, self.rules)

    def strongest(self, stances: Iterable[str | None]) -> str | None:
        """Return a cluster's strongest stance among its reports'."""
        return strongest(stances)

    def report_stance(self, claims: Iterable[Claim]) -> str:
        """Return a report's stance from its claims."""
        return report_stance(claims)

    def report_origin(self, doc: Document, event: Event) -> str | None:
        """Return a report's own voice when it is an embedded post's, None for the document's."""
        return report_origin(doc, event)
