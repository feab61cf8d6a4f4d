"""spaCy: sentences, entities and the dependency parse, with the model loaded once per process."""

from __future__ import annotations

from flashpoint.nlp.model import MODEL_CANDIDATES, load_model
from flashpoint.nlp.stage import NlpStage

__all__ = ["MODEL_CANDIDATES", "NlpStage", "load_model"]
