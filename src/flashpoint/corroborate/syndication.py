"""Syndication: the origin id of a document (its syndication group), from MinHash near-duplicates and re-posts.

A document's origin is decided once, when it is stored, in this order:

1. it names its original outlet (`Document.origin`, "The original source of this article is …"):
   the origin is that outlet, ``outlet:<slug>``;
2. its word 5-shingles have an estimated Jaccard similarity of at least `THRESHOLD` with a stored
   document: it joins that document's origin (the most similar one);
3. it has a publisher: the origin is that outlet, ``outlet:<slug>``;
4. otherwise it is its own origin, ``doc:<document id>``.

The MinHash signature and its LSH band keys are stored (`signatures`, `lsh_bands`), so a new document is
compared with what is stored through an indexed lookup of its band keys: nothing stored is re-read or
re-hashed.  That lookup and the writes are the store's (`flashpoint.store.corroboration`); this module
signs, compares and decides.

A report (one event in one sentence) normally has its document's origin.  A report inside an embedded post
has the post author's voice instead (``post:<handle>``), and so has a sentence of the article that retells
an embedded post: one that copies most of the post's word trigrams, or names the post's author
("according to Moussa").  `report_origin` applies these rules.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash

from flashpoint.records import Document, Event, Post

__all__ = [
    "BANDS",
    "NUM_PERM",
    "THRESHOLD",
    "Signature",
    "closest",
    "named_origin",
    "outlet_key",
    "own_origin",
    "report_origin",
    "shingles",
    "signature",
]

NUM_PERM = 128
BANDS = 32  # 32 bands of 4 rows: a pair at Jaccard 0.5 is a candidate with p≈0.87, at 0.7 with p≈1.0
ROWS = NUM_PERM // BANDS
SHINGLE = 5
THRESHOLD = 0.5
_SEED = 1
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Signature:
    """A document's MinHash hash values and the LSH band keys made from them."""

    values: bytes
    bands: tuple[str, ...]

    def similarity(self, other: bytes) -> float:
        """Return the estimated Jaccard similarity with another stored signature."""
        mine = np.frombuffer(self.values, dtype="<u8")
        theirs = np.frombuffer(other, dtype="<u8")
        if mine.shape != theirs.shape:
            return 0.0
        return float(np.count_nonzero(mine == theirs)) / float(len(mine))


def shingles(text: str, *, size: int = SHINGLE) -> set[str]:
    """Return the set of lower-cased word `size`-grams of `text` (the whole text when it is shorter)."""
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) <= size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def signature(text: str) -> Signature:
    """Return the MinHash signature of `text`'s shingles with its band keys."""
    minhash = MinHash(num_perm=NUM_PERM, seed=_SEED)
    grams = sorted(shingles(text))
    if grams:
        minhash.update_batch([g.encode("utf-8") for g in grams])
    values = np.asarray(minhash.hashvalues, dtype="<u8")
    bands = tuple(
        f"{b:02d}" + hashlib.blake2b(values[b * ROWS : (b + 1) * ROWS].tobytes(), digest_size=8).hexdigest()
        for b in range(BANDS)
    )
    return Signature(values=values.tobytes(), bands=bands)


def outlet_key(name: str) -> str:
    """Return the origin id of a named outlet: "outlet:" and its words lower-cased, joined by hyphens."""
    words = [w.lower() for w in _WORD.findall(name)]
    return "outlet:" + ("-".join(words) or "unnamed")


def closest(
    sig: Signature, stored: Iterable[tuple[str, bytes, str]], best: tuple[str, str, float] | None = None
) -> tuple[str, str, float] | None:
    """Return (document id, origin id, similarity) of the most similar near-duplicate, or `best` when none beats it.

    `stored` holds (document id, signature values, origin id) of candidate documents; a tie goes to the
    smaller document id, so the outcome does not depend on the order candidates come in.
    """
    for doc_id, values, origin_id in stored:
        score = sig.similarity(bytes(values))
        if score >= THRESHOLD and (
            best is None or score > best[2] or (score == best[2] and doc_id < best[0])
        ):
            best = (str(doc_id), str(origin_id), score)
    return best


def named_origin(doc: Document) -> str | None:
    """Return the origin of a document that names its original outlet (rule 1), else None."""
    if doc.origin and doc.origin.strip():
        return outlet_key(doc.origin)
    return None


def own_origin(doc: Document, doc_id: str) -> str:
    """Return the origin of a document with no near-duplicate stored: its publisher, else itself (rules 3-4)."""
    if doc.publisher and doc.publisher.strip():
        return outlet_key(doc.publisher)
    return f"doc:{doc_id}"


def _post_key(post: Post) -> str | None:
    name = post.handle or post.author
    if not name:
        return None
    return (
        "post:"
        + ("@" + name.lstrip("@") if post.handle else outlet_key(name).removeprefix("outlet:")).lower()
    )


def _names(post: Post) -> list[str]:
    # the author's full name and surname, and the handle: what a retelling says to credit the post
    names = [post.author] if post.author else []
    if post.author and len(post.author.split()) > 1 and len(post.author.split()[-1]) > 3:
        names.append(post.author.split()[-1])
    if post.handle:
        names.append(post.handle.lstrip("@"))
    return [n for n in names if n]


def report_origin(doc: Document, event: Event) -> str | None:
    """Return the voice of a report when it is a post's (inside it, or retelling it); None for the document's."""
    post = doc.post_at(event.trigger_start)
    if post is not None:
        return _post_key(post)
    sentence = next((s for s in doc.sentences if s.index == event.sentence), None)
    if sentence is None or not doc.posts:
        return None
    grams = shingles(sentence.text, size=3)
    for other in doc.posts:
        key = _post_key(other)
        if key is None:
            continue
        post_grams = shingles(doc.text[other.start : other.end], size=3)
        if grams and len(grams & post_grams) >= 0.5 * len(grams):
            return key
        if any(re.search(rf"\b{re.escape(name)}\b", sentence.text) for name in _names(other)):
            return key
    return None
