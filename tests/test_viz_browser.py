"""`kg viz` pages in a real headless Chromium (Debian's, driven by Playwright): they load with no
network request, report the expected counts, search finds a node, Chinese labels are drawn with
real glyphs, and text from an article cannot run a script."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image, ImageChops
from playwright.sync_api import sync_playwright

from .conftest import run_kg
from .viz_support import (
    BROKER,
    CHROMIUM,
    CHROMIUM_ARGS,
    FULL_EDGES,
    FULL_NODES,
    PARTNERSHIP_EDGES,
    PARTNERSHIP_NODES,
    Visit,
    build_partnership_store,
)


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make system-deps` (Debian chromium, fonts-noto-cjk)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    return build_partnership_store(tmp_path_factory.mktemp("viz") / "store")


@pytest.fixture(scope="module")
def partnerships_html(store, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("html") / "partnerships.html"
    run_kg("viz", "--store", store, "-o", out)
    return out


def only_the_file(visit: Visit) -> None:
    assert visit.requests == [visit.url], f"the page fetched {visit.requests[1:]}"


def test_partnership_page_loads_offline_with_the_expected_counts(browser, partnerships_html):
    v = Visit(browser, partnerships_html)
    try:
        only_the_file(v)
        assert v.errors == [] and not [m for m in v.console if m.startswith("error")], v.console + v.errors
        assert v.js("pbkg.renderer") == "vis"
        assert v.js("pbkg.network.body.data.nodes.length") == PARTNERSHIP_NODES
        assert v.js("pbkg.network.body.data.edges.length") == PARTNERSHIP_EDGES
        assert v.js("Object.keys(pbkg.network.getPositions()).length") == PARTNERSHIP_NODES
        assert v.js("document.getElementById('count-edges').textContent") == str(PARTNERSHIP_EDGES)
        assert v.js("window.pbkgDrawnMs") > 0
    finally:
        v.close()


def test_the_page_is_utf8_and_inlines_everything(partnerships_html):
    page = partnerships_html.read_bytes().decode("utf-8")
    assert '<meta charset="utf-8">' in page
    assert "东湖置业有限公司" in page  # Chinese as UTF-8, not \u escapes
    for remote in ("http://", "https://"):
        assert f'src="{remote}' not in page and f'href="{remote}' not in page
    assert "default-src 'none'" in page


def test_search_finds_and_selects_a_node(browser, partnerships_html):
    v = Visit(browser, partnerships_html)
    try:
        v.page.fill("#search", "置业")
        assert v.page.locator("#search-results li").first.inner_text().startswith(BROKER)
        v.page.press("#search", "Enter")
        selected = v.js("pbkg.network.getSelectedNodes()")
        assert len(selected) == 1
        assert v.js("(id) => pbkg.nodes.get(id).label", selected[0]) == BROKER
        details = v.page.locator("#details").inner_text()
        assert BROKER in details and "枢纽 broker" in details and "西湖商圈党建联盟" in details
    finally:
        v.close()


def label_image(v: Visit, label: str) -> Image.Image:
    """A screenshot of one node's label, drawn large in the middle of the canvas."""
    v.js(
        """(label) => {
            const id = pbkg.network.body.data.nodes.getIds()[0];
            pbkg.network.body.data.nodes.update({id, label, font: {size: 40}});
            pbkg.network.moveTo({position: pbkg.network.getPositions([id])[id], scale: 1, animation: false});
            pbkg.network.redraw();
        }""",
        label,
    )
    v.page.wait_for_timeout(200)
    box = v.page.locator("#graph").bounding_box()
    cx, cy = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    clip = {"x": cx - 160, "y": cy, "width": 320, "height": 90}  # the label sits below the node
    return Image.open(io.BytesIO(v.page.screenshot(clip=clip))).convert("L")


def differing_pixels(a: Image.Image, b: Image.Image) -> int:
    return ImageChops.difference(a, b).point(lambda p: 255 if p > 60 else 0).histogram()[255]


def test_chinese_labels_are_drawn_with_real_glyphs_not_tofu(browser, partnerships_html, tmp_path):
    """Two different Chinese labels must look different, and different from tofu. Without a CJK
    font every character is the same empty box, so both labels would look alike; the control pair
    of unassigned code points shows what that looks like."""
    v = Visit(browser, partnerships_html)
    try:
        first, second = label_image(v, "党建联盟"), label_image(v, "共建单位")
        tofu_a, tofu_b = label_image(v, "\u0378" * 4), label_image(v, "\u0379" * 4)
        first.save(tmp_path / "first.png")
        ink = sum(first.histogram()[:128])  # dark pixels
        assert ink > 300, "no text drawn under the node"
        assert differing_pixels(tofu_a, tofu_b) < 50, "control: missing glyphs should all draw the same box"
        assert differing_pixels(first, second) > 500, "two Chinese labels look alike: tofu?"
        assert differing_pixels(first, tofu_a) > 500
    finally:
        v.close()


def test_an_empty_view_says_so(browser, tmp_path):
    """A store with no partnership facts yet: the default view explains instead of showing a blank."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "plain.txt").write_text(HOSTILE["plain.txt"], encoding="utf-8")
    run_kg("build", corpus, "--store", tmp_path / "store", "-q")
    run_kg("viz", "--store", tmp_path / "store", "-o", tmp_path / "empty.html")
    v = Visit(browser, tmp_path / "empty.html")
    try:
        assert v.errors == []
        assert v.page.locator("#empty").is_visible()
        assert "kg viz --view full" in v.page.locator("#empty").inner_text()
    finally:
        v.close()


def test_webgl_page_draws_offline_and_finds_a_node(browser, store, tmp_path):
    out = tmp_path / "webgl.html"
    run_kg("viz", "--store", store, "--view", "full", "--renderer", "webgl", "-o", out)
    v = Visit(browser, out)
    try:
        only_the_file(v)
        assert v.errors == [], v.errors
        assert v.js("pbkg.renderer") == "webgl"
        assert v.js("pbkg.graph.order") == FULL_NODES
        assert v.js("pbkg.graph.size") == FULL_EDGES
        v.page.fill("#search", BROKER)
        v.page.press("#search", "Enter")
        assert v.js("pbkg.graph.getNodeAttribute(pbkg.selected(), 'label')") == BROKER
    finally:
        v.close()


HOSTILE = {
    "hostile.txt": (
        "东湖社区召开党建联席会议<script>window.__xss = 'title'</script>\n"
        "2024年3月5日，东湖社区<img src=x onerror=\"window.__xss = 'img'\">党建联席会议在东湖社区服务中心召开。\n"
        "东湖社区党委书记王小明出席会议。\n"
    ),
    "plain.txt": "西湖社区召开共建推进会\n2024年4月2日，西湖社区共建推进会在西湖社区服务中心召开。\n",
}


@pytest.mark.parametrize("bypass_csp", [False, True], ids=["with-csp", "escaping-alone"])
def test_article_text_cannot_run_anything(browser, tmp_path, bypass_csp):
    """An article with <script> and onerror= built through `kg build`: the text shows as text."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in HOSTILE.items():
        (corpus / name).write_text(text, encoding="utf-8")
    store, out = tmp_path / "store", tmp_path / "hostile.html"
    run_kg("build", corpus, "--store", store, "-q")
    run_kg("viz", "--store", store, "--view", "full", "-o", out)
    assert "onerror=" in out.read_text(encoding="utf-8"), "the hostile text should reach the page's data"
    v = Visit(browser, out, bypass_csp=bypass_csp)
    try:
        hostile = v.js(
            "pbkg.network.body.data.nodes.get().filter(n => n.label.includes('onerror')).map(n => n.id)"
        )
        assert hostile, "the hostile event name should be a node"
        # render every place article text goes: tooltip, details panel, search results, edge details
        v.js("(id) => pbkg.page.tooltip('node', id, 10, 10)", hostile[0])
        v.js("(id) => pbkg.page.showNode(id)", hostile[0])
        v.js("() => pbkg.page.showEdge(pbkg.network.body.data.edges.getIds()[0])")
        v.page.fill("#search", "onerror")
        v.page.wait_for_timeout(300)
        assert "onerror=" in v.page.locator("#search-results").inner_text()
        assert v.js("window.__xss") is None
        assert v.dialogs == []
        assert v.js("document.querySelectorAll('img, iframe, object, embed').length") == 0
        only_the_file(v)
    finally:
        v.close()
