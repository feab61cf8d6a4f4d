"""The ontology data: consistent with itself and with the published structure of PLOVER, CAMEO and ACLED."""

from __future__ import annotations

import pytest

from flashpoint.errors import FlashpointError, OntologyError
from flashpoint.events import ontology

# Facts of the published ontologies, restated here so that the data file is checked against them.
QUADS = {
    1: {"AGREE", "CONSULT", "SUPPORT", "CONCEDE"},
    2: {"COOPERATE", "AID", "RETREAT"},
    3: {"REQUEST", "ACCUSE", "REJECT", "THREATEN"},
    4: {"PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"},
}
ACLED_SUB_EVENT_COUNTS = {
    "Battles": 3,
    "Explosions/Remote violence": 6,
    "Violence against civilians": 3,
    "Protests": 3,
    "Riots": 2,
    "Strategic developments": 8,
}


def test_ontology_has_sixteen_plover_types() -> None:
    assert len(ontology.PLOVER_TYPES) == 16
    assert set(ontology.PLOVER_TYPES) == set().union(*QUADS.values())


@pytest.mark.parametrize("plover", ontology.PLOVER_TYPES)
def test_crosswalk_quad_class_matches_plover(plover: str) -> None:
    walk = ontology.crosswalk(plover, None)
    assert plover in QUADS[walk.quad_class]
    assert walk.cameo_root in ontology.cameo_roots()
    assert -10.0 <= walk.goldstein <= 10.0


@pytest.mark.parametrize("plover", ontology.PLOVER_TYPES)
def test_crosswalk_every_mode_resolves(plover: str) -> None:
    for mode in ontology.modes(plover):
        walk = ontology.crosswalk(plover, mode)
        assert walk.mode == mode
        assert walk.quad_class == ontology.crosswalk(plover, None).quad_class
        assert walk.cameo_root in ontology.cameo_roots()
        assert -10.0 <= walk.goldstein <= 10.0


@pytest.mark.parametrize("plover", ontology.PLOVER_TYPES)
def test_crosswalk_score_sign_follows_cooperation(plover: str) -> None:
    walk = ontology.crosswalk(plover, None)
    if walk.quad_class <= 2:
        assert walk.goldstein > 0
    elif walk.quad_class == 4:
        assert walk.goldstein < 0


def test_cameo_roots_cover_01_to_20() -> None:
    roots = ontology.cameo_roots()
    assert sorted(roots) == [f"{n:02d}" for n in range(1, 21)]
    assert roots["19"].goldstein < roots["04"].goldstein


def test_acled_types_structure() -> None:
    types = ontology.acled_types()
    assert {name: len(subs) for name, subs in types.items()} == ACLED_SUB_EVENT_COUNTS
    subs = [sub for group in types.values() for sub in group]
    assert len(subs) == len(set(subs)) == 25


@pytest.mark.parametrize("plover", ontology.PLOVER_TYPES)
def test_acled_crosswalk_names_known_categories(plover: str) -> None:
    types = ontology.acled_types()
    for mode in (None, *ontology.modes(plover)):
        pair = ontology.acled_crosswalk(plover, mode)
        if pair is not None:
            assert pair[1] in types[pair[0]]


@pytest.mark.parametrize(
    ("plover", "mode", "expected"),
    [
        ("ASSAULT", "aerial", ("Explosions/Remote violence", "Air/drone strike")),
        ("PROTEST", "riot", ("Riots", "Violent demonstration")),
        ("PROTEST", None, ("Protests", "Peaceful protest")),
        ("COERCE", "arrest", ("Strategic developments", "Arrests")),
        ("CONSULT", "phone", None),
    ],
)
def test_acled_crosswalk_examples(plover: str, mode: str | None, expected: tuple[str, str] | None) -> None:
    assert ontology.acled_crosswalk(plover, mode) == expected


def test_crosswalk_accepts_case_and_aliases() -> None:
    assert ontology.crosswalk("assault", "ASSASSINATE").mode == "targeted"
    assert ontology.crosswalk("ASSAULT", "firearms").cameo_root == "19"


@pytest.mark.parametrize(("plover", "mode"), [("ATTACK", None), ("", None), ("ASSAULT", "tickling")])
def test_crosswalk_rejects_unknown(plover: str, mode: str | None) -> None:
    with pytest.raises(OntologyError) as info:
        ontology.crosswalk(plover, mode)
    assert isinstance(info.value, FlashpointError)


def test_crosswalk_is_frozen() -> None:
    walk = ontology.crosswalk("AID")
    with pytest.raises(AttributeError):
        walk.goldstein = 0.0  # type: ignore[misc]
