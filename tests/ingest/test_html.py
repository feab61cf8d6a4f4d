"""HTML pages: article text without boilerplate, metadata from the page, no fetching."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.errors import IngestError
from flashpoint.ingest.html import read_html

PAGE = """<!DOCTYPE html>
<html><head>
<meta charset="utf-8">
<title>Rebels shell Sévaré airport | Delta News</title>
<meta property="og:title" content="Rebels shell Sévaré airport">
<meta property="og:site_name" content="Delta News">
<meta name="author" content="Oumar Cissé">
<meta property="article:published_time" content="2024-11-02T08:00:00Z">
<link rel="canonical" href="https://delta.example/news/sevare">
</head><body>
<div class="cookie-banner"><p>This site uses cookies. Accept cookies to continue browsing.</p></div>
<nav><ul><li><a href="/">Home</a></li><li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav>
<article>
<h1>Rebels shell Sévaré airport</h1>
<p>Insurgents fired mortar rounds at the airport in Sévaré on Friday night, damaging a hangar and a fuel depot, a local official said.</p>
<p>"We heard at least six explosions between midnight and two o'clock," a shopkeeper living near the runway told Delta News on Saturday.</p>
<p>The regional governor called on residents to stay indoors while soldiers searched the nearby villages for the launch site.</p>
<p>Flights between Mopti and the capital were suspended until further notice, the airport authority said in a statement.</p>
</article>
<aside><h2>More stories</h2><ul><li><a href="/a">Fishermen count losses as the river falls</a></li></ul></aside>
<footer><p>Copyright 2024 Delta News. All rights reserved.</p><p>Subscribe to our weekly letter.</p></footer>
</body></html>
"""


@pytest.fixture(scope="module")
def page():
    return read_html(PAGE, source="page.html")


def test_html_article_text_kept(page) -> None:
    assert "Insurgents fired mortar rounds at the airport in Sévaré on Friday night" in page.text
    assert "Flights between Mopti and the capital were suspended" in page.text
    assert page.format == "html"


@pytest.mark.parametrize(
    "boilerplate", ["cookies", "Weather", "Fishermen", "All rights reserved", "Subscribe"]
)
def test_html_boilerplate_removed(page, boilerplate: str) -> None:
    assert boilerplate not in page.text


def test_html_metadata_read_from_page(page) -> None:
    assert page.title == "Rebels shell Sévaré airport"
    assert page.author == "Oumar Cissé"
    assert page.publisher == "Delta News"
    assert page.published == dt.date(2024, 11, 2)
    assert page.url == "https://delta.example/news/sevare"


def test_html_headline_not_repeated_in_body(page) -> None:
    assert not page.text.startswith("Rebels shell")


def test_html_paragraphs_separated_by_blank_lines(page) -> None:
    assert "\n\n" in page.text
    assert "\n\n\n" not in page.text


def test_html_fallback_keeps_short_pages() -> None:
    doc = read_html("<html><body><p>Two drones struck a depot near Kherson.</p></body></html>")
    assert "Two drones struck a depot near Kherson." in doc.text


@pytest.mark.parametrize(
    "html",
    ["<html><body><script>var a = 1;</script></body></html>", "<html><body></body></html>", "   "],
)
def test_html_without_text_rejected(html: str) -> None:
    with pytest.raises(IngestError) as info:
        read_html(html, source="blank.html")
    assert info.value.source == "blank.html"


def test_html_embedded_tweet_becomes_a_post() -> None:
    html = """<html><head><title>Convoy halted near Saraqib</title></head><body><article>
<h1>Convoy halted near Saraqib</h1>
<p>A long military convoy was stopped outside the town on Monday, according to several reporters who posted pictures from the road.</p>
<blockquote class="twitter-tweet"><p>2/ The trucks have stopped by the petrol station. Drivers say they were told to wait. <a href="https://t.co/q1">pic.twitter.com/q1W2e3R4t5</a></p>&mdash; Road Monitor (@road_monitor) <a href="https://x.com/road_monitor/status/9">January 29, 2018</a></blockquote>
<p>Officials declined to comment on the reports when reached by telephone later that evening.</p>
</article></body></html>"""
    doc = read_html(html)
    (post,) = doc.posts
    assert doc.text[post.start : post.end] == (
        "The trucks have stopped by the petrol station. Drivers say they were told to wait."
    )
    assert (post.author, post.handle, post.published) == (
        "Road Monitor",
        "road_monitor",
        dt.date(2018, 1, 29),
    )
    assert "@road_monitor" not in doc.text


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Floods cut the road to Beledweyne | Coast Radio | 02.05.2024", "Floods cut the road to Beledweyne"),
        ("Floods cut the road to Beledweyne", "Floods cut the road to Beledweyne"),
    ],
)
def test_html_site_suffix_removed_from_title(title: str, expected: str) -> None:
    html = f"<html><head><title>{title}</title></head><body><article><p>{'Water rose overnight along the Shabelle river. ' * 3}</p></article></body></html>"
    assert read_html(html).title == expected
