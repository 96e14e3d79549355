"""The web app in a real headless Chromium against a real `veille serve` over the two seeds ingested by the CLI:
search « Lukoil », open the actor, find the 2025-11-20 fact with its quote, open its source with the sentence
highlighted, follow the copied passage between the two seeds and view it side by side. Screenshots go to
docs/screenshots/ (shown in the README)."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from conftest import NATO_PAGE, NOTE, REPO

from veille.web.server import running_server

pytestmark = pytest.mark.browser
SHOTS = REPO / "docs" / "screenshots"
CHROMEDRIVER = Path("/usr/bin/chromedriver")


@pytest.fixture(scope="module")
def browser():
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (pip install '.[test]')")
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium or not CHROMEDRIVER.exists():
        pytest.skip("headless Chromium not installed: `apt-get install chromium chromium-driver` (make system-deps)")
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1400,1000", "--lang=en"):
        opts.add_argument(arg)
    profile = tempfile.mkdtemp(prefix="veille-chromium-")
    opts.add_argument(f"--user-data-dir={profile}")
    opts.binary_location = chromium
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=opts)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="module")
def base(seed_kb):
    with running_server(seed_kb) as url:
        yield url


def _wait(driver, css: str, timeout: float = 10):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(ec.presence_of_element_located((By.CSS_SELECTOR, css)))


def _shot(driver, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(SHOTS / f"{name}.png"))


def test_lukoil_journey(browser, base):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    d = browser
    # search
    d.get(base + "/")
    box = d.find_element(By.CSS_SELECTOR, "form.filters input[name=q]")
    box.send_keys("Lukoil", Keys.ENTER)
    _wait(d, "a.actor-link")
    assert any("Lukoil" in el.text for el in d.find_elements(By.CSS_SELECTOR, "p.snippet mark"))
    assert NOTE in d.page_source
    _shot(d, "search")

    # actor page: the timeline is drawn and the fact dated 2025-11-20 shows its quote
    next(a for a in d.find_elements(By.CSS_SELECTOR, "a.actor-link") if a.text == "Lukoil").click()
    _wait(d, "#timeline svg .tl-row")
    assert d.find_element(By.TAG_NAME, "h1").text.startswith("Lukoil")
    rows = [r for r in d.find_elements(By.CSS_SELECTOR, "tr.fact-row")
            if "2025-11-20" in r.find_element(By.CSS_SELECTOR, "td.dates").text]
    assert rows, "no fact dated 2025-11-20 on Lukoil's page"
    row = next((r for r in rows if "Azerbaijan" in r.text), rows[0])
    quote = row.find_element(By.CSS_SELECTOR, "blockquote.quote").text
    assert "Lukoil" in quote and "20 novembre" in quote
    assert d.find_elements(By.CSS_SELECTOR, "#timeline .tl-point")  # a day is drawn as a point
    assert d.find_elements(By.CSS_SELECTOR, "#graph svg a.node")
    d.execute_script("window.scrollTo(0, 0)")
    _shot(d, "actor")

    # its source: the document with the stated sentence highlighted
    row.find_element(By.CSS_SELECTOR, "a.source-link").click()
    _wait(d, "#doc-text")
    assert NOTE in d.current_url
    highlighted = " ".join(el.text for el in d.find_elements(By.CSS_SELECTOR, "#doc-text .seg.hl"))
    assert "Lukoil" in highlighted and "20 novembre" in highlighted
    assert d.find_elements(By.CSS_SELECTOR, "#doc-text a.mention")
    # hovering another fact in the side list highlights its span
    items = d.find_elements(By.CSS_SELECTOR, "li.doc-fact")
    assert items and any("active" in (li.get_attribute("class") or "") for li in items)
    _shot(d, "document")

    # the copied passage: marked in the text, linked to the aligned place in the other seed
    mark = next(a for a in d.find_elements(By.CSS_SELECTOR, "#doc-text a.copy-mark")
                if NATO_PAGE in a.get_attribute("href"))
    d.get(mark.get_attribute("href"))
    _wait(d, "#doc-text .seg.focus")
    assert NATO_PAGE in d.current_url
    assert "1992" in " ".join(el.text for el in d.find_elements(By.CSS_SELECTOR, "#doc-text .seg.focus"))
    link = next(a for a in d.find_elements(By.CSS_SELECTOR, "a.side-link") if NOTE in a.get_attribute("href"))
    d.get(link.get_attribute("href"))
    _wait(d, ".side-by-side")
    sides = d.find_elements(By.CSS_SELECTOR, ".side-by-side section")
    assert len(sides) == 2 and all("1992" in s.text for s in sides)
    assert d.find_elements(By.CSS_SELECTOR, ".side-by-side del.del") or d.find_elements(By.CSS_SELECTOR, "ins.ins")
    _shot(d, "copy")


def test_pages_run_without_script_errors(browser, base):
    """The content-security policy lets the app's own scripts run and nothing else fails in the console."""
    browser.get(base + "/docs")
    _wait(browser, "#endpoints section.endpoint")
    for path in ("/", "/docs"):
        browser.get(base + path)
        logs = browser.get_log("browser")
        assert not [entry for entry in logs if entry["level"] == "SEVERE"], logs
