"""The real server on a free port and headless Debian Chromium driven by Selenium.

Without chromium, chromedriver or selenium the browser tests skip locally and FAIL under CI (CI=true),
so a CI machine that lost its browser cannot pass silently.  Install with scripts/install-browser.sh.
"""

from __future__ import annotations

import importlib.util
import os
import socket
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from flashpoint import open_store
from flashpoint.api import create_app
from flashpoint.records import Document
from flashpoint.settings import Settings
from flashpoint.store import Store

# Debian's paths; FLASHPOINT_CHROMIUM / FLASHPOINT_CHROMEDRIVER point elsewhere.
CHROMIUM = os.environ.get("FLASHPOINT_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("FLASHPOINT_CHROMEDRIVER", "/usr/bin/chromedriver")


def _samples() -> ModuleType:
    # The hand-built articles live with the API tests; load them by path (tests are not a package).
    path = Path(__file__).parent.parent / "api" / "conftest.py"
    spec = importlib.util.spec_from_file_location("flashpoint_api_samples", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def samples() -> ModuleType:
    """The module with the hand-built sample articles (SPECS, build_document)."""
    return _samples()


def _missing_browser() -> str | None:
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "the selenium package is not installed in this environment"
    for path in (CHROMIUM, CHROMEDRIVER):
        if not os.path.exists(path):
            return f"{path} is missing: run scripts/install-browser.sh (apt-get install chromium chromium-driver)"
    return None


def _require_browser() -> None:
    reason = _missing_browser()
    if reason is None:
        return
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"browser tests cannot run under CI: {reason}", pytrace=False)
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class LiveServer:
    """uvicorn serving the app in a background thread."""

    def __init__(self, store: Store, settings: Settings) -> None:
        import uvicorn

        self.port = _free_port()
        config = uvicorn.Config(
            create_app(settings, store=store), host="127.0.0.1", port=self.port, log_level="warning"
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture()
def serve_documents(tmp_path: Path) -> Callable[[list[Document]], LiveServer]:
    """Return a function giving a (not yet started) server on a new SQLite store holding the documents."""

    def serve(docs: list[Document]) -> LiveServer:
        db = tmp_path / "web.db"
        store = open_store(str(db))
        for doc in docs:
            store.add(doc)
        return LiveServer(store, Settings(db=str(db)))

    return serve


@pytest.fixture()
def serve_database() -> Callable[[Path], LiveServer]:
    """Return a function giving a (not yet started) server on an existing database file."""

    def serve(db: Path) -> LiveServer:
        return LiveServer(open_store(str(db)), Settings(db=str(db)))

    return serve


@pytest.fixture()
def browser(tmp_path: Path) -> Iterator[Any]:
    """A headless Chromium WebDriver with no network beyond what the page asks of our server."""
    _require_browser()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1400,900",
        f"--user-data-dir={tmp_path / 'chromium-profile'}",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER))
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()
