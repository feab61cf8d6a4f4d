"""Live monitoring: poll RSS/Atom feeds, fetch new articles, run the pipeline, store each one once."""

from __future__ import annotations

from flashpoint.watch.poller import CycleReport, PollReport, Watcher, backoff, parse_every
from flashpoint.watch.state import FeedInfo, FeedState

__all__ = ["CycleReport", "FeedInfo", "FeedState", "PollReport", "Watcher", "backoff", "parse_every"]
