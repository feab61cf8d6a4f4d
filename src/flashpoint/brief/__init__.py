"""Situation briefs: the flashpoints, what changed and the contested claims of a window, as md or html."""

from __future__ import annotations

from flashpoint.brief.model import Area, Brief, build_brief
from flashpoint.brief.render import BRIEF_FORMATS, render_brief

__all__ = ["BRIEF_FORMATS", "Area", "Brief", "build_brief", "render_brief"]
