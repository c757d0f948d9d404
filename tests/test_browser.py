"""The HTML map in a real headless Chromium (Debian chromium + chromium-driver)."""

import json
import shutil
import tempfile
from pathlib import Path

import networkx as nx
import pytest

from actorgraph.exports.html import write_html

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"


@pytest.fixture(scope="module")
def browser():
    if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
        pytest.fail("Debian packages chromium and chromium-driver are required (see .ci/run)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="ag-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                f"--user-data-dir={profile}", "--window-size=1400,900"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


def _open(driver, path: Path):
    driver.get_log("performance")  # drop earlier entries
    driver.get(path.resolve().as_uri())
    driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        const wait = () => (window.actorgraph ? done(true) : setTimeout(wait, 50));
        wait();""")


#: Chromium's own start-up and tooling requests, not the page's
_BROWSER_OWN = ("chrome://", "chrome-extension://", "devtools://", "data:", "about:")


def _requests(driver) -> list[str]:
    """URLs the page requested since the last call (the log is drained by reading it)."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            url = message["params"]["request"]["url"]
            if not url.startswith(_BROWSER_OWN):
                urls.append(url)
    return urls


@pytest.fixture(scope="module")
def seed_map(tmp_path_factory, seed_store):
    from actorgraph.api import write_map

    out = tmp_path_factory.mktemp("map") / "seeds.html"
    graph = write_map(seed_store, out, title="seeds")
    return out, graph


def test_seed_map_loads_offline_without_errors(browser, seed_map):
    path, graph = seed_map
    _open(browser, path)
    errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == [], f"console errors: {errors}"
    requests = _requests(browser)
    outside = [url for url in requests if not url.startswith("file:")]
    assert outside == [], f"the page requested {outside} (all requests seen: {requests})"
    count = browser.execute_script("return window.actorgraph.nodes.length")
    assert count == graph.number_of_nodes() > 50
    drawn = browser.execute_script("return Object.keys(window.actorgraph.network.getPositions()).length")
    assert drawn == count


def test_search_focuses_a_node_by_alias(browser, seed_map):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    path, _ = seed_map
    _open(browser, path)
    box = browser.find_element(By.ID, "search")
    box.send_keys("la migra")
    box.send_keys(Keys.ENTER)
    browser.execute_script("document.getElementById('search').dispatchEvent(new Event('change'))")
    focused = browser.execute_script("return window.actorgraph.focused")
    assert focused.endswith("/us-immigration-and-customs-enforcement")
    selected = browser.execute_script("return window.actorgraph.network.getSelectedNodes()")
    assert focused in selected and len(selected) > 5  # the node and its neighbourhood
    assert "U.S. Immigration and Customs Enforcement" in browser.find_element(By.ID, "info").text


def test_class_filter_hides_nodes(browser, seed_map):
    from selenium.webdriver.common.by import By

    path, _ = seed_map
    _open(browser, path)
    before = browser.execute_script("return Object.keys(window.actorgraph.network.getPositions()).length")
    browser.find_element(By.CSS_SELECTOR, "input[data-filter=class][value=Place]").click()
    after = browser.execute_script("return Object.keys(window.actorgraph.network.getPositions()).length")
    places = browser.execute_script("return window.actorgraph.nodes.get({filter: n => n.cls === 'Place'}).length")
    assert after == before - places and places > 10


def test_hostile_names_stay_inert(browser, tmp_path):
    evil = '<img src=x onerror="window.pwned=1">'
    script = '</script><script>window.pwned=2</script>'
    graph = nx.MultiDiGraph()
    graph.add_node("a", label=evil, cls="Organization", aliases=[script], documents=[evil])
    graph.add_node("b", label=script, cls="GovernmentAgency", aliases=[], documents=[])
    graph.add_edge("a", "b", key="opposes", predicate="opposes", weight=1,
                   evidence=[{"quote": evil + script, "document": "d", "title": evil, "start": 0, "end": 1,
                              "modality": "asserted", "extractor": "x"}])
    out = tmp_path / "hostile.html"
    write_html(graph, out, title=evil, caption=script)
    _open(browser, out)
    browser.execute_script("window.actorgraph.focusNode('a')")
    assert browser.execute_script("return window.pwned === undefined")
    assert browser.execute_script("return document.querySelectorAll('img').length") == 0
    assert evil in browser.find_element("id", "info").text
    assert browser.title == evil
