"""Text from raw input bytes: UTF-8, a byte-order mark or a declared charset, else a clear refusal.

One rule for characters no stored text may hold, shared by the CLI and the API (`text_problem`):
a NUL (U+0000) or an unpaired surrogate (U+D800–U+DFFF, from a "\\ud800" JSON escape or a broken
encoder) makes the input refused with a reason — a Rejection on the command line, a 422 from the API.
Nothing is silently replaced or dropped: the caller learns which field holds what.
"""

from __future__ import annotations

import codecs
import re

from flashpoint.errors import IngestError

__all__ = ["decode_bytes", "looks_binary", "text_problem"]

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# <meta charset="…">, <meta http-equiv=… content="text/html; charset=…">, <?xml … encoding="…"?>
_DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)
_SNIFF_BYTES = 8192
# Control characters other than tab, newline, form feed and carriage return mark binary data.
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13)) + b"\x7f"


def text_problem(text: str) -> str | None:
    """Return why `text` cannot be stored (it holds a NUL or an unpaired surrogate), else None."""
    if "\x00" in text:
        return "holds a NUL character (U+0000)"
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        return f"holds an unpaired surrogate (U+{ord(text[exc.start]):04X})"
    return None


def looks_binary(data: bytes) -> bool:
    """Return True when `data` is not text: it holds NUL bytes or is mostly control characters."""
    head = data[:_SNIFF_BYTES]
    if any(head.startswith(bom) for bom, _ in _BOMS[1:]):
        return False  # UTF-16/32 text holds NUL bytes by design
    if b"\x00" in head:
        return True
    if not head:
        return False
    controls = sum(head.count(bytes([c])) for c in _CONTROL)
    return controls / len(head) > 0.1


def decode_bytes(data: bytes, *, source: str) -> str:
    """Return `data` decoded: a byte-order mark, then UTF-8, then a charset the document declares.

    Raises IngestError when none of these works: guessing a legacy encoding would silently garble text.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise IngestError(source, f"bad {encoding} text after a byte-order mark") from exc
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _declared_charset(data)
    if declared is None:
        raise IngestError(source, "not valid UTF-8 and no charset declared")
    try:
        return data.decode(declared)
    except LookupError as exc:
        raise IngestError(source, f"unknown declared charset {declared!r}") from exc
    except UnicodeDecodeError as exc:
        raise IngestError(source, f"not valid {declared} text (as declared)") from exc


def _declared_charset(data: bytes) -> str | None:
    match = _DECLARED.search(data[: _SNIFF_BYTES * 4])
    if match is None:
        return None
    name = (match.group(1) or match.group(2)).decode("ascii").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return name
