"""Check a built site in real headless Chromium (Debian's chromium and chromedriver).

Every page must load with no console error and carry a correction paragraph whose link, if it
has one, goes to an https address; with --hostile,
injected markup must show as text and never run; every offering page must show its number of
watch-outs as data.json (beside the site) counts them. At 1280 px and at 390 px (Chromium's window
size) the matrix and compare pages are no wider than the window, every matrix column can be
scrolled to inside the table's box, and the header and first column stay in place while it
scrolls. Print must show every link's URL; the compare page's selects must show the offering
chosen, a compare address (?a=&b= or #a,b) must choose its two offerings and a choice must come
back as the same address, and one offering chosen twice fills both columns. With --many (a
registry with drafts, tests/site/many_registry.py) the draft badge must show on the matrix,
compare, offering and question pages. Screenshots of the matrix and compare pages at 1280 and
390 px, and of the first offering page, go to --screenshots.

Usage: python tests/site/check_site.py SITE_DIR [--screenshots DIR] [--hostile] [--many]
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


WIDTHS = (1280, 390)
PAGE_WIDTH = "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
MATRIX_REACH = """
var box = document.querySelector('.scroll'), heads = box.querySelectorAll('thead th');
var first = box.querySelector('tbody th'), last = heads[heads.length - 1];
box.scrollLeft = box.scrollWidth; box.scrollTop = box.scrollHeight;
var b = box.getBoundingClientRect(), l = last.getBoundingClientRect();
var f = first.getBoundingClientRect(), h = heads[1].getBoundingClientRect();
var r = [l.right <= b.right + 1 && l.left >= b.left - 1, Math.abs(f.left - b.left) <= 3,
         box.scrollHeight <= box.clientHeight || Math.abs(h.top - b.top) <= 3,
         box.scrollWidth > box.clientWidth];
box.scrollLeft = 0; box.scrollTop = 0; return r;"""


def check_widths(driver: webdriver.Chrome, base: str, screenshots: Path | None) -> list[str]:
    """At 1280 and 390 px: pages no wider than the window; every matrix column reachable in its
    box, with the header row and the first column held in place while it scrolls."""
    problems = []
    for width in WIDTHS:
        driver.set_window_size(width, 900)
        for name in ("index.html", "compare/index.html"):
            driver.get(f"{base}/{name}")
            scroll, client = driver.execute_script(PAGE_WIDTH)
            if scroll > client:
                problems.append(f"{name}: {scroll} px wide in a {client} px window ({width} px)")
            if screenshots:
                screenshots.mkdir(parents=True, exist_ok=True)
                stem = "matrix" if name == "index.html" else "compare"
                driver.save_screenshot(str(screenshots / f"{stem}-{width}.png"))
            if name != "index.html":
                continue
            if screenshots:  # the far columns, scrolled to inside the table's box
                driver.execute_script("var s = document.querySelector('.scroll');"
                                      "s.scrollLeft = s.scrollWidth; s.scrollIntoView();")
                driver.save_screenshot(str(screenshots / f"matrix-{width}-scrolled.png"))
            reached, first_held, head_held, scrolls = driver.execute_script(MATRIX_REACH)
            if not reached:
                problems.append(f"index.html: the last matrix column cannot be reached at {width} px")
            if scrolls and not first_held:
                problems.append(f"index.html: the first column scrolls away at {width} px")
            if not head_held:
                problems.append(f"index.html: the header row scrolls away at {width} px")
            if width == 1280 and scrolls:
                problems.append("index.html: the matrix needs a sideways scroll at 1280 px")
    driver.set_window_size(1400, 1000)
    return problems


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


def chosen(driver: webdriver.Chrome) -> tuple[str, str]:
    return (Select(driver.find_element(By.ID, "pick-a")).first_selected_option.get_attribute("value"),
            Select(driver.find_element(By.ID, "pick-b")).first_selected_option.get_attribute("value"))


def check_compare_url(driver: webdriver.Chrome, base: str) -> list[str]:
    """A compare address chooses its offerings; a choice comes back as an address that chooses it;
    one offering chosen twice fills both columns (no empty one)."""
    driver.get(f"{base}/compare/index.html")
    ids = [o.get_attribute("value") for o in Select(driver.find_element(By.ID, "pick-a")).options]
    if len(ids) < 2:
        return []
    a, b = ids[-1], ids[-2]
    problems = []
    for address in (f"?a={a}&b={b}", f"#{a},{b}"):
        driver.get(f"{base}/compare/index.html{address}")
        if chosen(driver) != (a, b):
            problems.append(f"compare/index.html{address} chooses {chosen(driver)}, not {(a, b)}")
    driver.get(f"{base}/compare/index.html?a={ids[0]}&b={ids[0]}")  # so that each choice changes
    Select(driver.find_element(By.ID, "pick-a")).select_by_value(b)
    Select(driver.find_element(By.ID, "pick-b")).select_by_value(a)
    shared = driver.find_element(By.ID, "share").get_attribute("href")
    if driver.current_url != shared:
        problems.append(f"compare/index.html: the address {driver.current_url} is not the link {shared}")
    driver.get(shared)
    if chosen(driver) != (b, a):
        problems.append(f"compare/index.html: the shared address {shared} chooses {chosen(driver)}")
    driver.get(f"{base}/compare/index.html?a={a}&b={a}")
    heading = driver.find_element(By.CSS_SELECTOR, f"#c-{a} h2")
    grid = driver.find_element(By.CSS_SELECTOR, ".cmp")
    shown = [h for h in driver.find_elements(By.CSS_SELECTOR, ".col h2") if h.is_displayed()]
    if len(shown) != 1 or heading.rect["width"] < grid.rect["width"] / 2:
        problems.append("compare/index.html: one offering chosen twice leaves an empty column")
    return problems


def check_drafts(driver: webdriver.Chrome, base: str) -> list[str]:
    """The draft badge shows wherever a draft cell does (a registry with drafts)."""
    problems = []
    driver.get(f"{base}/index.html")
    offering = driver.find_element(By.XPATH, "//td[.//span[@class='draft']]//a").get_attribute("href")
    for url in (f"{base}/index.html", f"{base}/compare/index.html", offering.split("#")[0],
                f"{base}/questions/{offering.split('#')[1]}.html"):
        driver.get(url)
        badges = [b for b in driver.find_elements(By.CSS_SELECTOR, ".draft") if b.is_displayed()]
        if not any(b.text.startswith("Draft") for b in badges):
            problems.append(f"{url}: no draft badge shows")
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


def check(site: Path, screenshots: Path | None, hostile: bool, many: bool = False) -> list[str]:
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
            fixes = driver.find_elements(By.CSS_SELECTOR, ".correct")
            links = [a.get_attribute("href") for p in fixes for a in p.find_elements(By.TAG_NAME, "a")]
            if not fixes or any(not (h or "").startswith("https://") for h in links):
                problems.append(f"{name}: no correction paragraph, or its link goes nowhere")
            if name in watch_outs and watch_outs[name] not in body:
                problems.append(f"{name}: does not show {watch_outs[name]!r}")
            if hostile and name == "offerings/synthetic-hostile-api.html":
                for text in ("<script>window.__pwned = 1;", "onerror=", "[click me](javascript:"):
                    if text not in body:
                        problems.append(f"{name}: hostile text {text!r} is not shown as text")
            if screenshots and name == first:
                screenshots.mkdir(parents=True, exist_ok=True)
                driver.save_screenshot(str(screenshots / f"{Path(name).stem}.png"))
        if "index.html" in pages and "compare/index.html" in pages:
            problems += check_widths(driver, base, screenshots)
            problems += check_compare_url(driver, base)
        if many:
            problems += check_drafts(driver, base)
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
    parser.add_argument("--many", action="store_true", help="a registry with draft cells")
    args = parser.parse_args(argv)
    problems = check(args.site, args.screenshots, args.hostile, args.many)
    for problem in problems:
        print(problem)
    pages = len(list(args.site.rglob("*.html")))
    print(f"{pages} pages checked in Chromium, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
