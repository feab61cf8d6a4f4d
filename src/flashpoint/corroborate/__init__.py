"""Corroboration: syndication (one origin per group of near-duplicate documents) and event clusters.

Pure: it compares rows and signatures and imports nothing of the store. The store runs the SQL
(`flashpoint.store.corroboration`) and asks a `Corroboration` for each decision inside `Store.add`.
"""

from __future__ import annotations

from flashpoint.corroborate.clusters import STANCE_ORDER, ClusterRules, compatible, family, strongest
from flashpoint.corroborate.policy import Corroboration
from flashpoint.corroborate.syndication import outlet_key, shingles, signature

__all__ = [
    "STANCE_ORDER",
    "ClusterRules",
    "Corroboration",
    "compatible",
    "family",
    "outlet_key",
    "shingles",
    "signature",
    "strongest",
]
