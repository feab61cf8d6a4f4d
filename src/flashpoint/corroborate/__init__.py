"""Corroboration: syndication (one origin per group of near-duplicate documents) and event clusters."""

from __future__ import annotations

# The store builds on this package's modules, and they on the store's schema: the store is loaded first so
# that importing this package before it works.
import flashpoint.store  # noqa: F401
from flashpoint.corroborate.clusters import STANCE_ORDER, ClusterRules, compatible, family, strongest
from flashpoint.corroborate.syndication import outlet_key, shingles, signature

__all__ = [
    "STANCE_ORDER",
    "ClusterRules",
    "compatible",
    "family",
    "outlet_key",
    "shingles",
    "signature",
    "strongest",
]
