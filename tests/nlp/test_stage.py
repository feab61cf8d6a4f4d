"""The nlp stage: sentences with offsets that index the document text exactly."""

from __future__ import annotations

from typing import Any

import pytest

from flashpoint.nlp import NlpStage
from flashpoint.records import Document
from flashpoint.settings import Settings


@pytest.mark.parametrize(
    "text",
    [
        "Troops crossed the border on Monday.  The ministry denied it.\n\n",
        "  Leading spaces here. And a second sentence follows.\n\nA new paragraph.",
    ],
)
def test_stage_sentences_index_the_text_without_surrounding_whitespace(nlp: Any, text: str) -> None:
    doc = NlpStage(Settings(), nlp=nlp)(Document(id="d", text=text))
    assert len(doc.sentences) >= 2
    for sentence in doc.sentences:
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip()
    assert doc.parsed is not None


def test_stage_pipe_matches_call(nlp: Any) -> None:
    stage = NlpStage(Settings(), nlp=nlp)
    docs = [Document(id=str(i), text=f"Rebels attacked post {i}. Police said so.") for i in range(3)]
    assert [d.sentences for d in stage.pipe(docs)] == [stage(d).sentences for d in docs]


def test_stage_fast_components_give_the_model_parse(nlp: Any) -> None:
    from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, SENT_START, TAG

    attrs = [TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE, SENT_START]
    texts = [
        "Rebels ain't leaving: they're gonna hold the bridge near Aleppo, a commander said on Sunday.",
        "The ministry did not comment.\n\nThere were no casualties, police said.",
    ]
    docs = [Document(id=str(i), text=t) for i, t in enumerate(texts)]
    fast = NlpStage(Settings(), nlp=nlp)
    plain = NlpStage(Settings(), nlp=nlp, fast=False)
    for ours, theirs in zip(fast.pipe(docs), plain.pipe(docs), strict=True):
        assert ours.parsed is not None and theirs.parsed is not None
        assert (ours.parsed.to_array(attrs) == theirs.parsed.to_array(attrs)).all()
        assert ours.sentences == theirs.sentences
