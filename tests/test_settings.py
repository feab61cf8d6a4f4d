"""Settings: defaults < TOML file < environment < flags, with clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from flashpoint.errors import ConfigError
from flashpoint.settings import Settings


def test_settings_db_url_from_path_and_url() -> None:
    assert Settings(db="x/y.db").db_url == "sqlite:///x/y.db"
    assert Settings(db="postgresql://u@h/db").db_url == "postgresql://u@h/db"


def test_settings_layering(tmp_path: Path) -> None:
    config = tmp_path / "fp.toml"
    config.write_text('[flashpoint]\ndb = "from-file.db"\nbatch_size = 8\ncluster_km = 20\n')
    env = {"FLASHPOINT_DB": "from-env.db"}
    settings = Settings.load(config=config, env=env)
    assert (settings.db, settings.batch_size, settings.cluster_km) == ("from-env.db", 8, 20.0)
    assert Settings.load(config=config, env=env, db="flag.db").db == "flag.db"


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"FLASHPOINT_BATCH_SIZE": "many"}, "batch_size"),
        ({"FLASHPOINT_CONFIG": "/nonexistent.toml"}, "config"),
    ],
)
def test_settings_bad_values_raise_config_error(env: dict[str, str], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        Settings.load(env=env)


def test_settings_unknown_key_in_file(tmp_path: Path) -> None:
    config = tmp_path / "fp.toml"
    config.write_text("[flashpoint]\ncolour = 'red'\n")
    with pytest.raises(ConfigError, match="unknown setting 'colour'"):
        Settings.load(config=config, env={})


def test_settings_actors_files_from_env() -> None:
    settings = Settings.load(env={"FLASHPOINT_ACTORS_FILES": "a.yaml:b.yaml"})
    assert settings.actors_files == (Path("a.yaml"), Path("b.yaml"))


def test_settings_cors_origins_and_tile_url_from_file_and_env(tmp_path: Path) -> None:
    config = tmp_path / "fp.toml"
    config.write_text(
        '[flashpoint]\ncors_origins = ["https://desk.example", "https://wall.example:8443"]\n'
        'tile_url = "https://tiles.example/{z}/{x}/{y}.png"\n'
    )
    settings = Settings.load(config=config, env={})
    assert settings.cors_origins == ("https://desk.example", "https://wall.example:8443")
    assert settings.tile_url == "https://tiles.example/{z}/{x}/{y}.png"
    from_env = Settings.load(env={"FLASHPOINT_CORS_ORIGINS": "https://a.example, https://b.example"})
    assert from_env.cors_origins == ("https://a.example", "https://b.example")


def test_settings_environment_round_trips_lists() -> None:
    from flashpoint.api.server import settings_environment

    settings = Settings(
        cors_origins=("https://a.example:8443", "https://b.example"), actors_files=(Path("x.yaml"),)
    )
    assert Settings.load(env=settings_environment(settings)) == settings


def test_settings_database_url_is_one_normaliser() -> None:
    from flashpoint.store import database_url

    assert Settings(db=":memory:").db_url == database_url(":memory:") == "sqlite://"
    assert (
        Settings(db="~/x.db").db_url == database_url("~/x.db") == f"sqlite:///{Path('~/x.db').expanduser()}"
    )
