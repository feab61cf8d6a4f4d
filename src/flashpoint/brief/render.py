"""A brief written out: Markdown (with the SVG map as a raw HTML block) or one self-contained HTML page.

Both say the same things in the same order: the window and area, the flashpoints (why they are flagged,
a 35-day hostility chart, the evidence with its sources), what changed (events by type and by area, then
each event with its source), the contested claims set apart (alleged, denied, single-source), and the
sources.  The HTML has its style inline and no script: it opens offline in any browser or mail client.
Every text from the data is escaped.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from flashpoint.alerts.flashpoints import Evidence, Flashpoint, counted
from flashpoint.brief.model import Brief
from flashpoint.brief.svg import hostility_svg, map_svg
from flashpoint.store import StoredEvent

__all__ = ["BRIEF_FORMATS", "brief_html", "brief_markdown", "render_brief"]

BRIEF_FORMATS = ("md", "html")


def _who(code: str | None, name: str | None, text: str | None) -> str:
    return name or text or code or "?"


def _event_line(e: StoredEvent) -> str:
    actors = _who(e.actor_code, e.actor_name, e.actor_text)
    if e.recipient_code or e.recipient_text:
        actors += f" → {_who(e.recipient_code, e.recipient_name, e.recipient_text)}"
    return f"{e.date or 'undated'} · {e.type} · {actors} · {e.place_name or e.place_surface or 'no place'}"


def _evidence_source(item: Evidence) -> str:
    sources = [
        f"{' / '.join(s.claimants)} ({', '.join(s.stances) or 'asserted'}; {s.origin or s.document_id})"
        for s in item.sources
    ]
    flag = " — single source" if item.single_source else ""
    return "; ".join(sources) + flag


def _title(fp: Flashpoint) -> str:
    return f"{fp.actors[0]}–{fp.actors[1]} near {fp.place_name or '?'} ({fp.severity}, {fp.trend})"


def _map(brief: Brief) -> str:
    events = [
        (e.lat, e.lon, e.quad_class, _event_line(e))
        for e in brief.events
        if e.lat is not None and e.lon is not None
    ]
    flashpoints = [
        (fp.lat, fp.lon, f"{fp.actors[0]}–{fp.actors[1]}")
        for fp in brief.flashpoints
        if fp.lat is not None and fp.lon is not None
    ]
    return map_svg(events, flashpoints)


def _summary(brief: Brief) -> str:
    return ", ".join(
        [
            counted(len(brief.events), "event"),
            counted(len(brief.flashpoints), "flashpoint"),
            f"{len(brief.contested)} contested",
            counted(len(brief.sources), "source"),
        ]
    )


def _cell(text: object) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def brief_markdown(brief: Brief) -> str:
    """Return the brief as Markdown (tables, text sparklines, the map as an inline SVG block)."""
    lines = [
        f"# Situation brief, {brief.since} to {brief.until}",
        "",
        f"Area: {brief.area.label()}. {_summary(brief)}.",
        "",
        _map(brief),
        "",
        "## Flashpoints",
        "",
    ]
    if not brief.flashpoints:
        lines += ["No flashpoint in this window.", ""]
    for fp, chart in zip(brief.flashpoints, brief.charts, strict=True):
        lines += [
            f"### {_title(fp)}",
            "",
            f"- As of {fp.as_of}; {fp.severity_reason}",
            f"- {fp.trend_reason}",
            f"- Hostility, {chart.since} to {chart.until}: `{chart.sparkline()}`",
            "",
            "| date | type | role | actor | recipient | place | sources |",
            "| --- | --- | --- | --- | --- | --- | --- |",
        ]
        for item in fp.evidence:
            lines.append(
                f"| {item.date or ''} | {item.type} | {item.role} | {_cell(item.actor or '')} | "
                f"{_cell(item.recipient or '')} | {_cell(item.place or '')} | {_cell(_evidence_source(item))} |"
            )
        lines.append("")
    lines += ["## What changed", "", "| type | events |", "| --- | --- |"]
    lines += [f"| {kind} | {n} |" for kind, n in brief.by_type]
    lines += ["", "| area | events |", "| --- | --- |"]
    lines += [f"| {_cell(area)} | {n} |" for area, n in brief.by_area]
    lines += ["", "| event | source | sentence |", "| --- | --- | --- |"]
    lines += [
        f"| {_cell(_event_line(e))} | {_cell(e.outlet or '')} | {_cell(e.sentence or '')} |"
        for e in brief.events
    ]
    lines += ["", "## Contested claims", "", "Alleged, denied, or resting on a single source.", ""]
    if not brief.contested:
        lines.append("None.")
    lines += [
        f"- {_cell(_event_line(e))} — {e.stance or 'asserted'}"
        f"{', single source' if e.single_source else ''} ({_cell(e.outlet or 'unknown outlet')})"
        for e in brief.contested
    ]
    lines += ["", "## Sources", ""] + [f"- {_cell(s)}" for s in brief.sources]
    return "\n".join(lines) + "\n"


_STYLE = (
    "body{font:14px/1.45 system-ui,sans-serif;color:#212529;max-width:900px;margin:20px auto;padding:0 12px}"
    "table{border-collapse:collapse;margin:6px 0 14px;width:100%}td,th{border:1px solid #dee2e6;padding:3px 6px;"
    "text-align:left;vertical-align:top}th{background:#f1f3f5}.reason{color:#495057;margin:2px 0}"
    ".contested{background:#fff9db;border-left:4px solid #f08c00;padding:6px 12px}.single{color:#c92a2a}"
)


def _table(head: list[str], rows: list[list[str]]) -> str:
    cells = "".join(f"<th>{escape(h)}</th>" for h in head)
    body = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><tr>{cells}</tr>{body}</table>"


def brief_html(brief: Brief) -> str:
    """Return the brief as one self-contained HTML page (inline style and SVG, no script)."""
    title = f"Situation brief, {brief.since} to {brief.until}"
    parts = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head><body>",
        f"<h1>{escape(title)}</h1>",
        f"<p class='summary'>Area: {escape(brief.area.label())}. {escape(_summary(brief))}.</p>",
        f"<figure class='map'>{_map(brief)}</figure>",
        "<h2>Flashpoints</h2>",
    ]
    if not brief.flashpoints:
        parts.append("<p>No flashpoint in this window.</p>")
    for fp, chart in zip(brief.flashpoints, brief.charts, strict=True):
        parts += [
            f"<section class='flashpoint' id='{escape(fp.id)}'><h3>{escape(_title(fp))}</h3>",
            f"<p class='reason'>As of {fp.as_of}; {escape(fp.severity_reason)}</p>",
            f"<p class='reason'>{escape(fp.trend_reason)}</p>",
            hostility_svg(chart),
            _table(
                ["date", "type", "role", "actor", "recipient", "place", "sources"],
                [
                    [
                        str(i.date or ""),
                        i.type,
                        i.role,
                        i.actor or "",
                        i.recipient or "",
                        i.place or "",
                        _evidence_source(i),
                    ]
                    for i in fp.evidence
                ],
            ),
            "</section>",
        ]
    parts += [
        "<h2>What changed</h2>",
        _table(["type", "events"], [[kind, str(n)] for kind, n in brief.by_type]),
        _table(["area", "events"], [[area, str(n)] for area, n in brief.by_area]),
        _table(
            ["event", "source", "sentence"],
            [[_event_line(e), e.outlet or "", e.sentence or ""] for e in brief.events],
        ),
        "<h2>Contested claims</h2><div class='contested'><p>Alleged, denied, or resting on a single source.</p><ul>",
    ]
    parts += [
        f"<li data-event='{escape(e.id)}'>{escape(_event_line(e))} — {escape(e.stance or 'asserted')}"
        f"{'<span class=single>, single source</span>' if e.single_source else ''} "
        f"({escape(e.outlet or 'unknown outlet')})</li>"
        for e in brief.contested
    ] or ["<li>None.</li>"]
    parts += ["</ul></div><h2>Sources</h2><ul>"]
    parts += [f"<li>{escape(s)}</li>" for s in brief.sources]
    parts.append("</ul></body></html>")
    return "".join(parts) + "\n"


_RENDERERS: dict[str, Callable[[Brief], str]] = {"md": brief_markdown, "html": brief_html}


def render_brief(brief: Brief, *, format: str) -> str:
    """Return the brief in `format` ("md" or "html"); ValueError for another format."""
    renderer = _RENDERERS.get(format)
    if renderer is None:
        raise ValueError(f"unknown brief format {format!r}; choose one of {', '.join(BRIEF_FORMATS)}")
    return renderer(brief)
