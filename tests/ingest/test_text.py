"""Plain text and markdown: the seed format's header, link artefacts, emphasis, chrome and posts."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.ingest.text import read_markdown
from flashpoint.records import content_hash

REPOST = """\
Militia Column Reaches Bunia Outskirts

By [Grace Mbuyi](#)

Great Lakes Ledger, February 11, 2025

[Grace Mbuyi](#)

Region: [Central Africa](#)

Theme: [Armed Groups](#), [Displacement](#)

*A column of **CODECO** fighters reached the outskirts of Bunia on Monday, [local officials said](#), and the provincial governor demanded that the group withdraw to its camps.*

Speaking to reporters, a police spokesman said the militia "will not be allowed to enter the town."

1/ Dozens of pickup trucks seen on the road from Djugu this afternoon, heading south. [@ituri_radio pic.twitter.com/Ab12Cd34Ef](https://pic.twitter.com/Ab12Cd34Ef)

— Ituri Watch (@ituri_watch) [February 10, 2025](https://x.com/ituri_watch/status/1)

Market traders in Bunia closed their stalls early as word of the column spread. @market_voices

— Lina Baraka (@lina_baraka) February 10, 2025

The army said on Tuesday that reinforcements had arrived by air.

*

All images in this article are by the writer.

The original source of this article is [Kivu Evening Post](#)
Copyright © [Grace Mbuyi](#), [Kivu Evening Post](#), 2025

[Comment on Great Lakes Ledger Articles on our Facebook page](#)

[Become a Member of Great Lakes Ledger](#)

Articles by: [Grace Mbuyi](#)

Disclaimer: The contents of this article are the sole responsibility of the author. The Ledger accepts no liability for errors in it.

greatlakesledger.example contains copyrighted material the use of which has not always been authorised by its owner.

For media inquiries: press@greatlakesledger.example
"""


@pytest.fixture(scope="module")
def repost():
    return read_markdown(REPOST, source="repost.md")


def test_text_header_becomes_metadata(repost) -> None:
    assert repost.title == "Militia Column Reaches Bunia Outskirts"
    assert repost.author == "Grace Mbuyi"
    assert repost.publisher == "Great Lakes Ledger"
    assert repost.published == dt.date(2025, 2, 11)
    assert repost.format == "markdown"
    assert repost.source == "repost.md"
    assert not repost.text.startswith("Militia Column")
    for header_word in ("Region", "Theme", "Grace Mbuyi", "Great Lakes Ledger, February"):
        assert header_word not in repost.text


def test_text_link_artefacts_and_emphasis_removed(repost) -> None:
    assert repost.text.startswith(
        "A column of CODECO fighters reached the outskirts of Bunia on Monday, local officials said, and"
    )
    for artefact in ("[", "](", "(#)", "*", "**"):
        assert artefact not in repost.text


def test_text_origin_captured_and_dropped(repost) -> None:
    assert repost.origin == "Kivu Evening Post"
    assert "original source" not in repost.text


@pytest.mark.parametrize(
    "chrome",
    [
        "All images",
        "Copyright",
        "Facebook page",
        "Become a Member",
        "Articles by",
        "Disclaimer",
        "copyrighted",
        "media inquiries",
    ],
)
def test_text_site_chrome_dropped(repost, chrome: str) -> None:
    assert chrome not in repost.text


def test_text_embedded_post_offsets_cover_the_post_text(repost) -> None:
    first, second = repost.posts
    assert repost.text[first.start : first.end] == (
        "Dozens of pickup trucks seen on the road from Djugu this afternoon, heading south."
    )
    assert repost.text[second.start : second.end] == (
        "Market traders in Bunia closed their stalls early as word of the column spread."
    )
    assert (first.author, first.handle, first.published) == (
        "Ituri Watch",
        "ituri_watch",
        dt.date(2025, 2, 10),
    )
    assert first.url == "https://x.com/ituri_watch/status/1"
    assert (second.author, second.handle, second.url) == ("Lina Baraka", "lina_baraka", None)


def test_text_signature_lines_are_not_body(repost) -> None:
    assert "—" not in repost.text
    assert "@ituri_watch" not in repost.text
    assert "pic.twitter.com" not in repost.text
    assert repost.text.endswith("The army said on Tuesday that reinforcements had arrived by air.")


def test_text_hash_and_id_follow_the_cleaned_text(repost) -> None:
    assert repost.hash == content_hash(repost.text)
    assert repost.id == "doc_" + repost.hash[:16]
    assert read_markdown(REPOST, source="elsewhere.txt").id == repost.id


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("See [the report](https://example.org/r) for details.", "See the report for details."),
        ("A map ![map](map.png) of the front.", "A map of the front."),
        ("The **army** said _nothing_ at all.", "The army said nothing at all."),
        ("Posted by @desk_two about rebel_held areas.", "Posted by @desk_two about rebel_held areas."),
        ("## Troops move north ##", "Troops move north"),
        ("> They left at night, a witness said.", "They left at night, a witness said."),
    ],
)
def test_text_inline_markup_cleaned(line: str, expected: str) -> None:
    assert read_markdown(f"Some opening words that make a paragraph.\n\n{line}\n").text.endswith(expected)


def test_text_plain_text_keeps_whole_body_and_takes_a_headline() -> None:
    text = "Ceasefire Holds in Hodeidah\n\nThe truce in the port city held for a third day, officials said.\n"
    doc = read_markdown(text)
    assert doc.title == "Ceasefire Holds in Hodeidah"
    assert doc.text.startswith("Ceasefire Holds in Hodeidah")
    assert doc.format == "text"
    assert doc.posts == ()


def test_text_first_sentence_is_not_a_headline() -> None:
    doc = read_markdown("Shelling resumed near Kupiansk on Friday.\nResidents sheltered in basements.\n")
    assert doc.title is None
    assert doc.text == "Shelling resumed near Kupiansk on Friday. Residents sheltered in basements."


def test_text_partial_dateline_gives_no_date() -> None:
    doc = read_markdown(
        "A Headline Here\n\nBy Staff\n\nValley Times, March 2024\n\nBody text follows here.\n"
    )
    assert doc.author == "Staff"
    assert doc.published is None


def test_text_signature_right_after_post_lines() -> None:
    text = (
        "Opening paragraph of the story about the river crossing.\n\n"
        "Boats are crossing the Dnipro near Kherson again tonight.\n"
        "— River Watch (@river_watch) June 2, 2024\n"
        "Closing paragraph of the story.\n"
    )
    doc = read_markdown(text)
    (post,) = doc.posts
    assert doc.text[post.start : post.end] == "Boats are crossing the Dnipro near Kherson again tonight."
    assert post.published == dt.date(2024, 6, 2)
    assert doc.text.endswith("Closing paragraph of the story.")


def test_text_front_matter_is_metadata() -> None:
    text = (
        "---\ntitle: Port strike halts exports\nauthor: [Ana Ruiz, Tom Lee]\ndate: 2024-09-14\n"
        "outlet: Harbour Daily\nurl: https://harbour.example/strike\n---\n"
        "Dock workers in Odesa stopped loading grain on Friday, the union said.\n"
    )
    doc = read_markdown(text)
    assert (doc.title, doc.author, doc.publisher) == (
        "Port strike halts exports",
        "Ana Ruiz, Tom Lee",
        "Harbour Daily",
    )
    assert doc.published == dt.date(2024, 9, 14)
    assert doc.url == "https://harbour.example/strike"
    assert doc.text == "Dock workers in Odesa stopped loading grain on Friday, the union said."


def test_text_paragraph_broken_mid_sentence_is_mended() -> None:
    text = "First paragraph ends here.\n\nThe coalition said in March that\n\nit would send more advisers.\n\nAnother one."
    doc = read_markdown(text)
    assert doc.text.split("\n\n") == [
        "First paragraph ends here.",
        "The coalition said in March that it would send more advisers.",
        "Another one.",
    ]
