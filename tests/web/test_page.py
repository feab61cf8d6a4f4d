"""The web page in headless Chromium: markers, timeline brushing, the event panel, inert article markup."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser

XSS_TEXT = (
    ' Witnesses posted <script>window.__pwned = "script";</script> and '
    '<img src="nowhere.png" onerror="window.__pwned = \'onerror\'"> online.'
)


def _wait(driver: Any, condition: Any, *, timeout: float = 15) -> Any:
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(condition)


def _open(driver: Any, url: str) -> None:
    driver.get(url)
    _wait(driver, lambda d: d.execute_script("return document.body.dataset.ready === 'true'"))


def _marker_places(driver: Any) -> set[str]:
    from selenium.webdriver.common.by import By

    names: set[str] = set()
    for marker in driver.find_elements(By.CSS_SELECTOR, "#map .marker"):
        names.update((marker.get_attribute("data-place") or "").split("|"))
    return names - {""}


def _listed_events(driver: Any) -> int:
    from selenium.webdriver.common.by import By

    return len(driver.find_elements(By.CSS_SELECTOR, "#events li"))


def test_page_map_timeline_and_panel(
    browser: Any, tmp_path: Path, samples: Any, serve_documents: Any
) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    docs = [samples.build_document(spec) for spec in samples.SPECS]
    with serve_documents(docs) as server:
        _open(browser, server.url)
        _wait(browser, lambda d: {"Manbij", "Afrin", "Idlib"} <= _marker_places(d))
        assert _listed_events(browser) == 3
        assert browser.find_elements(By.CSS_SELECTOR, "#map .country"), "country outlines were not drawn"

        # Brush the first third of the timeline: only the early-March Manbij event is in it.
        timeline = browser.find_element(By.ID, "timeline")
        width = timeline.size["width"]
        ActionChains(browser).move_to_element_with_offset(
            timeline, -width // 2 + 36, 0
        ).click_and_hold().move_by_offset(width // 4, 0).release().perform()
        _wait(browser, lambda d: _listed_events(d) < 3)
        assert _marker_places(browser) == {"Manbij"}
        browser.find_element(By.ID, "brush-clear").click()
        _wait(browser, lambda d: _listed_events(d) == 3)

        browser.find_element(By.CSS_SELECTOR, '#map .marker[data-place="Idlib"]').click()
        panel = _wait(
            browser, lambda d: d.find_element(By.ID, "panel-body").find_elements(By.CSS_SELECTOR, "mark")
        )
        assert panel[0].text.startswith("Russian jets struck a market in Idlib")
        claimant = browser.find_element(By.CSS_SELECTOR, "#panel .claimant").text
        assert claimant == "rescuers"
        assert "a regional broadcaster" in browser.find_element(By.CSS_SELECTOR, "#panel .chain").text
        browser.save_screenshot(str(tmp_path / "page.png"))
    assert (tmp_path / "page.png").stat().st_size > 10_000


def test_page_shows_article_markup_as_inert_text(
    browser: Any, tmp_path: Path, samples: Any, serve_documents: Any
) -> None:
    from selenium.webdriver.common.by import By

    spec = dataclasses.replace(samples.SPECS[0], doc_id="a-payload")
    doc = samples.build_document(spec, extra_text=XSS_TEXT)
    doc = dataclasses.replace(doc, title="<img src=x onerror=\"window.__pwned = 'title'\">")
    with serve_documents([doc]) as server:
        _open(browser, server.url)
        _wait(browser, lambda d: "Manbij" in _marker_places(d))
        browser.find_element(By.CSS_SELECTOR, "#events li").click()
        document = _wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#panel .document"))[0]
        assert "<script>window.__pwned" in document.text
        assert 'onerror="window.__pwned' in document.text
        assert browser.find_elements(By.CSS_SELECTOR, "#panel script, #panel img, #events img") == []
        assert browser.execute_script("return window.__pwned === undefined")
        browser.save_screenshot(str(tmp_path / "payload.png"))


def _folded(name: str) -> str:
    from unidecode import unidecode

    return "".join(c for c in unidecode(name).lower() if c.isalpha())


def test_page_on_articles_ingested_by_the_real_pipeline(
    browser: Any, tmp_path: Path, gazetteer_path: Path, serve_database: Any
) -> None:
    """The whole path: `flashpoint ingest` of our examples and a showdown article, then the page."""
    from click.testing import CliRunner
    from selenium.webdriver.common.by import By

    from flashpoint.cli import cli

    root = Path(__file__).resolve().parents[2]
    db = tmp_path / "ingested.db"
    args = ["--db", str(db), "--gazetteer", str(gazetteer_path), "ingest", "--quiet"]
    result = CliRunner().invoke(
        cli, [*args, str(root / "examples"), str(root / "tests/fixtures/showdown.md")]
    )
    assert result.exit_code == 0, result.output
    with serve_database(db) as server:
        _open(browser, server.url)
        _wait(browser, lambda d: {"manbij", "afrin", "idlib"} <= {_folded(p) for p in _marker_places(d)})
        # Nearby towns share a cluster marker at this zoom; the event list opens the same panel.
        item = next(li for li in browser.find_elements(By.CSS_SELECTOR, "#events li") if "Idlib" in li.text)
        item.click()
        marked = _wait(
            browser, lambda d: d.find_element(By.ID, "panel-body").find_elements(By.CSS_SELECTOR, "mark")
        )
        assert "Idlib" in marked[0].text
        assert browser.find_element(By.CSS_SELECTOR, "#panel .claimant").text.strip()
        browser.save_screenshot(str(tmp_path / "ingested.png"))
    assert (tmp_path / "ingested.png").stat().st_size > 10_000
