"""The analyst's desk in headless Chromium: the brush moves flashpoints, alerts and counts through time."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from tests.alerts.showdowns import BORDER, MANBIJ, NEW, OLD

from flashpoint.records import Document

pytestmark = pytest.mark.browser


def _alert_fixtures() -> ModuleType:
    path = Path(__file__).parent.parent / "alerts" / "conftest.py"
    spec = importlib.util.spec_from_file_location("flashpoint_alert_fixtures", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def mixed_store_documents() -> list[Document]:
    """Return the one-event documents of both showdowns (2018 at Manbij, 2025 on the border)."""
    reports = _alert_fixtures().ReportFactory()
    return reports.documents(MANBIJ, day=OLD) + reports.documents(BORDER, day=NEW)


def _wait(driver: Any, condition: Any, *, timeout: float = 20) -> Any:
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(condition)


def _open(driver: Any, url: str) -> None:
    driver.get(url)
    _wait(driver, lambda d: d.execute_script("return document.body.dataset.ready === 'true'"))


def _flashpoint_titles(driver: Any) -> list[str]:
    # Read in one script: the list is rebuilt whenever the brush moves.
    titles: list[str] = driver.execute_script(
        "return [...document.querySelectorAll('#flashpoints li.flashpoint .title')].map((e) => e.textContent)"
    )
    return titles


def _counts(driver: Any) -> str:
    text: str = driver.execute_script("return document.getElementById('counts').textContent")
    return text


def _has_pairs(driver: Any, *pairs: str) -> bool:
    titles = _flashpoint_titles(driver)
    return len(titles) == len(pairs) and all(any(t.startswith(p) for t in titles) for p in pairs)


def test_desk_brushing_2018_in_a_mixed_store_shows_the_manbij_flashpoint(
    browser: Any, tmp_path: Path, serve_documents: Any
) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    with serve_documents(mixed_store_documents()) as server:
        _open(browser, server.url)
        # Nothing brushed: the whole store, so 2018 is not hidden behind 2025.
        _wait(browser, lambda d: _has_pairs(d, "IND–PAK near", "TUR–USA near Manbij"))
        assert "8 events" in browser.find_element(By.ID, "counts").text

        # Brush the left edge of the timeline (early 2018 only).
        timeline = browser.find_element(By.ID, "timeline")
        width = timeline.size["width"]
        ActionChains(browser).move_to_element_with_offset(
            timeline, -width // 2 + 30, 0
        ).click_and_hold().move_by_offset(60, 0).release().perform()
        _wait(browser, lambda d: _has_pairs(d, "TUR–USA near Manbij"))
        _wait(browser, lambda d: _counts(d).startswith("4 events"))
        assert "as of 2018-" in browser.find_element(By.ID, "counts").text
        alerts = browser.find_element(By.ID, "alerts").text
        assert "IND–PAK" not in alerts
        fragment = browser.execute_script("return location.hash")
        assert "as_of=2018-" in fragment and "window=" in fragment
        browser.save_screenshot(str(tmp_path / "desk-2018.png"))

        # The brushed view is bookmarkable: a fresh load of the same URL shows the same timeframe.
        bookmarked = browser.current_url
        browser.get("about:blank")
        _open(browser, bookmarked)
        _wait(browser, lambda d: _has_pairs(d, "TUR–USA near Manbij"))

        # Keyboard: Escape on the timeline shows every date again.
        browser.find_element(By.ID, "timeline").send_keys(Keys.ESCAPE)
        _wait(browser, lambda d: _has_pairs(d, "IND–PAK near", "TUR–USA near Manbij"))
        assert "as_of" not in browser.execute_script("return location.hash")
    assert (tmp_path / "desk-2018.png").stat().st_size > 10_000


def test_desk_url_names_a_timeframe_and_arrow_keys_move_it(
    browser: Any, tmp_path: Path, serve_documents: Any
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    with serve_documents(mixed_store_documents()) as server:
        _open(browser, f"{server.url}/#as_of=2025-03-12&window=5")
        _wait(browser, lambda d: _has_pairs(d, "IND–PAK near"))
        assert "as of 2025-03-12 · 5 days from 2025-03-08" in browser.find_element(By.ID, "counts").text
        timeline = browser.find_element(By.ID, "timeline")
        timeline.send_keys(Keys.ARROW_RIGHT)
        _wait(browser, lambda d: "as_of=2025-03-13" in d.execute_script("return location.hash"))
        timeline.send_keys(Keys.SHIFT, Keys.ARROW_LEFT)
        _wait(browser, lambda d: "as_of=2025-03-08" in d.execute_script("return location.hash"))
        _wait(browser, lambda d: "from 2025-03-04" in _counts(d))
        browser.save_screenshot(str(tmp_path / "desk-keys.png"))


def test_desk_event_panel_lists_each_report_with_its_place(
    browser: Any, tmp_path: Path, serve_documents: Any
) -> None:
    from selenium.webdriver.common.by import By

    make_report = _alert_fixtures().make_report
    docs = [
        make_report(text, type="MOBILIZE", trigger=trigger, actor="TURMIL", recipient=None, place=place,
                    day="2018-01-29", outlet=outlet, stance=stance, claimant=claimant)
        for text, trigger, place, outlet, stance, claimant in (
            ("A Turkish army convoy drove through Idlib.", "drove", "Idlib", "Wire One", None, None),
            ("The Turkish convoy halted near Kafr Halab.", "halted", "Kafr Halab", "Radio Two", "reported",
             "a reporter"),
        )
    ]  # fmt: skip
    with serve_documents(docs) as server:
        _open(browser, server.url)
        browser.find_element(By.CSS_SELECTOR, "#events li").click()
        _wait(browser, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#panel .report-place")) == 2)
        lines = browser.execute_script(
            "return [...document.querySelectorAll('#panel .report-place')].map((e) => e.textContent)"
        )
        assert lines == [
            "Place: Idlib · Wire One · the author · asserted",
            "Place: Kafr Halab · Radio Two · a reporter · reported",
        ]
        elsewhere = browser.find_elements(By.CSS_SELECTOR, "#panel .report-place .place.elsewhere")
        assert [e.text for e in elsewhere] == ["Kafr Halab"]
        browser.save_screenshot(str(tmp_path / "desk-report-places.png"))
    assert (tmp_path / "desk-report-places.png").stat().st_size > 10_000


def test_desk_escalation_chart_lists_a_clicked_days_events(
    browser: Any, tmp_path: Path, serve_documents: Any
) -> None:
    from selenium.webdriver.common.by import By

    with serve_documents(mixed_store_documents()) as server:
        _open(browser, f"{server.url}/#as_of=2018-01-25&window=14")
        _wait(browser, lambda d: _has_pairs(d, "TUR–USA near Manbij"))
        small = browser.find_elements(By.CSS_SELECTOR, "#flashpoints li.flashpoint svg.chart .day")
        assert len(small) == 35  # the trend's baseline and recent window, one bar a day
        assert browser.find_elements(By.CSS_SELECTOR, "#flashpoints svg.chart rect.material")
        assert browser.find_elements(By.CSS_SELECTOR, "#flashpoints svg.chart rect.verbal")
        browser.find_element(By.CSS_SELECTOR, "#flashpoints li.flashpoint .title").click()
        large = _wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#panel svg.chart.large"))[0]
        busy = large.find_elements(By.CSS_SELECTOR, ".day.has-events")
        assert [b.get_attribute("data-day") for b in busy] == [OLD.isoformat()]
        busy[0].click()
        _wait(
            browser, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#panel .day-events li")) == len(MANBIJ)
        )
        kinds = browser.execute_script(
            "return [...document.querySelectorAll('#panel .day-events li')].map((e) => e.className)"
        )
        assert "day-event material" in kinds and "day-event verbal" in kinds
        assert browser.find_element(By.CSS_SELECTOR, "#panel .day-title").text == "2018-01-20: 4 events"
        browser.save_screenshot(str(tmp_path / "desk-escalation.png"))
        # A listed event opens the event panel.
        browser.find_element(By.CSS_SELECTOR, "#panel .day-events li").click()
        _wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#panel .report-place"))
    assert (tmp_path / "desk-escalation.png").stat().st_size > 10_000


def test_desk_brief_button_opens_the_brief_of_the_brushed_window(
    browser: Any, tmp_path: Path, serve_documents: Any
) -> None:
    from selenium.webdriver.common.by import By

    with serve_documents(mixed_store_documents()) as server:
        _open(browser, f"{server.url}/#as_of=2018-01-25&window=14")
        _wait(browser, lambda d: _has_pairs(d, "TUR–USA near Manbij"))
        link = browser.find_element(By.ID, "brief")
        assert "as_of=2018-01-25" in (link.get_attribute("href") or "")
        page = browser.current_window_handle
        link.click()
        _wait(browser, lambda d: len(d.window_handles) == 2)
        browser.switch_to.window(next(h for h in browser.window_handles if h != page))
        heading = _wait(browser, lambda d: d.find_elements(By.TAG_NAME, "h1"))[0]
        assert heading.text == "Situation brief, 2018-01-12 to 2018-01-25"
        titles = [h.text for h in browser.find_elements(By.CSS_SELECTOR, "section.flashpoint h3")]
        assert titles == ["TUR–USA near Manbij (medium, escalating)"]
        assert browser.find_elements(By.CSS_SELECTOR, "figure.map svg circle")
        assert "IND" not in browser.find_element(By.TAG_NAME, "body").text
        browser.save_screenshot(str(tmp_path / "desk-brief.png"))
    assert (tmp_path / "desk-brief.png").stat().st_size > 10_000


def test_desk_counts_say_one_document_not_one_documents(browser: Any, serve_documents: Any) -> None:
    with serve_documents(mixed_store_documents()[:1]) as server:
        _open(browser, server.url)
        _wait(browser, lambda d: _counts(d).startswith("1 event · 1 report · 1 document · "))
