"""Flashpoint's exceptions: each says what went wrong and what to do about it."""

from __future__ import annotations

__all__ = [
    "ActorDictionaryError",
    "ConfigError",
    "ExportError",
    "FetchError",
    "FlashpointError",
    "GazetteerError",
    "IngestError",
    "LexiconError",
    "ModelNotFound",
    "OntologyError",
    "PipelineError",
    "StoreError",
    "TokenError",
]


class FlashpointError(Exception):
    """Base of every error flashpoint raises on purpose; the CLI prints it without a traceback."""


class ConfigError(FlashpointError):
    """A setting is missing or malformed."""


class IngestError(FlashpointError):
    """An input could not be read; `reason` is short and stored as the rejection reason."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class FetchError(IngestError):
    """A URL could not be fetched (refused, unreachable, too large, wrong type); `reason` says which."""


class LexiconError(FlashpointError):
    """An event trigger lexicon file is malformed; the message names the entry to fix."""


class ModelNotFound(FlashpointError):
    """No spaCy English model is installed."""


class OntologyError(FlashpointError):
    """An event type or mode is not in the ontology, or the ontology data is inconsistent."""


class PipelineError(FlashpointError):
    """The stages cannot run in the order given."""


class GazetteerError(FlashpointError):
    """The gazetteer cannot be built, read or imported into."""


class StoreError(FlashpointError):
    """The database cannot be opened or written."""


class ExportError(FlashpointError):
    """Events cannot be written in the format asked for."""


class ActorDictionaryError(FlashpointError):
    """An actor dictionary file (ours or a user's `--actors FILE`) is missing or malformed."""


class TokenError(FlashpointError):
    """An API token cannot be created as asked (an empty or already used name)."""
