"""Shared fixtures: one spaCy model and one gazetteer per test session, settings in temp folders."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from flashpoint.nlp import NlpStage, load_model
from flashpoint.records import Document, Post
from flashpoint.settings import Settings


def _under_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Under CI, PostgreSQL tests without a server fail the run: a CI that lost its database cannot pass by skipping."""
    if _under_ci() and not os.environ.get("FLASHPOINT_TEST_PG_URL"):
        wanting = [item.nodeid for item in items if item.get_closest_marker("postgres")]
        if wanting:
            raise pytest.UsageError(
                f"{len(wanting)} PostgreSQL tests (first: {wanting[0]}) cannot run under CI: "
                "FLASHPOINT_TEST_PG_URL is not set (.ci/run starts the server with scripts/start-postgres.sh)"
            )


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
