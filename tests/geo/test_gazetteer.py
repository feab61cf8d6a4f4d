from __future__ import annotations

import sqlite3
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from flashpoint.errors import GazetteerError
from flashpoint.geo import Gazetteer, GazetteerStats

# Two invented places in GeoNames' 19-column layout, written for these tests.
PLACES = (
    "9900001\tZarqelan\tZarqelan\tZarq Elan,Zarkelan\t36.1\t37.2\tP\tPPL\tSY\t\t09\t\t\t\t1200\t\t400\tAsia/Damascus\t2020-01-01\n"
    "9900002\tTell Imaginary\tTell Imaginary\t\t35.5\t38.5\tT\tHLL\tSY\t\t04\t\t\t\t0\t\t300\tAsia/Damascus\t2020-01-01\n"
    "9900003\tOffice Block\tOffice Block\t\t35.5\t38.5\tS\tBLDG\tSY\t\t04\t\t\t\t0\t\t300\tAsia/Damascus\t2020-01-01\n"
)
ALTERNATES = "1\t9900001\ten\tZarqilan\t\t\t\t\t\t\n2\t9900001\tlink\thttps://example.org/z\t\t\t\t\t\t\n3\t12345\ten\tNowhere\t\t\t\t\t\t\n"
ADMIN1 = "SY.09\tAleppo\tAleppo\t170063\n"


def _write_dump(folder: Path) -> list[Path]:
    places = folder / "SY.txt"
    places.write_text(PLACES, encoding="utf-8")
    alternates = folder / "alternateNamesV2.txt"
    alternates.write_text(ALTERNATES, encoding="utf-8")
    admin1 = folder / "admin1CodesASCII.txt"
    admin1.write_text(ADMIN1, encoding="utf-8")
    return [admin1, places, alternates]


@pytest.mark.parametrize(
    ("name", "expected"), [("Idleb", "Idlib"), ("Manbij", "Manbij"), ("Halab", "Aleppo"), ("Syria", "Syria")]
)
def test_gazetteer_lookup_finds_alternate_and_ascii_names(
    small_gazetteer: Gazetteer, name: str, expected: str
) -> None:
    places = small_gazetteer.lookup(name)
    assert places, name
    assert places[0].name == expected


def test_gazetteer_lookup_filters_by_country(small_gazetteer: Gazetteer) -> None:
    everywhere = small_gazetteer.lookup("Tripoli", limit=20)
    assert {p.country for p in everywhere} >= {"LBY", "LBN"}
    assert {p.country for p in small_gazetteer.lookup("Tripoli", country="LB")} == {"LBN"}


def test_gazetteer_lookup_of_code_needs_capitals(small_gazetteer: Gazetteer) -> None:
    assert small_gazetteer.lookup("UK")[0].country == "GBR"
    assert all(p.feature_code != "ADM1" for p in small_gazetteer.lookup("Al"))


def test_gazetteer_open_without_build_raises(tmp_path: Path) -> None:
    with pytest.raises(GazetteerError):
        Gazetteer.open(tmp_path / "missing.sqlite", build_if_missing=False)


def test_gazetteer_stats_counts_places(small_gazetteer: Gazetteer) -> None:
    stats = small_gazetteer.stats().as_dict()
    assert stats["places"] > 10000
    assert stats["countries"] > 200
    assert stats["sources"] == ["builtin"]


@pytest.mark.parametrize("zipped", [False, True])
def test_gazetteer_import_geonames_is_idempotent(
    gazetteer_copy: Callable[[], Path], tmp_path: Path, zipped: bool
) -> None:
    files = _write_dump(tmp_path)
    if zipped:
        archive = tmp_path / "SY.zip"
        with zipfile.ZipFile(archive, "w") as z:
            z.write(files[1], "SY.txt")
        files[1] = archive
    gazetteer = Gazetteer.open(gazetteer_copy())
    before = gazetteer.stats().places
    gazetteer.import_geonames(files)
    gazetteer.import_geonames(files)
    assert gazetteer.stats().places == before + 2  # the building (class S) is not kept
    found = gazetteer.lookup("Zarqilan")
    assert found and found[0].id == "9900001"
    assert found[0].admin1 == "Aleppo"
    assert found[0].country == "SYR"
    assert gazetteer.lookup("Tell Imaginary")[0].feature_code == "HLL"
    assert Gazetteer.open(gazetteer.path) is gazetteer


def test_gazetteer_add_csv_adds_villages(gazetteer_copy: Callable[[], Path], tmp_path: Path) -> None:
    csv_file = tmp_path / "places.csv"
    csv_file.write_text(
        "name,alternates,lat,lon,country,admin1\nKafr Halab,Kafr Halab village,36.05,36.87,SY,Aleppo\n"
    )
    gazetteer = Gazetteer.open(gazetteer_copy())
    assert not gazetteer.lookup("Kafr Halab")
    assert gazetteer.add_csv(csv_file) == 1
    place = gazetteer.lookup("kafr halab village")[0]
    assert (place.name, place.country, place.admin1, place.feature_class) == (
        "Kafr Halab",
        "SYR",
        "Aleppo",
        "P",
    )


def test_gazetteer_add_csv_rejects_a_bad_country(gazetteer_copy: Callable[[], Path], tmp_path: Path) -> None:
    csv_file = tmp_path / "bad.csv"
    csv_file.write_text("name,alternates,lat,lon,country,admin1\nSomewhere,,1,2,ZZZ,\n")
    with pytest.raises(GazetteerError, match="country"):
        Gazetteer.open(gazetteer_copy()).add_csv(csv_file)


def test_gazetteer_open_builds_a_missing_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import flashpoint.geo.gazetteer as module

    built: list[Path] = []
    real_build = module.build_gazetteer

    def small_build(path: Path) -> GazetteerStats:
        built.append(path)
        return real_build(path, min_population=15000)

    monkeypatch.setattr(module, "build_gazetteer", small_build)
    path = tmp_path / "fresh" / "gazetteer.sqlite"
    gazetteer = Gazetteer.open(path)
    assert built == [path]
    assert gazetteer.lookup("Manbij")
    assert Gazetteer.open(path) is gazetteer


def _old_index(path: Path, *, source: str) -> None:
    # The schema of an earlier release: names had no key column.
    conn = sqlite3.connect(path)
    conn.executescript(
        "CREATE TABLE places (id TEXT PRIMARY KEY, name TEXT, lat REAL, lon REAL, source TEXT);"
        "CREATE TABLE names (place_id TEXT, name TEXT);"
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);"
    )
    conn.execute("INSERT INTO places VALUES ('x1', 'Oldtown', 1.0, 2.0, ?)", (source,))
    conn.execute("INSERT INTO meta VALUES ('min_population', '2000000')")
    conn.commit()
    conn.close()


def test_gazetteer_open_rebuilds_an_outdated_cache(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    _old_index(path, source="builtin")
    gazetteer = Gazetteer.open(path)
    assert gazetteer.lookup("Tokyo")[0].country == "JPN"
    assert not gazetteer.lookup("Oldtown")
    Gazetteer.forget(path)


def test_gazetteer_open_keeps_an_outdated_index_with_imports_and_names_the_command(tmp_path: Path) -> None:
    path = tmp_path / "imported.sqlite"
    _old_index(path, source="geonames")
    with pytest.raises(GazetteerError, match="gazetteer build"):
        Gazetteer.open(path)
    assert path.exists()


def test_gazetteer_open_refreshes_older_builtin_rows_and_keeps_imports(
    gazetteer_copy: Callable[[], Path], tmp_path: Path
) -> None:
    path = gazetteer_copy()
    csv_file = tmp_path / "extra.csv"
    csv_file.write_text(
        "name,alternates,lat,lon,country,admin1\nZarqa Wells,,32.1,36.2,JO,\n", encoding="utf-8"
    )
    Gazetteer.open(path).add_csv(csv_file)
    Gazetteer.forget(path)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE meta SET value='0' WHERE key='builtin_version'")
    conn.execute("DELETE FROM places WHERE id='fp:feature:Pentagon'")
    conn.commit()
    conn.close()
    gazetteer = Gazetteer.open(path)
    assert gazetteer.lookup("Pentagon")  # the built-in rows are back
    assert gazetteer.lookup("Zarqa Wells")  # the user's own rows are kept
    Gazetteer.forget(path)


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Puglia", "ITA"),
        ("Thi Qar", "IRQ"),
        ("Mangystau", "KAZ"),
        ("Southeast Sulawesi", "IDN"),
        ("Sagaing Region", "MMR"),
    ],
)
def test_gazetteer_lookup_finds_regions_by_their_local_or_newer_names(
    small_gazetteer: Gazetteer, name: str, country: str
) -> None:
    assert any(p.feature_code == "ADM1" and p.country == country for p in small_gazetteer.lookup(name))
