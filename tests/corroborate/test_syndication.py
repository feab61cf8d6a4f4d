"""Syndication: shingles, MinHash similarity, and one origin per group of copies and re-posts."""

from __future__ import annotations

import dataclasses

import pytest

from flashpoint.corroborate.syndication import THRESHOLD, outlet_key, shingles, signature
from flashpoint.records import Post, content_hash
from flashpoint.store import Store

ARTICLE = (
    "Border guards on the northern crossing reported heavy traffic of trucks on Tuesday morning. "
    "Local officials said the convoy carried grain and medical supplies bound for the valley towns, "
    "and that inspections at the gate took most of the day because of a broken scanner. "
    "Drivers waited in a line that stretched several kilometres along the river road, "
    "while a council spokeswoman promised that a second inspection lane would open next week."
)
OTHER = (
    "A regional football cup final ended in a draw after extra time on Saturday evening. "
    "Supporters of both clubs filled the stadium and the match was decided on penalties, "
    "the winning side lifting its first trophy in a decade before a home crowd."
)


def test_shingles_are_lowercase_word_fivegrams() -> None:
    assert shingles("One two Three four five six") == {"one two three four five", "two three four five six"}
    assert shingles("Too short") == {"too short"}
    assert shingles("") == set()


@pytest.mark.parametrize(
    ("left", "right", "similar"),
    [
        (ARTICLE, ARTICLE, True),
        (ARTICLE, "Reposted from elsewhere. " + ARTICLE + " Share this story.", True),
        (ARTICLE, ARTICLE.replace("Tuesday", "Wednesday").replace("grain", "flour"), True),
        (ARTICLE, OTHER, False),
    ],
)
def test_signature_similarity_separates_copies_from_other_texts(left: str, right: str, similar: bool) -> None:
    score = signature(left).similarity(signature(right).values)
    assert (score >= THRESHOLD) is similar


def test_outlet_key_normalises_names() -> None:
    assert outlet_key("The  Daily Example!") == outlet_key("the daily example") == "outlet:the-daily-example"


def test_syndication_repost_under_another_outlet_counts_one_origin(store: Store, report) -> None:  # type: ignore[no-untyped-def]
    sentence = "Turkish troops shelled positions near Manbij on Thursday."
    original = report(sentence, outlet="Frontline Daily", preamble=ARTICLE + " ")
    repost_text = (
        "Reposted by a second site. "
        + original.text
        + " The original source of this article is Frontline Daily."
    )
    shift = len("Reposted by a second site. ")
    events = tuple(
        dataclasses.replace(
            e,
            trigger_start=e.trigger_start + shift,
            trigger_end=e.trigger_end + shift,
            place=dataclasses.replace(e.place, start=e.place.start + shift, end=e.place.end + shift)
            if e.place
            else None,
        )
        for e in original.events
    )
    repost = dataclasses.replace(
        original,
        id="repost",
        text=repost_text,
        publisher="Second Site",
        origin="Frontline Daily",
        hash=content_hash(repost_text),
        sentences=tuple(
            dataclasses.replace(s, start=s.start + shift, end=s.end + shift) for s in original.sentences
        ),
        events=events,
        places=tuple(e.place for e in events if e.place),
    )
    assert store.add(original) and store.add(repost)
    first, second = store.document(original.id), store.document("repost")
    assert first is not None and second is not None
    assert first.origin_id == second.origin_id == "outlet:frontline-daily"
    [event] = store.events()
    assert (event.reports, event.origins, event.single_source) == (2, 1, True)


def test_syndication_unattributed_copy_joins_the_original_origin(store: Store, report) -> None:  # type: ignore[no-untyped-def]
    sentence = "Turkish troops shelled positions near Manbij on Thursday."
    original = report(sentence, outlet="Frontline Daily", preamble=ARTICLE + " ")
    copy = report(sentence, outlet="Aggregator", preamble=ARTICLE.replace("Tuesday", "Monday") + " ")
    unrelated = report(sentence, outlet="Third Paper", preamble=OTHER + " ")
    for doc in (original, copy, unrelated):
        assert store.add(doc)
    origins = {doc.publisher: store.document(doc.id).origin_id for doc in (original, copy, unrelated)}  # type: ignore[union-attr]
    assert origins["Aggregator"] == origins["Frontline Daily"] == "outlet:frontline-daily"
    assert origins["Third Paper"] == "outlet:third-paper"
    [event] = store.events()
    assert (event.reports, event.origins) == (3, 2)


def test_syndication_document_without_publisher_is_its_own_origin(store: Store, report) -> None:  # type: ignore[no-untyped-def]
    doc = report("Turkish troops shelled positions near Manbij.", outlet=None)
    store.add(doc)
    stored = store.document(doc.id)
    assert stored is not None and stored.origin_id == f"doc:{stored.id}"


def test_syndication_embedded_post_keeps_its_own_origin(store: Store, report) -> None:  # type: ignore[no-untyped-def]
    article = report("Turkish troops shelled positions near Manbij.", outlet="Frontline Daily")
    post = report(
        "Turkish artillery shelled the edge of Manbij tonight, I can hear it.",
        outlet="Frontline Daily",
        handle="@field_reporter",
        preamble="Earlier a reporter on the scene wrote: ",
    )
    store.add(article)
    store.add(post)
    [event] = store.events()
    assert event.origins == 2
    detail = store.event(event.id)
    assert detail is not None
    assert [r.origin_key for r in detail.reports] == ["outlet:frontline-daily", "post:@field_reporter"]


@pytest.mark.parametrize(
    ("sentence", "voice"),
    [
        ("Residents near Manbij said Turkish guns shelled the road at dawn, our reporter adds.", None),
        ("Turkish guns shelled the road into Manbij at dawn, Rana Haddad says.", "post:@rana_h"),
        ("Turkish guns shelled the road into Manbij at dawn and at noon again.", "post:@rana_h"),
    ],
)
def test_syndication_article_retelling_a_post_takes_its_voice(
    store: Store,
    report,
    sentence: str,
    voice: str | None,  # type: ignore[no-untyped-def]
) -> None:
    post_text = "Turkish guns shelled the road into Manbij at dawn and again at noon today."
    doc = report(sentence, outlet="Frontline Daily", preamble=post_text + " ")
    doc = dataclasses.replace(
        doc, posts=(Post(start=0, end=len(post_text), author="Rana Haddad", handle="@rana_h"),)
    )
    store.add(doc)
    [event] = store.events()
    detail = store.event(event.id)
    assert detail is not None
    assert detail.reports[0].origin_key == (voice or "outlet:frontline-daily")
