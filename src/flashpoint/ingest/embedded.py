"""Posts quoted inside a document: a paragraph of post text followed by its signature line.

A quoted tweet, once an embed is flattened to text, reads as the post's paragraph then a line
"— Name (@handle) Month D, YYYY" (the date often a link). The signature becomes the Post's metadata and
is dropped from the text; the Post's offsets cover the post's paragraph in the assembled text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from flashpoint.ingest.dates import parse_date
from flashpoint.ingest.markdown import LINK, strip_inline, strip_post_artefacts
from flashpoint.records import Post

__all__ = ["SIGNATURE", "Paragraph", "assemble", "post_from_signature", "split_posts"]

SIGNATURE = re.compile(
    r"^\s*[—–-]{1,2}\s*(?P<name>[^()\n]*?)\s*\(@(?P<handle>\w{1,30})\)\s*(?P<rest>.*?)\s*$"
)


@dataclass(slots=True)
class Paragraph:
    """A body paragraph's cleaned lines, and its Post when a signature line followed it."""

    lines: list[str]
    post: Post | None = None


def split_posts(text: str) -> tuple[str, tuple[Post, ...]]:
    """Return `text` (paragraphs split on blank lines) without signature lines, and the posts they sign."""
    paragraphs: list[Paragraph] = []
    for block in text.split("\n\n"):
        signature = SIGNATURE.match(block)
        if signature and "\n" not in block.strip():
            if paragraphs and paragraphs[-1].post is None:
                paragraphs[-1].post = post_from_signature(signature)
            continue
        paragraphs.append(Paragraph([block]))
    return assemble(paragraphs)


def post_from_signature(signature: re.Match[str]) -> Post:
    rest = signature.group("rest")
    url: str | None = None
    link = LINK.search(rest)
    if link:
        date_text, target = link.group(1), link.group(2)
        url = target if target.startswith(("http://", "https://")) else None
    else:
        date_text = rest
    # start/end are placeholders until the body is assembled.
    return Post(
        start=0,
        end=0,
        author=signature.group("name").strip() or None,
        handle=signature.group("handle"),
        published=parse_date(strip_inline(date_text)),
        url=url,
    )


def assemble(paragraphs: list[Paragraph]) -> tuple[str, tuple[Post, ...]]:
    """Return the body text (paragraphs joined by blank lines) and the posts with real offsets."""
    parts: list[str] = []
    posts: list[Post] = []
    offset = 0
    for paragraph in paragraphs:
        text = " ".join(paragraph.lines)
        if paragraph.post is not None:
            text = strip_post_artefacts(text)
        if not text:
            continue
        if parts:
            offset += 2
        if paragraph.post is not None:
            post = paragraph.post
            posts.append(Post(offset, offset + len(text), post.author, post.handle, post.published, post.url))
        parts.append(text)
        offset += len(text)
    return "\n\n".join(parts), tuple(posts)
