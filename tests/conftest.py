"""Shared fixtures: one spaCy model and one gazetteer per test session, settings in temp folders."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from flashpoint.nlp import NlpStage, load_model
from flashpoint.records import Document, Post
from flashpoint.settings import Settings


@pytest.fixture(scope="session")
def nlp() -> Any:
    """The installed spaCy English model, loaded once."""
    return load_model()


@pytest.fixture(scope="session")
def gazetteer_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where this session's gazetteer index lives (built on first use, then shared)."""
    return tmp_path_factory.mktemp("gazetteer") / "gazetteer.sqlite"


@pytest.fixture()
def settings(tmp_path: Path, gazetteer_path: Path) -> Settings:
    """Settings with a temp database and the session gazetteer."""
    return Settings(db=str(tmp_path / "test.db"), gazetteer=gazetteer_path)


@pytest.fixture(scope="session")
def parse(nlp: Any) -> Callable[..., Document]:
    """Return a function that makes a parsed Document from text (as the nlp stage would)."""
    stage = NlpStage(Settings(), nlp=nlp)

    def make(
        text: str,
        *,
        published: dt.date | None = None,
        posts: tuple[Post, ...] = (),
        doc_id: str = "test-doc",
    ) -> Document:
        return stage(Document(id=doc_id, text=text, published=published, posts=posts))

    return make
