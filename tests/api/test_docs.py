"""docs/api.md names every route and every /api/events parameter the app serves."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from flashpoint.api import create_app
from flashpoint.settings import Settings

DOC = Path(__file__).resolve().parents[2] / "docs" / "api.md"


@pytest.fixture(scope="module")
def schema(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    db = tmp_path_factory.mktemp("docs") / "docs.db"
    return create_app(Settings(db=str(db))).openapi()  # type: ignore[no-any-return]


def test_docs_name_every_route(schema: dict[str, object]) -> None:
    text = DOC.read_text(encoding="utf-8")
    paths = schema["paths"]
    assert isinstance(paths, dict)
    for path, operations in paths.items():
        for method in operations:
            assert re.search(rf"`{method.upper()} {re.escape(path)}[`?]", text), f"{method.upper()} {path}"


def test_docs_name_every_event_filter(schema: dict[str, object]) -> None:
    text = DOC.read_text(encoding="utf-8")
    paths = schema["paths"]
    assert isinstance(paths, dict)
    for parameter in paths["/api/events"]["get"]["parameters"]:
        assert f"`{parameter['name']}`" in text, parameter["name"]
