"""The HTML map in a real headless Chromium (Debian chromium + chromium-driver)."""

import json
import re
import shutil
import tempfile
from pathlib import Path

import networkx as nx
import pytest

from actorgraph.exports.html import write_html

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser(chromium):
    binary, chromedriver = chromium
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="ag-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                f"--user-data-dir={profile}", "--window-size=1280,720", "--hide-scrollbars"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(chromedriver), options=options)
    # the page itself gets exactly a 1280×720 screen, whatever the window decorations take
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": 1280, "height": 720, "deviceScaleFactor": 1, "mobile": False})
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


def _open(driver, path: Path):
    driver.get_log("performance")  # drop earlier entries
    driver.get(path.resolve().as_uri())
    driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        const wait = () => (window.actorgraph && window.actorgraph.ready ? done(true) : setTimeout(wait, 50));
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
    assert drawn == sum(1 for n in graph if graph.degree(n))  # actors without relation wait for the toggle


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
    places = browser.execute_script("return window.actorgraph.nodes.get({filter: n => n.cls === 'Place' && !n.isolated}).length")
    assert after == before - places and places > 3


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


# ------------------------------------------------------------------ readable at first sight

def _labels(driver) -> list[dict]:
    driver.execute_script("window.actorgraph.network.redraw()")
    return driver.execute_script("return window.actorgraph.drawn")


def _luminance(hex_color: str) -> float:
    channels = [int(hex_color[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_overview_draws_the_top_labels_readably_at_the_fit_zoom(browser, seed_map):
    path, graph = seed_map
    _open(browser, path)
    assert browser.execute_script("return [window.innerWidth, window.innerHeight]") == [1280, 720]
    ranks = browser.execute_script("return window.actorgraph.nodes.get().map(n => [n.id, n.rank, n.isolated])")
    top = {node for node, rank, isolated in ranks if rank < 20 and not isolated}
    assert len(top) == 20
    labels = _labels(browser)
    by_node = {lab["id"]: lab for lab in labels if lab["kind"] == "node"}
    missing = top - set(by_node)
    assert not missing, f"top labels not drawn: {missing}"
    assert all(by_node[n]["px"] >= 12 for n in top)
    assert len(by_node) > 20  # more as space allows
    # no label on another label (edge labels included), all inside the drawing area
    size = browser.execute_script("const c = document.getElementById('graph'); return [c.clientWidth, c.clientHeight]")
    for i, a in enumerate(labels):
        assert 0 <= a["x"] and a["x"] + a["w"] <= size[0] and 0 <= a["y"] and a["y"] + a["h"] <= size[1]
        for b in labels[i + 1:]:
            assert not (a["x"] < b["x"] + b["w"] and b["x"] < a["x"] + a["w"] and a["y"] < b["y"] + b["h"]
                        and b["y"] < a["y"] + a["h"]), f"{a['text']} overlaps {b['text']}"
    # the text really is on the canvas: dark pixels inside each top label's box
    dark = browser.execute_script("""
        const canvas = document.querySelector('#graph canvas'), ctx = canvas.getContext('2d');
        const ratio = canvas.width / canvas.clientWidth;
        return arguments[0].map(l => {
            const img = ctx.getImageData(Math.round(l.x * ratio), Math.round(l.y * ratio),
                                         Math.round(l.w * ratio), Math.round(l.h * ratio)).data;
            let n = 0;
            for (let i = 0; i < img.length; i += 4) { if (img[i + 3] > 200 && img[i] < 80 && img[i + 1] < 80 && img[i + 2] < 80) n++; }
            return n;
        });""", [by_node[n] for n in sorted(top)])
    assert all(count > 10 for count in dark), dark
    # label text against its halo: WCAG AA (4.5:1) at least
    style = browser.execute_script("return JSON.parse(document.getElementById('graph-data').textContent).labels")
    light, dark_ = sorted((_luminance(style["halo"]), _luminance(style["color"])), reverse=True)
    assert (light + 0.05) / (dark_ + 0.05) >= 4.5


def test_isolated_actors_are_out_of_the_layout_until_asked_for(browser, seed_map):
    from selenium.webdriver.common.by import By

    path, graph = seed_map
    _open(browser, path)
    isolated = {n for n in graph if graph.degree(n) == 0}
    assert len(isolated) > 10
    drawn = set(browser.execute_script("return Object.keys(window.actorgraph.network.getPositions())"))
    assert drawn and not drawn & isolated
    toggle = browser.find_element(By.ID, "show-isolated")
    assert f"Show the {len(isolated)} actors with no relation" in toggle.find_element(By.XPATH, "..").text
    listed = browser.execute_script("return document.querySelectorAll('#isolated-list li').length")
    assert listed == len(isolated)
    toggle.click()
    drawn = set(browser.execute_script("return Object.keys(window.actorgraph.network.getPositions())"))
    assert isolated <= drawn


def test_details_panel_wraps_long_text(browser, seed_map):
    path, _ = seed_map
    _open(browser, path)
    browser.execute_script("window.actorgraph.focusNode(window.actorgraph.nodes.get().sort((a, b) => b.id.length - a.id.length)[0].id)")
    widths = browser.execute_script("const i = document.getElementById('info'), s = document.getElementById('side');"
                                    "return [i.scrollWidth, i.clientWidth, s.scrollWidth, s.clientWidth]")
    assert widths[0] <= widths[1] and widths[2] <= widths[3], widths


def test_the_legend_says_what_a_pseudonym_on_the_map_is(browser, seed_map):
    from selenium.webdriver.common.by import By

    path, _ = seed_map
    _open(browser, path)
    drawn = [lab["text"] for lab in _labels(browser) if lab["kind"] == "node"]
    assert [t for t in drawn if re.fullmatch(r"Person [0-9a-f]{4,}", t)]  # the map shows pseudonyms
    note = browser.find_element(By.ID, "pseudonyms")
    browser.execute_script("arguments[0].scrollIntoView()", note)
    assert note.is_displayed()
    example = re.search(r"“(Person [0-9a-f]{4,})”", note.text).group(1)
    assert example in drawn  # explained with one the reader sees
    assert "private person named in the documents" in note.text and "--privacy open" in note.text
    box = browser.execute_script("const r = arguments[0].getBoundingClientRect(), s = document.getElementById('side')"
                                 ".getBoundingClientRect(); return [r.left, r.right, s.left, s.right]", note)
    assert box[2] <= box[0] and box[1] <= box[3]  # inside the side panel


# ------------------------------------------------------------------ the guided story

@pytest.fixture(scope="module")
def story_map(tmp_path_factory, seed_store):
    from actorgraph.api import write_map

    out = tmp_path_factory.mktemp("story") / "story.html"
    write_map(seed_store, out, title="seeds, a story", story="auto")
    return out


def test_story_steps_with_the_keyboard_and_focuses_each_step(browser, story_map):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    _open(browser, story_map)
    steps = browser.execute_script("return window.actorgraph.story.steps")
    assert len(steps) >= 4 and steps[0]["title"] == "Overview"
    assert browser.execute_script("return window.actorgraph.story.index") == 0
    assert browser.find_element(By.ID, "story-counter").text == f"Step 1 of {len(steps)}"
    assert not browser.find_element(By.ID, "story-prev").is_enabled()
    body = browser.find_element(By.TAG_NAME, "body")
    for index in range(1, 3):
        body.send_keys(Keys.ARROW_RIGHT)
        browser.execute_async_script("setTimeout(arguments[arguments.length - 1], 900)")  # the animation
        assert browser.execute_script("return window.actorgraph.story.index") == index
        step = steps[index]
        selected = set(browser.execute_script("return window.actorgraph.network.getSelectedNodes()"))
        assert step["nodes"][0] in selected and set(step["nodes"]) <= selected
        # the focus is on screen, its label drawn first
        where = browser.execute_script("""const n = arguments[0], a = window.actorgraph.network;
            const p = a.canvasToDOM(a.getPositions([n])[n]), c = document.getElementById('graph');
            return [p.x, p.y, c.clientWidth, c.clientHeight];""", step["nodes"][0])
        assert 0 < where[0] < where[2] and 0 < where[1] < where[3]
        assert step["nodes"][0] in {lab["id"] for lab in _labels(browser)}
        assert browser.find_element(By.ID, "story-counter").text == f"Step {index + 1} of {len(steps)}"
        assert browser.find_element(By.ID, "story-caption").text == step["caption"]
        quotes = browser.find_elements(By.CSS_SELECTOR, "#story-quotes li")
        assert len(quotes) == len(step["quotes"]) > 0 and step["quotes"][0]["title"] in quotes[0].text
    body.send_keys(Keys.ARROW_LEFT)
    assert browser.execute_script("return window.actorgraph.story.index") == 1
    browser.find_element(By.ID, "story-prev").click()
    assert browser.execute_script("return window.actorgraph.story.index") == 0
    assert browser.find_element(By.ID, "fullscreen").is_displayed()
    errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == [], f"console errors: {errors}"
    assert [url for url in _requests(browser) if not url.startswith("file:")] == []


def test_a_web_page_is_cited_as_a_link_and_nothing_else_becomes_one(browser, tmp_path):
    graph = nx.MultiDiGraph()
    graph.add_node("a", label="Harmon County Sheriff's Office", cls="GovernmentAgency", aliases=[], documents=[])
    graph.add_node("b", label="ICE", cls="GovernmentAgency", aliases=[], documents=[])
    evidence = [{"quote": "The sheriff shared data with ICE.", "document": "d1", "title": "Board votes",
                 "url": "https://news.example/board?a=1&b=2", "start": 0, "end": 1, "modality": "asserted", "extractor": "x"},
                {"quote": "Again.", "document": "d2", "title": "Trap <javascript:window.pwned=1>", "start": 0, "end": 1,
                 "modality": "asserted", "extractor": "x"}]
    graph.add_edge("a", "b", key="sharedDataWith", predicate="sharedDataWith", weight=2, evidence=evidence)
    out = tmp_path / "web.html"
    write_html(graph, out, title="web")
    _open(browser, out)
    browser.execute_script("const a = window.actorgraph; a.network.emit('click', {nodes: [], edges: [a.edges.getIds()[0]]})")
    links = browser.execute_script("return Array.from(document.querySelectorAll('#info a')).map(a => [a.href, a.textContent])")
    assert links == [["https://news.example/board?a=1&b=2", "https://news.example/board?a=1&b=2"]]
    text = browser.find_element("id", "info").text
    assert "— Board votes https://news.example/board?a=1&b=2" in text and "Trap <javascript:window.pwned=1>" in text
    assert browser.execute_script("return window.pwned === undefined")


# ------------------------------------------------------------------ time

def test_time_filter_hides_what_lies_outside_the_period_and_the_story_steps_through_time(browser, dated_store, tmp_path):
    from selenium.webdriver.common.by import By

    from actorgraph.api import write_map

    story = tmp_path / "time.toml"
    story.write_text('[[step]]\ncaption = "Before 2018"\nuntil = "2017"\n\n'
                     '[[step]]\nfocus = "ICE"\nsince = 2021-01-01\ncaption = "From 2021 on"\n\n'
                     '[[step]]\ncaption = "Everything"\n', "utf-8")
    out = tmp_path / "time.html"
    graph = write_map(dated_store, out, title="dated", story=story)
    _open(browser, out)
    assert browser.execute_script("return window.actorgraph.story.index") == 0
    period = browser.execute_script("return window.actorgraph.period")
    assert (period["since"], period["until"]) == ("", "2017-12-31")
    visible = browser.execute_script("return window.actorgraph.network.body.data.edges.getIds()")
    dated = {e: d for e, d in ((f"{s} {k} {o}", d) for s, o, k, d in graph.edges(keys=True, data=True))}
    assert sorted(visible) == sorted(e for e, d in dated.items() if d.get("from") and d["from"] <= "2017-12-31")
    assert len(visible) == 2  # the sheriff's agreement (2017–2020) and Riverton's work with ICE since 2011
    assert browser.find_element(By.ID, "time-until").get_attribute("value") == "2017-12-31"
    assert "Relations that held … – 2017-12-31: 2 of" in browser.find_element(By.ID, "time-caption").text
    drawn = set(browser.execute_script("return Object.keys(window.actorgraph.network.getPositions())"))
    ends = {n for e in visible for n in (e.split(" ")[0], e.split(" ")[2])}
    assert drawn == ends  # an actor whose every relation lies outside the period is hidden too
    browser.execute_script("window.actorgraph.story.go(1)")
    visible = browser.execute_script("return window.actorgraph.network.body.data.edges.getIds()")
    assert [dated[e].get("to") for e in visible] == ["2021-06-08"]
    browser.execute_script("window.actorgraph.story.go(2)")
    assert browser.execute_script("return window.actorgraph.network.body.data.edges.length") == graph.number_of_edges()
    # the reader sets a period by hand: the two date fields
    since = browser.find_element(By.ID, "time-since")
    browser.execute_script("arguments[0].value = '2020-01-01'; arguments[0].dispatchEvent(new Event('change'))", since)
    shown = browser.execute_script("return window.actorgraph.period.edges")
    assert shown == sum(1 for d in dated.values() if d.get("to") and d["to"] >= "2020")
    undated = browser.find_element(By.ID, "time-undated")
    undated.click()  # the undated relation comes back
    assert browser.execute_script("return window.actorgraph.period.edges") == shown + 1
    errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == [], f"console errors: {errors}"
