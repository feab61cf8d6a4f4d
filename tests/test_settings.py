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
