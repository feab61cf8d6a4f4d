"""API tokens: created once and shown once, stored as SHA-256 hashes in the store's own database.

A token is `fp_` + 43 URL-safe characters (256 random bits).  Only its hash is kept, so a leaked database
does not leak working tokens; verification looks the hash up and compares it in constant time.  The
`api_tokens` table has its own MetaData (it belongs to the API, not to the store schema); the store's
migrations create it, so every function here works on a store's database (`Store.open` upgrades it).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
from dataclasses import dataclass

from sqlalchemy import (
    Column,
    DateTime,
    Engine,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    insert,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from flashpoint.errors import StoreError, TokenError
from flashpoint.store import Store

__all__ = [
    "TOKEN_PREFIX",
    "TokenInfo",
    "create_token",
    "hash_token",
    "issue_token",
    "list_tokens",
    "revoke_token",
    "verify_token",
]

TOKEN_PREFIX = "fp_"

token_metadata = MetaData()

api_tokens = Table(
    "api_tokens",
    token_metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", Text, nullable=False, unique=True),
    Column("hash", String(64), nullable=False, unique=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("revoked_at", DateTime(timezone=True)),
)


@dataclass(frozen=True, slots=True)
class TokenInfo:
    """What is known about a token without the token itself."""

    name: str
    created_at: dt.datetime
    revoked_at: dt.datetime | None = None

    @property
    def active(self) -> bool:
        return self.revoked_at is None

    def as_dict(self) -> dict[str, object]:
        """Return the token's metadata as JSON-ready values."""
        return {
            "name": self.name,
            "created_at": self.created_at.isoformat(),
            "revoked_at": self.revoked_at.isoformat() if self.revoked_at else None,
            "active": self.active,
        }


def hash_token(token: str) -> str:
    """Return the hex SHA-256 of a token (what the table stores)."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def issue_token(engine: Engine, *, name: str) -> str:
    """Return a new token named `name` (shown once; only its hash is stored)."""
    name = name.strip()
    if not name:
        raise TokenError("a token needs a non-empty name")
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    row = {"name": name, "hash": hash_token(token), "created_at": dt.datetime.now(dt.UTC)}
    try:
        with engine.begin() as conn:
            conn.execute(insert(api_tokens), [row])
    except IntegrityError as exc:
        raise TokenError(
            f"a token named {name!r} already exists (names stay taken after revocation); pick another name"
        ) from exc
    except SQLAlchemyError as exc:
        raise StoreError(f"token {name!r} was not stored: {exc}") from exc
    return token


def verify_token(engine: Engine, token: str) -> TokenInfo | None:
    """Return the active token's metadata when `token` is valid, else None (the table must exist)."""
    if not token.startswith(TOKEN_PREFIX):
        return None
    digest = hash_token(token)
    try:
        with engine.connect() as conn:
            row = conn.execute(select(api_tokens).where(api_tokens.c.hash == digest)).mappings().first()
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot read the api_tokens table: {exc}") from exc
    # The lookup already matched, but compare again in constant time so a database collation or
    # truncation quirk can never turn a near match into a pass.
    if row is None or not hmac.compare_digest(row["hash"], digest) or row["revoked_at"] is not None:
        return None
    return _info(row)


def _engine(store_url: str) -> Engine:
    # The store's migrations create the table (revision 0001), so open the store: it upgrades to head.
    return Store.open(store_url).engine


def create_token(store_url: str, *, name: str) -> str:
    """Return a new API token named `name` for the store at `store_url` (a path or SQLAlchemy URL)."""
    engine = _engine(store_url)
    try:
        return issue_token(engine, name=name)
    finally:
        engine.dispose()


def list_tokens(store_url: str) -> list[TokenInfo]:
    """Return every token's metadata (never the token), oldest first, revoked ones included."""
    engine = _engine(store_url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(select(api_tokens).order_by(api_tokens.c.id)).mappings().all()
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot read the api_tokens table: {exc}") from exc
    finally:
        engine.dispose()
    return [_info(row) for row in rows]


def revoke_token(store_url: str, *, name: str) -> bool:
    """Return True when the active token named `name` was revoked, False when there is none."""
    engine = _engine(store_url)
    try:
        with engine.begin() as conn:
            result = conn.execute(
                update(api_tokens)
                .where(api_tokens.c.name == name, api_tokens.c.revoked_at.is_(None))
                .values(revoked_at=dt.datetime.now(dt.UTC))
            )
    except SQLAlchemyError as exc:
        raise StoreError(f"token {name!r} was not revoked: {exc}") from exc
    finally:
        engine.dispose()
    return bool(result.rowcount)


def _aware(value: dt.datetime) -> dt.datetime:
    # SQLite hands back naive datetimes even for timezone-aware columns; they were written in UTC.
    return value if value.tzinfo is not None else value.replace(tzinfo=dt.UTC)


def _info(row: object) -> TokenInfo:
    mapping = dict(row)  # type: ignore[call-overload]
    revoked = mapping["revoked_at"]
    return TokenInfo(
        name=mapping["name"],
        created_at=_aware(mapping["created_at"]),
        revoked_at=_aware(revoked) if revoked is not None else None,
    )
