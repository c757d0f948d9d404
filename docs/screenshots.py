"""Screenshots of the map for the README, taken in Debian's headless Chromium at 1280×720.

    python docs/screenshots.py

Ingests the bundled sample documents into a scratch store, writes the default map, the map
with the automatic story and the handout, and saves docs/map-overview.png (the map as it
opens), docs/map-story.png (the second step of the story) and docs/handout.png (the
printable page). Prints how many labels the overview draws and at what size.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from actorgraph.api import ingest, open_store, seeds_path, write_map

DOCS = Path(__file__).resolve().parent


def _browser(profile: str):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", f"--user-data-dir={profile}"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": 1280, "height": 720, "deviceScaleFactor": 1, "mobile": False})
    return driver


def _open(driver, path: Path) -> None:
    driver.get(path.as_uri())
    driver.execute_async_script("""const done = arguments[arguments.length - 1];
        const wait = () => (window.actorgraph && window.actorgraph.ready ? done(true) : setTimeout(wait, 50)); wait();""")
    time.sleep(0.5)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        with open_store(str(work / "store")) as store:
            ingest(sorted(seeds_path().glob("*.txt")), store=store)
            title = "actorgraph: the bundled sample documents"
            write_map(store, work / "map.html", title=title, png=DOCS / "handout.png")
            write_map(store, work / "story.html", title=title, story="auto")
        driver = _browser(str(work / "profile"))
        try:
            _open(driver, work / "map.html")
            driver.save_screenshot(str(DOCS / "map-overview.png"))
            labels = driver.execute_script("return window.actorgraph.drawn")
            nodes = [lab for lab in labels if lab["kind"] == "node"]
            print(f"overview at 1280×720: {len(nodes)} node labels drawn "
                  f"({sum(1 for lab in nodes if lab['px'] >= 14)} at 14 px, the rest at 12 px), "
                  f"{len(labels) - len(nodes)} relation labels; scale {driver.execute_script('return window.actorgraph.network.getScale()'):.2f}")
            _open(driver, work / "story.html")
            driver.find_element(By.TAG_NAME, "body").send_keys(Keys.ARROW_RIGHT)
            time.sleep(1.2)
            driver.save_screenshot(str(DOCS / "map-story.png"))
        finally:
            driver.quit()
    for name in ("map-overview.png", "map-story.png", "handout.png"):
        print("wrote", DOCS / name)


if __name__ == "__main__":
    main()
