"""flashpoint: who did what to whom, where, when — and who says so."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from flashpoint.errors import FlashpointError
from flashpoint.pipeline import Pipeline, Stage, load_pipeline
from flashpoint.records import (
    Actor,
    Claim,
    Document,
    Event,
    Mention,
    Place,
    PlaceMention,
    Post,
    Rejection,
    Sentence,
)
from flashpoint.settings import Settings

if TYPE_CHECKING:
    from flashpoint.store import Store

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Claim",
    "Document",
    "Event",
    "FlashpointError",
    "Mention",
    "Pipeline",
    "Place",
    "PlaceMention",
    "Post",
    "Rejection",
    "Sentence",
    "Settings",
    "Stage",
    "__version__",
    "load_pipeline",
    "open_store",
]


def open_store(where: str | Settings, *, clock: Callable[[], dt.datetime] | None = None) -> Store:
    """Return the Store at `where` — a database URL, a SQLite path, or the Settings naming one — ready to add.

    It corroborates as it adds, with flashpoint's rules (`flashpoint.corroborate.Corroboration`): the
    clustering thresholds come from the Settings when given (`cluster_km`, `cluster_days`), else the defaults.
    `clock` gives the ingest time (tests pin it).
    """
    from flashpoint.corroborate import Corroboration  # here: `import flashpoint` stays light for the CLI
    from flashpoint.store import Store

    if isinstance(where, Settings):
        return Store.open(where.db_url, clock=clock, corroborator=Corroboration.from_settings(where))
    return Store.open(where, clock=clock, corroborator=Corroboration())
