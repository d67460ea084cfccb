"""Remake the README's screenshots of `kg viz`, one per view, in headless Chromium.

    .venv/bin/python viz/screenshots.py        # writes viz/screenshots/*.png

partnerships (its first broker clicked): the demo corpus examples/corpus, as `make run` builds it;
full, ego and the date window: the dev corpus in ../shared; webgl: a 20,000-node synthetic
network (benchmarks/bench_viz.py). Everything goes through `kg build` and `kg viz`.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

from bench_viz import ARGS, CHROMIUM, synthetic_rows  # noqa: E402

from kg.network import View, brokers, load, network_from_rows, prepare  # noqa: E402
from kg.store import open_store  # noqa: E402
from kg.viz import write_html  # noqa: E402

OUT = ROOT / "viz" / "screenshots"
DEV = ROOT.parent / "shared" / "corpus" / "dev"
DEMO = ROOT / "examples" / "corpus"


def kg(*args) -> None:
    subprocess.run([sys.executable, "-m", "kg", *map(str, args)], check=True, cwd=ROOT)


def shoot(browser, page_path: Path, png: Path, click: str | None = None) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 860})
    page.goto(page_path.resolve().as_uri())
    page.wait_for_selector("body[data-drawn-ms]", state="attached", timeout=120_000)
    if click:
        page.fill("#search", click)
        page.press("#search", "Enter")
        if page.evaluate("pbkg.renderer") == "vis":
            page.evaluate("pbkg.network.fit()")
    page.wait_for_timeout(500)
    page.screenshot(path=str(png))
    page.close()
    Image.open(png).quantize(256).save(png, optimize=True)  # a third of the bytes, same picture
    print(png.relative_to(ROOT))


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="pbkg_shots_"))
    demo, dev = tmp / "demo", tmp / "dev"
    kg("build", DEMO, "--store", demo, "-q")
    kg("build", DEV, "--store", dev, "-q")
    with open_store(demo, read_only=True) as st:
        g = load(st)
    found = brokers(g)
    pages = {
        "partnerships": (["--store", demo], g.nodes[found[0]]["label"] if found else None),
        "full": (["--store", dev, "--view", "full"], None),
        "ego": (
            ["--store", dev, "--focus", "静安区曹家渡街道2025年区域化党建联席会议", "--depth", "2"],
            None,
        ),
        "window": (["--store", dev, "--view", "full", "--from", "2024-11", "--to", "2024-12"], None),
    }
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for name, (args, click) in pages.items():
            html = tmp / f"{name}.html"
            kg("viz", *args, "-o", html)
            shoot(browser, html, OUT / f"{name}.png", click)
        rows, articles = synthetic_rows(20000)
        html = tmp / "webgl.html"
        write_html(prepare(network_from_rows(rows, articles), View("full")), html, renderer="webgl")
        shoot(browser, html, OUT / "webgl-20000.png")
        browser.close()


if __name__ == "__main__":
    main()
