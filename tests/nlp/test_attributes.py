"""The attribute table: the model's attribute rules applied with arrays, giving the same token attributes."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
import spacy
from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG

from flashpoint.nlp.attributes import AttributeTable

_ATTRS = [TAG, POS, MORPH, LEMMA, DEP]

# Our own sentences, chosen to reach the rules over several tokens ("gon na", "let 's", "there is"),
# the word rules (negation, auxiliaries, pronoun case) and whitespace tokens.
_TEXTS = [
    "The militia said it wasn't going to withdraw, and we're gonna see whether they do.",
    "Let's be clear: there is a convoy near the bridge and there are two more behind it.\n\n  Y'all know that.",
    "I told you it had been shelled; you said I was wrong, but nothin' changed since.",
    "C'mon, they gotta leave.  Ain't that so?\t\tThat is what the ministry does not say.",
]


def _reference_and_table(nlp: Any, text: str) -> tuple[Any, Any]:
    with nlp.select_pipes(disable=["attribute_ruler", "lemmatizer"]):
        before = nlp(text)
    reference = nlp.get_pipe("attribute_ruler")(before.copy())
    table = AttributeTable.from_ruler(nlp.get_pipe("attribute_ruler"))
    assert table is not None
    return reference, table(before.copy())


@pytest.mark.parametrize("text", _TEXTS)
def test_attributes_match_the_model_rules(nlp: Any, text: str) -> None:
    reference, ours = _reference_and_table(nlp, text)
    assert np.array_equal(reference.to_array(_ATTRS), ours.to_array(_ATTRS))


def test_attributes_apply_rules_over_several_tokens(nlp: Any) -> None:
    # "gon na": the second token's lemma comes from a two-token rule.
    reference, ours = _reference_and_table(nlp, "They are gonna attack.")
    lemmas = [t.lemma_ for t in ours]
    assert lemmas == [t.lemma_ for t in reference]
    assert "to" in lemmas


def _ruler(patterns: list[dict[str, Any]]) -> Any:
    blank = spacy.blank("en")
    ruler = blank.add_pipe("attribute_ruler")
    ruler.add_patterns(patterns)
    return blank, ruler


def test_attributes_later_rules_override_earlier(nlp: Any) -> None:
    blank, ruler = _ruler(
        [
            {"patterns": [[{"LOWER": "strike"}]], "attrs": {"TAG": "NN", "POS": "NOUN"}},
            {"patterns": [[{"LOWER": {"IN": ["strike", "raid"]}}]], "attrs": {"POS": "VERB"}},
        ]
    )
    table = AttributeTable.from_ruler(ruler)
    assert table is not None
    ours = table(blank.make_doc("A strike and a raid."))
    expected = ruler(blank.make_doc("A strike and a raid."))
    assert [(t.tag_, t.pos_) for t in ours] == [(t.tag_, t.pos_) for t in expected]
    assert ours[1].pos_ == "VERB" and ours[1].tag_ == "NN"


@pytest.mark.parametrize("index", [0, 1, -1, -2])
def test_attributes_sequences_set_their_target_token(index: int) -> None:
    text = "They said car bomb, then car bomb again; a car was parked."
    blank, ruler = _ruler(
        [
            {"patterns": [[{"LOWER": "car"}]], "attrs": {"POS": "NOUN", "LEMMA": "car"}},
            {
                "patterns": [[{"LOWER": "car"}, {"LOWER": {"IN": ["bomb", "bombs"]}}]],
                "attrs": {"POS": "PROPN", "LEMMA": "vbied"},
                "index": index,
            },
        ]
    )
    table = AttributeTable.from_ruler(ruler)
    assert table is not None
    ours = table(blank.make_doc(text))
    expected = ruler(blank.make_doc(text))
    assert [(t.pos_, t.lemma_) for t in ours] == [(t.pos_, t.lemma_) for t in expected]
    assert sum(t.lemma_ == "vbied" for t in ours) == 2


@pytest.mark.parametrize(
    ("pattern", "index"),
    [
        ([{"ORTH": "Strike"}], 0),  # an attribute the table does not read
        ([{"LOWER": "strike", "OP": "?"}], 0),  # an operator
        ([{"LOWER": {"FUZZY": "strike"}}], 0),  # a predicate it does not know
        ([{"LOWER": "air"}, {"LOWER": "strike", "OP": "+"}], 0),  # an operator inside a sequence
        ([{"LOWER": "air"}, {"LOWER": "strike"}], 2),  # a target outside the sequence
    ],
)
def test_attributes_refuse_rules_they_cannot_read(pattern: list[dict[str, Any]], index: int) -> None:
    _, ruler = _ruler([{"patterns": [pattern], "attrs": {"POS": "VERB"}, "index": index}])
    assert AttributeTable.from_ruler(ruler) is None


def test_attributes_give_the_same_answer_from_several_threads(nlp: Any) -> None:
    from concurrent.futures import ThreadPoolExecutor

    with nlp.select_pipes(disable=["attribute_ruler", "lemmatizer"]):
        parsed = [nlp(text) for text in _TEXTS]
    expected = [nlp.get_pipe("attribute_ruler")(d.copy()).to_array(_ATTRS) for d in parsed]
    table = AttributeTable.from_ruler(nlp.get_pipe("attribute_ruler"))
    assert table is not None
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda d: table(d.copy()).to_array(_ATTRS), parsed * 4))
    for i, result in enumerate(results):
        assert np.array_equal(result, expected[i % len(_TEXTS)])
