"""flashpoint.api exports what its __all__ promises."""

from __future__ import annotations

import flashpoint.api


def test_init_all_names_resolve() -> None:
    for name in flashpoint.api.__all__:
        assert getattr(flashpoint.api, name) is not None, name
