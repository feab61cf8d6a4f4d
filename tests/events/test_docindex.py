"""The per-document index: the same sentences and entities as spaCy's own properties, read once."""

from __future__ import annotations

from collections.abc import Callable

from flashpoint.events.docindex import (
    children,
    doc_text,
    parsed_from,
    sentence,
    sentence_ents,
    sentence_text,
    sentences,
    subtree,
)
from flashpoint.records import Document


def test_docindex_matches_spacy_sentences_and_entities(parse: Callable[..., Document]) -> None:
    text = (
        "Ruritanian troops shelled a village near Klow on Monday. The mayor of Szohod said nothing. "
        "On Tuesday Borduria and Syldavia met in Paris, and Ruritania protested."
    )
    parsed = parse(text).parsed
    assert parsed is not None
    for token in parsed:
        assert sentence(token) == token.sent
        assert sentence_text(token) == token.sent.text
        assert [e.text for e in sentence_ents(token)] == [e.text for e in token.sent.ents]


def test_docindex_follows_the_document_asked_about(parse: Callable[..., Document]) -> None:
    first = parse("Borduria protested. Syldavia agreed.").parsed
    second = parse("Ruritania met Borduria in Paris.").parsed
    assert first is not None and second is not None
    assert sentence_text(first[3]) == "Syldavia agreed."
    assert sentence_text(second[0]) == "Ruritania met Borduria in Paris."
    assert sentence_text(first[0]) == "Borduria protested."


def test_docindex_doc_text_is_the_parsed_text(parse: Callable[..., Document]) -> None:
    first = parse("Borduria protested.  Syldavia agreed,\nand Ruritania  met them.").parsed
    second = parse("Ruritania met Borduria in Paris.").parsed
    assert first is not None and second is not None
    assert doc_text(first) == first.text
    assert doc_text(second) == second.text
    assert doc_text(first) == first.text  # asked again after another document


def test_docindex_sentences_are_spacy_sentences(parse: Callable[..., Document]) -> None:
    parsed = parse("Borduria protested. Syldavia agreed. Ruritania met them in Klow.").parsed
    assert parsed is not None
    assert sentences(parsed) == list(parsed.sents)
    assert sentences(parsed) is sentences(parsed)  # built once per document


def test_docindex_parsed_from_gives_the_recorded_text(parse: Callable[..., Document]) -> None:
    text = "Borduria protested.  Syldavia agreed,\nand Ruritania  met them."
    parsed = parse(text).parsed
    assert parsed is not None
    recorded = "".join(text)  # an equal string that is not spaCy's own
    parsed_from(parsed, recorded)
    assert doc_text(parsed) is recorded
    assert sentence_text(parsed[-1]).startswith("Syldavia agreed,")


def test_docindex_parsed_from_ignores_a_text_of_another_length(parse: Callable[..., Document]) -> None:
    parsed = parse("Borduria protested. Syldavia agreed.").parsed
    assert parsed is not None
    other = parse("Ruritania met Borduria in Paris.").parsed  # the slot moves to another document
    assert other is not None
    parsed_from(parsed, "Borduria protested.")
    assert doc_text(parsed) == "Borduria protested. Syldavia agreed."


def test_docindex_children_and_subtree_match_spacy(parse: Callable[..., Document]) -> None:
    parsed = parse("Ruritanian troops shelled a village near Klow, and the mayor of Szohod protested.").parsed
    assert parsed is not None
    for token in parsed:
        assert children(token) == tuple(token.children)
        assert subtree(token) == tuple(token.subtree)
    root = next(token for token in parsed if token.dep_ == "ROOT")
    assert children(root) is children(root)  # read once per token
    assert subtree(root) is subtree(root)


def test_docindex_children_follow_the_document_asked_about(parse: Callable[..., Document]) -> None:
    first = parse("Borduria shelled Klow.").parsed
    second = parse("Syldavia protested loudly in Paris on Monday.").parsed
    assert first is not None and second is not None
    assert [t.text for t in children(first[1])] == ["Borduria", "Klow", "."]
    assert [t.text for t in children(second[1])][:2] == ["Syldavia", "loudly"]
    assert [t.text for t in subtree(first[1])] == ["Borduria", "shelled", "Klow", "."]
