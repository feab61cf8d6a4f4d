"""One immutable Settings object, from defaults, a TOML file, the environment and flags (in that order)."""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from flashpoint.errors import ConfigError

__all__ = ["Settings", "database_url"]


def database_url(url_or_path: str) -> str:
    """Return an SQLAlchemy URL: URLs pass through, a bare path (or ":memory:") means SQLite."""
    if "://" in url_or_path:
        return url_or_path
    if url_or_path in ("", ":memory:"):
        return "sqlite://"
    return f"sqlite:///{Path(url_or_path).expanduser()}"


def _default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "flashpoint"


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything flashpoint can be configured with. Build with `Settings.load()`."""

    db: str = "flashpoint.db"  # a path (SQLite) or an SQLAlchemy URL (postgresql://…)
    model: str | None = None  # spaCy model name or path; None picks the installed English model
    gazetteer: Path | None = None  # the gazetteer SQLite index; None = cache dir
    actors_files: tuple[Path, ...] = ()  # user actor dictionaries merged over ours
    max_bytes: int = 20_000_000  # inputs larger than this are rejected
    batch_size: int = 32  # documents per nlp.pipe batch
    event_model: bool = False  # let the learned chooser (events/learned.py) code sentences the lexicon missed
    # fetching (feeds and article pages)
    allow_private_urls: bool = False  # let URLs resolve to loopback/private addresses (tests, intranets)
    fetch_timeout: float = 10.0
    max_redirects: int = 5
    # corroboration thresholds
    cluster_km: float = 50.0
    cluster_days: int = 3
    # the API server (flashpoint serve)
    base_url: str | None = (
        None  # public address of the API ("https://events.example.org"); absolute links use it
    )
    api_docs: bool = (
        False  # serve Swagger UI at /docs (its assets come from a CDN: off so nothing loads offline)
    )
    write_budget: float = 60.0  # seconds one POSTed document may take to read and code before it is rejected
    write_workers: int = 1  # threads running the write pipeline
    write_queue: int = 4  # writes that may wait for a worker; past it the API answers 503
    cors_origins: tuple[str, ...] = ()  # origins allowed to call the API (none: CORS off; never "*")
    tile_url: str | None = None  # a raster tile URL template ({z}/{x}/{y}) for the map's basemap

    @property
    def gazetteer_path(self) -> Path:
        return self.gazetteer or (_default_cache_dir() / "gazetteer.sqlite")

    @property
    def db_url(self) -> str:
        """Return the SQLAlchemy URL for `db` (a bare path means SQLite): `database_url(db)`."""
        return database_url(self.db)

    @classmethod
    def load(
        cls,
        *,
        config: Path | None = None,
        env: Mapping[str, str] | None = None,
        **overrides: Any,
    ) -> Settings:
        """Return settings from defaults < TOML file < FLASHPOINT_* environment < keyword overrides."""
        env = os.environ if env is None else env
        values: dict[str, Any] = {}
        config = config or (Path(env["FLASHPOINT_CONFIG"]) if "FLASHPOINT_CONFIG" in env else None)
        if config is not None:
            try:
                values.update(tomllib.loads(config.read_text(encoding="utf-8")).get("flashpoint", {}))
            except (OSError, tomllib.TOMLDecodeError) as exc:
                raise ConfigError(f"cannot read config file {config}: {exc}") from exc
        for f in fields(cls):
            key = f"FLASHPOINT_{f.name.upper()}"
            if key in env:
                values[f.name] = env[key]
        values.update({k: v for k, v in overrides.items() if v is not None})
        return replace(cls(), **_coerce(values))


def _coerce(values: dict[str, Any]) -> dict[str, Any]:
    known = {f.name: f for f in fields(Settings)}
    out: dict[str, Any] = {}
    for name, value in values.items():
        if name not in known:
            raise ConfigError(f"unknown setting {name!r}; known: {', '.join(sorted(known))}")
        default = getattr(Settings(), name)
        try:
            if name == "gazetteer":
                out[name] = Path(value) if value else None
            elif name == "actors_files":
                items = value.split(os.pathsep) if isinstance(value, str) else value
                out[name] = tuple(Path(v) for v in items if v)
            elif name == "cors_origins":
                items = value.split(",") if isinstance(value, str) else value
                out[name] = tuple(str(v).strip() for v in items if str(v).strip())
            elif isinstance(default, bool):
                out[name] = str(value).lower() in {"1", "true", "yes", "on"}
            elif isinstance(default, int):
                out[name] = int(value)
            elif isinstance(default, float):
                out[name] = float(value)
            else:
                out[name] = value
        except (TypeError, ValueError) as exc:
            raise ConfigError(f"setting {name!r} has a bad value {value!r}: {exc}") from exc
    return out
