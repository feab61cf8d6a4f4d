"""What every command group shares: its Settings, a clean failure, a progress bar, `--near`, date options.

The `flashpoint` command (`flashpoint.cli`) is assembled from command groups kept beside the library each
calls (`flashpoint.store.commands`, `flashpoint.geo.commands`, …). They import these helpers, never
`flashpoint.cli`, so the command tree has no import cycle.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING, NoReturn

import click

from flashpoint.settings import Settings

if TYPE_CHECKING:
    from tqdm import tqdm

    from flashpoint.records import Rejection

__all__ = ["EXIT_REJECTED", "RejectionReport", "day", "fail", "near_point", "progress", "settings_of"]

EXIT_REJECTED = 3  # the run finished, but some inputs were rejected
SAME_REASON_SHOWN = 3  # lines shown per file and reason; the rest are counted in one line at the end
_LINE_SUFFIX = re.compile(r":\d+$")


def fail(message: str, code: int = 2) -> NoReturn:
    """Print `flashpoint: error: MESSAGE` on stderr and exit with `code`."""
    click.echo(f"flashpoint: error: {message}", err=True)
    sys.exit(code)


def settings_of(ctx: click.Context) -> Settings:
    """Return the Settings the `flashpoint` group loaded; a group run on its own loads the defaults."""
    settings = ctx.find_object(Settings)
    return settings if settings is not None else Settings.load()


def progress(total: int | None, *, quiet: bool, unit: str) -> tqdm[None]:
    """Return a progress bar on stderr, hidden when quiet or when there is at most one item."""
    from tqdm import tqdm

    return tqdm(total=total, unit=unit, disable=quiet or (total is not None and total < 2), file=sys.stderr)


def day(value: dt.datetime | None) -> dt.date | None:
    """Return the date of a `click.DateTime` option's value, or None."""
    return value.date() if value is not None else None


def near_point(near: str, km: float, settings: Settings) -> tuple[float, float, float]:
    """Return (lat, lon, km) for `--near`: LAT,LON as given, else a place name looked up in the gazetteer."""
    parts = near.split(",")
    if len(parts) == 2:
        try:
            return float(parts[0]), float(parts[1]), km
        except ValueError:
            pass
    from flashpoint.geo.gazetteer import Gazetteer

    places = Gazetteer.open(settings.gazetteer_path).lookup(near, limit=1)
    if not places:
        fail(f"--near: no place called {near!r} in the gazetteer (try LAT,LON)")
    return places[0].lat, places[0].lon, km


class RejectionReport:
    """Name each rejected input on stderr; one file's many records rejected for one reason are summed up.

    A folder holding a 5,000-line JSONL of something else must not bury the other messages: the first
    SAME_REASON_SHOWN lines of each file and reason are shown, the rest are counted and reported by `close`.
    Every rejection is still recorded by the caller (in the store's `rejections` table for `ingest`).
    """

    def __init__(self, write: Callable[[str], None], *, where: str = "") -> None:
        self._write = write
        self._where = where
        self._seen: Counter[tuple[str, str]] = Counter()

    def __call__(self, rejection: Rejection) -> None:
        """Show or count one rejection."""
        key = (_LINE_SUFFIX.sub("", rejection.source), rejection.reason)
        self._seen[key] += 1
        if self._seen[key] <= SAME_REASON_SHOWN:
            self._write(f"rejected: {rejection.source}: {rejection.reason}")

    def close(self) -> None:
        """Write one line per file and reason whose rejections were not all shown."""
        for (source, reason), count in self._seen.items():
            if count > SAME_REASON_SHOWN:
                hidden = count - SAME_REASON_SHOWN
                self._write(f"rejected: {source}: {hidden} more record(s): {reason}{self._where}")
