"""flashpoint: who did what to whom, where, when — and who says so."""

from __future__ import annotations

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
]
