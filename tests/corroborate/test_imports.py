"""The corroborate and store packages import each other's modules: either may be imported first."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize(
    "module",
    ["flashpoint.corroborate", "flashpoint.corroborate.clusters", "flashpoint.corroborate.syndication"],
)
def test_imports_corroborate_first_in_a_fresh_interpreter(module: str) -> None:
    done = subprocess.run(
        [sys.executable, "-c", f"import {module}"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
