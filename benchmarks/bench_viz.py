"""How fast `kg viz` pages draw: synthetic networks of 500, 5,000 and 20,000 nodes, written as
vis-network and WebGL pages, opened in headless Chromium (Debian's, software rendering) and timed
with the page's own clock: performance.now() at the first painted frame (window.pbkgDrawnMs),
i.e. from navigation start to a drawn graph. Real time, not --virtual-time-budget.

    .venv/bin/python benchmarks/bench_viz.py [--sizes 500 5000 20000] [--runs 3] [--keep DIR]

Targets (issue 7): vis 5,000 nodes < 2 s; WebGL 20,000 nodes < 1 s and < 3 MB. The `plain` row
is a bare sigma.js page of the same graph: the floor under the machine's load at that moment
(the machine is shared; read the rows against it). Prints the load average before and after.
The networks go through the same code as a real store: fact rows → kg.network → kg.viz.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from kg.network import View, network_from_rows, prepare
from kg.network.graph import Article
from kg.viz import write_html

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "明华建国立新红军文志海燕玲芳杰伟强磊洋艳勇军静敏丽涛超秀英晨宇浩然子轩欣怡梓涵雨彤佳琪诗雅"
PLACES = "东湖 西湖 南山 北岭 滨江 临港 金桥 银河 青石 白沙 长宁 永安 和平 光明 新华 友谊 胜利 团结 前进 建设".split()
ORG_SUFFIX = {
    "PartyOrganization": ["党委", "党支部", "党工委"],
    "GovernmentBody": ["街道办事处", "市场监管所", "税务分局"],
    "Enterprise": ["置业有限公司", "银行支行", "科技有限公司", "酒店"],
    "SocialOrganization": ["实验小学", "社区医院", "商会", "律师事务所"],
}


def synthetic_rows(n: int, seed: int = 7) -> tuple[list[dict], dict[str, Article]]:
    """Fact rows shaped like `kg.facts.fact_rows` output for a corpus of about n entities."""
    rng = random.Random(seed)
    entities: dict[str, tuple[str, str]] = {}

    def add(cls: str, name: str) -> str:
        iri = f"https://w3id.org/pbkg/id/{cls.lower()}/{name}-{len(entities)}"
        entities[iri] = (cls, name)
        return iri

    jms = [add("JointMeeting", f"{rng.choice(PLACES)}区域化党建联席会议{i}") for i in range(max(2, n // 50))]
    orgs = []
    for _ in range(int(n * 0.40)):
        cls = rng.choice(list(ORG_SUFFIX))
        orgs.append(add(cls, rng.choice(PLACES) + rng.choice(ORG_SUFFIX[cls])))
    people = [
        add("Person", rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN))
        for _ in range(int(n * 0.40))
    ]
    events = [
        add("Event", f"2024年{rng.choice(PLACES)}党建联席会议第{i}次会议") for i in range(n - len(entities))
    ]
    articles = {
        f"a{i:05d}.txt": Article(
            f"a{i:05d}.txt",
            f"{rng.choice(PLACES)}街道召开区域化党建联席会议",
            f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        )
        for i in range(max(1, n // 20))
    }
    files = list(articles)
    rows: list[dict] = []

    def fact(rel: str, s: str, o: str, **kw) -> None:
        file = rng.choice(files)
        rows.append({"relation": rel, "subject": entities[s][1], "object": entities[o][1], "subject_iri": s,
                     "object_iri": o, "sources": [file],
                     "evidence": f"{entities[s][1]}与{entities[o][1]}在{articles[file].title}上签订共建协议，共同推进区域化党建工作。",
                     **kw})  # fmt: skip

    for o in orgs:
        fact("member_of", o, rng.choice(jms))
        if rng.random() < 0.3:
            fact("co_builds_with", o, rng.choice(orgs), date=articles[rng.choice(files)].published)
    for p in people:
        fact("holds_post", p, rng.choice(orgs), role=rng.choice(["书记", "副书记", "主任", "董事长", "校长"]))
    for e in events:
        fact("event_of", e, rng.choice(jms))
        for p in rng.sample(people, 2):
            fact("attended", p, e)
    for iri, (cls, name) in entities.items():
        rows.append(
            {
                "relation": "type",
                "subject": name,
                "object": cls,
                "subject_iri": iri,
                "sources": [rng.choice(files)],
            }
        )
    return rows, articles


def plain_page(g, path: Path) -> None:
    """The floor: the same nodes, edges and positions in a bare sigma.js page (no legend, search,
    panel or details), to compare our page with under the same machine load."""
    from kg.viz.assets import library_js

    nodes = [[d["x"], d["y"], d["color"]] for _, d in g.nodes(data=True)]
    index = {n: i for i, n in enumerate(g)}
    edges = [[index[s], index[o]] for s, o in g.edges()]
    path.write_text(
        f"""<!DOCTYPE html><meta charset="utf-8"><body style="margin:0"><div id="g" style="width:1070px;height:850px"></div>
<script>{library_js("webgl")}</script><script>
const N = {json.dumps(nodes)}, E = {json.dumps(edges)}, g = new graphology.MultiDirectedGraph();
N.forEach(([x, y, color], i) => g.addNode(String(i), {{x, y: -y, size: 3, color}}));
E.forEach(([a, b], i) => g.addDirectedEdgeWithKey(String(i), String(a), String(b), {{size: 0.6, color: "#ccc"}}));
new Sigma(g, document.getElementById("g"), {{defaultEdgeType: "line"}});
requestAnimationFrame(() => setTimeout(() => {{
  window.pbkgDrawnMs = performance.now(); document.body.dataset.drawnMs = "1"; }}, 0));
</script>""",
        encoding="utf-8",
    )


def drawn_ms(browser, path: Path) -> float:
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    try:
        page.goto(path.resolve().as_uri())
        page.wait_for_selector("body[data-drawn-ms]", state="attached", timeout=180_000)
        return page.evaluate("window.pbkgDrawnMs")
    finally:
        page.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[500, 5000, 20000])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--keep", type=Path, help="keep the pages in this folder")
    args = ap.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench_viz_"))
    folder.mkdir(parents=True, exist_ok=True)
    load_before = os.getloadavg()[0]
    print(
        f"{'nodes':>6} {'edges':>6} {'renderer':>8} {'prepare s':>9} {'write s':>7} {'MB':>5} {'drawn ms (median of runs)':>26}"
    )
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for n in args.sizes:
            rows, articles = synthetic_rows(n)
            t = time.perf_counter()
            g = prepare(network_from_rows(rows, articles), View("full"))
            prep = time.perf_counter() - t
            for renderer in ("vis", "webgl", "plain"):
                path = folder / f"bench-{n}-{renderer}.html"
                t = time.perf_counter()
                if renderer == "plain":
                    plain_page(g, path)
                else:
                    write_html(g, path, renderer=renderer)
                wrote = time.perf_counter() - t
                times = [drawn_ms(browser, path) for _ in range(args.runs)]
                print(
                    f"{g.number_of_nodes():>6} {g.number_of_edges():>6} {renderer:>8} {prep:>9.2f} {wrote:>7.2f} "
                    f"{path.stat().st_size / 1e6:>5.2f} "
                    f"{statistics.median(times):>10.0f}  ({', '.join(f'{x:.0f}' for x in times)})",
                    flush=True,
                )
        browser.close()
    print(f"pages in {folder}; load average {os.getloadavg()[0]:.1f} (before: {load_before:.1f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
