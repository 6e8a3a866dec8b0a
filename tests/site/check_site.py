"""Check a built site in real headless Chromium (Debian's chromium and chromedriver).

Every page must load with no console error; every offering page must show its number of
watch-outs as data.json (beside the site) counts them;
with --hostile, injected markup must show as text and never run. The matrix must fit a 390 px
screen, print must show every link's URL, and the compare page's selects must show the offering
chosen. Screenshots of the index and the first offering page go to --screenshots.

Usage: python tests/site/check_site.py SITE_DIR [--screenshots DIR] [--hostile]
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--window-size=1400,1000")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        """No request log."""


@contextmanager
def serve(site: Path) -> Iterator[str]:
    """Serve the site on a free loopback port, as a CDN would (http, not file://)."""
    handler = functools.partial(_Quiet, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@contextmanager
def browser() -> Iterator[webdriver.Chrome]:
    with tempfile.TemporaryDirectory(prefix="chromium-profile-") as profile:
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for flag in (*FLAGS, f"--user-data-dir={profile}"):
            options.add_argument(flag)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
        try:
            yield driver
        finally:
            driver.quit()


def check_small_screen(driver: webdriver.Chrome, base: str) -> list[str]:
    """At 390 px every cell of the matrix is on screen, without scrolling sideways."""
    driver.set_window_size(390, 900)
    driver.get(f"{base}/index.html")
    width = driver.execute_script("return document.documentElement.clientWidth")
    cells = driver.find_elements(By.CSS_SELECTOR, ".matrix td")
    off = [c.text for c in cells if c.rect["x"] + c.rect["width"] > width + 1 or not c.is_displayed()]
    driver.set_window_size(1400, 1000)
    return [f"index.html: {len(off)} of {len(cells)} matrix cells off a 390 px screen"] if off else []


def check_print(driver: webdriver.Chrome, base: str, name: str) -> list[str]:
    """Printed, every link shows its URL and cells are kept whole."""
    driver.get(f"{base}/{name}")
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    problems = []
    for a in driver.find_elements(By.CSS_SELECTOR, "a[href]"):
        after = driver.execute_script("return getComputedStyle(arguments[0], '::after').content", a)
        if a.get_attribute("href").split("#")[0].rstrip("/") not in after and \
                a.get_dom_attribute("href") not in after:
            problems.append(f"{name}: printed link {a.text!r} shows no URL")
            break
    cell = driver.find_element(By.CSS_SELECTOR, ".cell")
    if driver.execute_script("return getComputedStyle(arguments[0]).breakInside", cell) != "avoid":
        problems.append(f"{name}: printed cells may break across pages")
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    return problems


def check_compare(driver: webdriver.Chrome, base: str) -> list[str]:
    """Choosing an offering in either select shows its column, and only the two chosen show."""
    driver.get(f"{base}/compare/index.html")
    problems = []
    for pick in ("pick-a", "pick-b"):
        select = Select(driver.find_element(By.ID, pick))
        for value in [o.get_attribute("value") for o in select.options]:
            select.select_by_value(value)
            heading = driver.find_element(By.CSS_SELECTOR, f"#c-{value} h2")
            if not heading.is_displayed():
                problems.append(f"compare/index.html: choosing {value} in {pick} does not show it")
            shown = [h for h in driver.find_elements(By.CSS_SELECTOR, ".col h2") if h.is_displayed()]
            if len(shown) > 2:
                problems.append(f"compare/index.html: {len(shown)} columns show, not two")
    return problems


def expected_watch_outs(site: Path) -> dict[str, str]:
    """Page -> the "Watch-outs N" line it must show, from the data.json built beside the site."""
    feed = json.loads((site.parent / "data.json").read_text(encoding="utf-8"))
    return {f"offerings/{o['id']}.html": f"Watch-outs {len(o['watch_outs'])}" for o in feed["offerings"]}


def check(site: Path, screenshots: Path | None, hostile: bool) -> list[str]:
    """Problems found, one line each (empty when the site passes)."""
    problems: list[str] = []
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    watch_outs = expected_watch_outs(site)
    first = next((name for name in pages if name.startswith("offerings/")), None)
    with serve(site) as base, browser() as driver:
        for name in pages:
            driver.get(f"{base}/{name}")
            for entry in driver.get_log("browser"):
                if entry["level"] in ("SEVERE", "ERROR", "WARNING"):
                    problems.append(f"{name}: console {entry['level']}: {entry['message']}")
            if driver.execute_script("return window.__pwned !== undefined"):
                problems.append(f"{name}: injected script ran")
            if driver.title == "pwned":
                problems.append(f"{name}: injected script changed the title")
            if driver.find_elements(By.CSS_SELECTOR, "main script, main img"):
                problems.append(f"{name}: data produced a <script> or <img> element")
            body = driver.find_element(By.TAG_NAME, "body").text
            if name in watch_outs and watch_outs[name] not in body:
                problems.append(f"{name}: does not show {watch_outs[name]!r}")
            if hostile and name == "offerings/synthetic-hostile-api.html":
                for text in ("<script>window.__pwned = 1;", "onerror=", "[click me](javascript:"):
                    if text not in body:
                        problems.append(f"{name}: hostile text {text!r} is not shown as text")
            if screenshots and name in ("index.html", first):
                screenshots.mkdir(parents=True, exist_ok=True)
                driver.save_screenshot(str(screenshots / f"{Path(name).stem}.png"))
        if "index.html" in pages:
            problems += check_small_screen(driver, base)
        if first:
            problems += check_print(driver, base, first)
        if "compare/index.html" in pages:
            problems += check_compare(driver, base)
    if not pages:
        problems.append(f"{site}: no pages")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("site", type=Path)
    parser.add_argument("--screenshots", type=Path)
    parser.add_argument("--hostile", action="store_true")
    args = parser.parse_args(argv)
    problems = check(args.site, args.screenshots, args.hostile)
    for problem in problems:
        print(problem)
    pages = len(list(args.site.rglob("*.html")))
    print(f"{pages} pages checked in Chromium, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
