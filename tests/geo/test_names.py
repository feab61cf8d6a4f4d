from __future__ import annotations

import pytest

from flashpoint.geo.names import compact_key, is_latin, name_key, ocr_variants


@pytest.mark.parametrize(
    ("name", "key"),
    [("‘Afrīn", "afrin"), ("U.S.", "u s"), ("Deir ez-Zor", "deir ez zor"), ("  Idlib ", "idlib")],
)
def test_name_key_folds_accents_case_and_punctuation(name: str, key: str) -> None:
    assert name_key(name) == key


@pytest.mark.parametrize("spelling", ["Al-Eis", "al Eis", "AlEiss", "El-Eis"])
def test_compact_key_joins_spellings_of_one_name(spelling: str) -> None:
    assert compact_key(spelling) == compact_key("Al-Eis")


def test_ocr_variants_swaps_capital_i_inside_a_word_only() -> None:
    assert "AlEis" in ocr_variants("AIEis")
    assert ocr_variants("Idlib") == ()


def test_is_latin_rejects_other_scripts() -> None:
    assert is_latin("Manbij")
    assert not is_latin("منبج")
