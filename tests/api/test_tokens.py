"""API tokens: shown once, stored hashed, listed without the secret, revocable."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import create_engine, select

from flashpoint.api.tokens import (
    api_tokens,
    create_token,
    hash_token,
    list_tokens,
    revoke_token,
    verify_token,
)
from flashpoint.errors import TokenError


def test_tokens_store_only_the_hash(tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    token = create_token(db, name="desk")
    engine = create_engine(f"sqlite:///{db}")
    with engine.connect() as conn:
        stored = conn.execute(select(api_tokens.c.hash)).scalar_one()
    assert stored == hash_token(token) and token not in stored
    assert verify_token(engine, token) is not None
    assert verify_token(engine, token[:-1]) is None
    engine.dispose()


def test_tokens_are_unique_per_call(tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    assert create_token(db, name="a") != create_token(db, name="b")
    assert [t.name for t in list_tokens(db)] == ["a", "b"]


@pytest.mark.parametrize("name", ["", "   "])
def test_tokens_need_a_name(tmp_path: Path, name: str) -> None:
    with pytest.raises(TokenError):
        create_token(str(tmp_path / "t.db"), name=name)


def test_tokens_refuse_duplicate_names(tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    create_token(db, name="desk")
    with pytest.raises(TokenError, match="already exists"):
        create_token(db, name="desk")


def test_tokens_revoke(tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    token = create_token(db, name="desk")
    assert revoke_token(db, name="desk") is True
    assert revoke_token(db, name="desk") is False
    [info] = list_tokens(db)
    assert info.active is False and info.as_dict()["revoked_at"]
    engine = create_engine(f"sqlite:///{db}")
    assert verify_token(engine, token) is None
    engine.dispose()
