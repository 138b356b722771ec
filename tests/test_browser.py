"""End to end in a real browser: Playwright driving Debian's Chromium against `serve`.

Skipped where /usr/bin/chromium is missing; `.ci/run` installs it, so CI always runs it.
Set SCENARIODESK_SCREENSHOTS=DIR to keep the screenshots.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from scenariodesk.memo import CHROMIUM_FLAGS as FLAGS

CHROMIUM = "/usr/bin/chromium"
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} not installed (apt-get install chromium)"
    ),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(seeded_db, tmp_path_factory):
    db = tmp_path_factory.mktemp("browser") / "b.db"
    shutil.copy(seeded_db, db)
    port = _free_port()
    cli = Path(sys.executable).parent / "scenariodesk"
    proc = subprocess.Popen(
        [str(cli), "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            break
        except OSError:
            if proc.poll() is not None:
                raise RuntimeError(proc.stderr.read().decode()) from None
            time.sleep(0.2)
    yield f"http://127.0.0.1:{port}"
    proc.terminate()
    proc.wait(timeout=10)


def test_browser_matrix_cell_statement_document(server, tmp_path):
    from playwright.sync_api import sync_playwright

    shots = Path(os.environ.get("SCENARIODESK_SCREENSHOTS") or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": 1300, "height": 900})
        page.goto(server + "/")
        assert page.title().startswith("Scenario matrix")
        page.screenshot(path=str(shots / "matrix.png"))

        assert "the 2024 election" in page.locator("h1").inner_text()  # the latest cycle first
        page.select_option('select[name="cycle"]', "2020")  # the cycle switcher
        page.click("form.filters button")
        page.wait_for_url("**/?cycle=2020")
        page.screenshot(path=str(shots / "matrix-2020.png"))
        page.click('a[href="/cells/biden/cost_sharing?cycle=2020"]')
        page.wait_for_url("**/cells/biden/cost_sharing?cycle=2020")
        statement = page.locator(
            "article.statement", has_text="Biden presidency could expedite cost-sharing talks"
        )
        assert statement.count() == 1
        assert statement.locator("mark.cue").inner_text() == "could"
        page.screenshot(path=str(shots / "cell.png"), full_page=True)

        statement.locator("a", has_text="document").click()
        page.wait_for_url("**/documents/*")
        assert page.locator("h1").inner_text() == "Biden presidency could expedite cost-sharing talks"
        assert page.locator("span.statement mark.condition").count() > 5
        page.locator("details.removed summary").click()
        assert page.locator("details.removed li", has_text="By Do Je-hae").is_visible()
        page.screenshot(path=str(shots / "document.png"), full_page=True)
        browser.close()
    assert (shots / "document.png").stat().st_size > 10_000


def test_browser_documents_developments_simulate_brief_search(server, tmp_path):
    """The rest of the desk at a laptop's 1366x768, by keyboard where a user would."""
    from playwright.sync_api import sync_playwright

    shots = Path(os.environ.get("SCENARIODESK_SCREENSHOTS") or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": 1366, "height": 768}, accept_downloads=True)
        page.goto(server + "/documents")
        assert page.locator("table.documents tbody tr").count() == 5
        page.screenshot(path=str(shots / "documents.png"))

        page.click("nav >> text=Developments")
        page.wait_for_url("**/developments")
        first = page.locator("details.development").first
        first.locator("summary").focus()
        page.keyboard.press("Enter")  # a development opens from the keyboard
        assert first.locator("article.statement").first.is_visible()
        page.screenshot(path=str(shots / "developments.png"))

        page.click("nav >> text=Simulate")
        page.wait_for_url("**/simulate")
        names = page.locator('input[type="range"]').evaluate_all("els => els.map(e => e.name)")
        assert names == ["prior_trump", "prior_harris"]  # the latest cycle's candidates
        page.locator("#prior_trump").fill("0.9")
        page.locator("#prior_harris").fill("0.1")
        assert page.locator("#prior_trump + output").inner_text() == "0.90"  # the slider's readout
        page.click("form.prior button")
        page.wait_for_url("**prior_trump=0.9**")
        assert "Trump wins 0.90, Harris wins 0.10" in page.locator("p.lede").inner_text()
        assert page.locator("table.simulation svg").count() == 10
        page.screenshot(path=str(shots / "simulate.png"), full_page=True)

        page.click("nav >> text=Brief")
        page.wait_for_url("**/brief")
        with page.expect_download(timeout=120_000) as info:
            page.click("text=Download PDF")
        pdf = Path(tmp_path / "brief.pdf")
        info.value.save_as(pdf)
        assert pdf.read_bytes()[:5] == b"%PDF-" and pdf.stat().st_size > 20_000
        page.screenshot(path=str(shots / "brief.png"))

        page.fill("nav input[name=q]", "troops")
        page.keyboard.press("Enter")
        page.wait_for_url("**/search?q=troops")
        assert page.locator("ol.hits li.statement").count() >= 1  # stemming: "troop" statements
        page.screenshot(path=str(shots / "search.png"), full_page=True)
        browser.close()
