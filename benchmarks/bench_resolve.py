"""Time the global resolution pass on a generated store of many articles (default 10,000).

    .venv/bin/python benchmarks/bench_resolve.py [--articles 10000] [--store DIR]

Articles are generated as extractions (the extractor is not what is measured): cities, districts
and streets of the divisions file; streets' Party working committees; companies named in full,
by short forms and by their Party committees; officials (namesakes included) who hold posts and
move; generic 区委 in articles about a district; bylines; one dated meeting each. They go through
the real per-article resolution and RDF writer and are loaded in bulk; then the global pass runs
three times: on the fresh store (everything to resolve and rewrite), again (nothing changes),
and after 100 more articles (the incremental case).
"""

from __future__ import annotations

import argparse
import random
import shutil
import tempfile
import time
from pathlib import Path

from kg.model import DateValue, Document, Entity, Evidence, Extraction, Fact
from kg.pipeline import version
from kg.rdf import article_quads, meta_quads
from kg.resolve import resolution_quads, resolve
from kg.resolve.across import resolve_store
from kg.resolve.places import divisions
from kg.store import EmbeddedStore

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
)
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍建国志红文斌宇浩然思远嘉树若溪书澜晓川承泽"
TRADES = ["建设", "数智", "物流", "文旅", "置业", "科技", "能源", "传媒", "餐饮", "物业"]
ROLES = ["书记", "副书记", "董事长", "总经理", "主任", "委员"]


class World:
    """Places, organisations and people the generated articles talk about."""

    def __init__(self, rng: random.Random, n_people: int = 6000, n_firms: int = 1500):
        d = divisions()
        districts = sorted(n for n, k in d.kind.items() if k == "district" and len(n) >= 3)
        self.places = []
        for dist in rng.sample(districts, 300):
            ctx = d.complete(d.context([dist]))
            if ctx.city and ctx.city != "-":
                streets = [
                    f"{rng.choice(SURNAMES)}{rng.choice(GIVEN)}{rng.choice('路桥湾园')}街道" for _ in range(4)
                ]
                self.places.append((ctx, streets))
        self.firms = []
        for i in range(n_firms):
            ctx, _ = rng.choice(self.places)
            stem = f"{rng.choice(GIVEN)}{rng.choice(SURNAMES)}{i % 97}"
            short = ctx.city.removesuffix("市")
            trade = rng.choice(TRADES)
            self.firms.append(
                (ctx, f"{short}{stem}{trade}集团股份有限公司", f"{stem}{trade}", f"{short}{stem}{trade}集团")
            )
        self.people = []
        for _ in range(n_people):  # a few thousand names over six thousand people: namesakes happen
            name = rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(["", *GIVEN[:20]])
            self.people.append((name, rng.randrange(len(self.places)), rng.randrange(len(self.firms))))


def article(world: World, i: int, rng: random.Random) -> Extraction:
    ctx, streets = world.places[rng.randrange(len(world.places))]
    street = rng.choice(streets)
    day = f"20{rng.randint(18, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    title = f"{ctx.district}{street}召开区域化党建联席会议"
    doc = Document(
        f"gen{i:05d}.txt",
        f"gen{i:05d}.txt",
        title,
        title,
        list(range(len(title))),
        list(range(1, len(title) + 1)),
    )
    doc.title, doc.date = title, DateValue(day)
    x = Extraction(doc=doc)
    ev = Evidence(title, 0, len(title), rule="bench", confidence=0.8)

    def ent(type_, name, **attrs):
        key = f"e{len(x.entities) + 1}"
        x.add_entity(Entity(key, type_, name, attrs=attrs))
        return key

    event = ent("Event", f"{street}{day[:4]}年区域化党建联席会议", date=day)
    x.facts.append(Fact("event_date", event, day, evidence=ev))
    gov = ent("GovernmentBody", street)
    body = ent("PartyOrganization", f"{street}党工委")
    committee = ent("PartyOrganization", "区委")
    for _ in range(rng.randint(3, 7)):
        name, home, firm = rng.choice(world.people)
        person = ent("Person", name)
        if rng.random() < 0.5:
            fctx, full, short, mid = world.firms[firm]
            org = ent("Enterprise", rng.choice([full, full, short, mid]))
        else:
            org = rng.choice([gov, body, committee])
        x.facts.append(Fact("holds_post", person, org, role=rng.choice(ROLES), evidence=ev))
        x.facts.append(Fact("attended", person, event, date=day, evidence=ev))
    reporter = ent("Person", rng.choice(world.people)[0])
    x.facts.append(Fact("authored", reporter, None, role="记者", evidence=ev))
    place = ent("Place", f"{street}党群服务中心")
    x.facts.append(Fact("event_place", event, place, evidence=ev))
    return resolve(x)


def load(store: EmbeddedStore, extractions: list[Extraction]) -> None:
    """Bulk-load the articles' graphs (the build writes one update per article; this is setup)."""
    quads = []
    for x in extractions:
        graph = article_quads(x)[1]
        quads += graph + resolution_quads(x, graph) + meta_quads(x, version())
    store._s.bulk_extend(quads)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument(
        "--store", type=Path, default=None, help="store folder (default: a temporary one, removed after)"
    )
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    folder = args.store or Path(tempfile.mkdtemp(prefix="bench_resolve_")) / "store"
    rng = random.Random(args.seed)
    t = time.perf_counter()
    world = World(rng)
    extractions = [article(world, i, rng) for i in range(args.articles)]
    print(f"generated {args.articles} articles in {time.perf_counter() - t:.1f}s")
    store = EmbeddedStore(folder)
    try:
        t = time.perf_counter()
        load(store, extractions)
        print(f"loaded {sum(1 for _ in store.quads())} quads in {time.perf_counter() - t:.1f}s")
        for label in ("first pass (all new)", "second pass (nothing new)"):
            r = resolve_store(store)
            print(
                f"{label}: {r.seconds:.1f}s, {r.mentions} mentions → {r.entities} entities, {r.rewritten} nodes renamed, {r.candidates} candidates"
            )
        more = [article(world, args.articles + i, rng) for i in range(100)]
        load(store, more)
        r = resolve_store(store)
        print(
            f"incremental (+100 articles): {r.seconds:.1f}s, {r.mentions} mentions → {r.entities} entities, {r.rewritten} renamed"
        )
    finally:
        store.close()
        if args.store is None:
            shutil.rmtree(folder.parent, ignore_errors=True)


if __name__ == "__main__":
    main()
