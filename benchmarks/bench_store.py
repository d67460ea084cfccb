"""Embedded Oxigraph vs an rdflib in-memory dataset on the same generated corpus.

    .venv/bin/python benchmarks/bench_store.py                 # 1k and 10k articles, side by side
    .venv/bin/python benchmarks/bench_store.py --sizes 1000 --rdflib-timeout 30

Articles are generated as `Extraction` records (entities drawn from shared pools, so people and
organisations recur across articles as in real news) and turned into quads by `kg.rdf`, exactly
as the pipeline writes them; the entities graph and the inferred graph (kg.reason) are added, so
both stores hold the same dataset. Reported per size:

- load: statements per second into each store (Oxigraph: one transaction for all, and the
  pipeline's path of one SPARQL update per article; rdflib: Dataset.addN);
- reasoning: kg.reason's explicit rules vs owlrl's general OWL-RL closure (smaller sizes only);
- every catalogue query's median latency in each store, with the ratio rdflib / Oxigraph.

rdflib queries run in a forked child with a time limit so that the 10k run stays affordable on
two shared cores; a query over the limit is reported as "> limit".
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox
import rdflib

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from kg import vocab as V  # noqa: E402
from kg.model import DateValue, Document, Entity, Evidence, Extraction, Fact  # noqa: E402
from kg.query import catalogue  # noqa: E402
from kg.rdf import article_quads, meta_quads  # noqa: E402
from kg.reason import INFERRED_GRAPH, infer  # noqa: E402
from kg.resolve import resolution_quads, resolve  # noqa: E402
from kg.resolve.across import resolve_store  # noqa: E402
from kg.store import EmbeddedStore  # noqa: E402

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
GIVEN = "明芳强伟敏静丽军杰涛磊超勇艳娟霞平刚桂英华玉兰秀文斌洁晨阳"
ROLES = ["书记", "副书记", "主任", "董事长", "总经理", "院长", "部长", "委员"]
ORG_KINDS = [
    ("PartyOrganization", "党委"),
    ("GovernmentBody", "街道办事处"),
    ("Enterprise", "有限公司"),
    ("SocialOrganization", "医院"),
]


class Pools:
    """Entities shared by the generated articles: a few hundred places, people and units per 1k articles."""

    def __init__(self, n: int, rng: random.Random):
        self.rng = rng
        self.people = sorted(
            {rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN) for _ in range(n // 2 + 50)}
        )
        self.cities = [f"江{i}市" for i in range(1, 6)]
        self.districts = [(f"{c[:-1]}{j}区", c) for c in self.cities for j in range(1, 9)]
        self.streets = [(f"{d[:-1]}{k}街道", d) for d, _ in self.districts for k in range(1, 6)]
        self.orgs = [
            (t, f"第{i}{suffix}", rng.choice(self.streets)[0])
            for i in range(n // 3 + 30)
            for t, suffix in [rng.choice(ORG_KINDS)]
        ]
        self.meetings = [f"第{i}区域化党建联席会议" for i in range(n // 20 + 5)]
        self.projects = [f"第{i}号党群服务项目" for i in range(n // 4 + 10)]


def article(i: int, pools: Pools) -> Extraction:
    """One generated article: a meeting of a joint body, posts, attendance, a signing, a project, places."""
    rng = pools.rng
    date = f"20{rng.randint(20, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    meeting = rng.choice(pools.meetings)
    people = rng.sample(pools.people, 3)
    orgs = rng.sample(pools.orgs, 3)
    street, district = rng.choice(pools.streets)
    city = next(c for d, c in pools.districts if d == district)
    text = f"{date}，{meeting}在{street}召开。" + "".join(
        f"{o[1]}{rng.choice(ROLES)}{p}出席。" for p, o in zip(people, orgs, strict=True)
    )
    doc = Document(
        id=f"gen{i:05d}.txt",
        source=f"gen/{i}",
        original=text,
        text=text,
        starts=list(range(len(text))),
        ends=list(range(1, len(text) + 1)),
        sha256=f"{i:064x}",
        title=f"{meeting}召开会议",
        date=DateValue(date),
    )
    x = Extraction(doc)
    add = x.add_entity
    add(Entity("jm", "JointMeeting", meeting))
    add(Entity("ev", "Event", f"{meeting}{date}会议", attrs={"date": date}))
    add(Entity("st", "Place", street))
    add(Entity("di", "Place", district))
    add(Entity("ci", "Place", city))
    add(Entity("pr", "Project", rng.choice(pools.projects)))
    for k, (kind, name, _) in enumerate(orgs):
        add(Entity(f"o{k}", kind, name))
    for k, name in enumerate(people):
        add(Entity(f"p{k}", "Person", name))
    ev = Evidence(
        text, 0, len(text), 0, len(text), text, rule="bench", confidence=rng.choice([0.6, 0.9, 0.95])
    )
    facts = [
        Fact("event_date", "ev", date),
        Fact("event_place", "ev", "st"),
        Fact("event_of", "ev", "jm"),
        Fact("located_in", "st", "di"),
        Fact("located_in", "di", "ci"),
        Fact("located_in", "o0", "st"),
        Fact("member_of", "o0", "jm"),
        Fact("member_of", "o1", "jm"),
        Fact("rotating_chair", "o2", "jm", date=date[:4]),
        Fact("co_builds_with", "o0", "o1", date=date),
        Fact("witnessed", "p0", parties=["o0", "o1"], date=date),
        Fact("claims_project", "o1", "pr"),
        Fact("launched", "jm", "pr"),
    ]
    for k in range(3):
        facts.append(Fact("holds_post", f"p{k}", f"o{k}", role=rng.choice(ROLES)))
        facts.append(Fact("attended", f"p{k}", "ev", date=date))
    for f in facts:
        f.evidence = ev
    x.facts = facts
    return resolve(x)


def corpus(n: int, seed: int = 7) -> tuple[list[list[ox.Quad]], dict[str, str]]:
    """Quads per article (article graph + its metadata), and example parameter values."""
    rng = random.Random(seed)
    pools = Pools(n, rng)
    articles = []
    for i in range(n):
        x = article(i, pools)
        _, quads = article_quads(x)
        quads += resolution_quads(x, quads)  # what resolve_store reads, as the pipeline writes it
        articles.append(quads + meta_quads(x, "bench"))
    counts: dict[str, int] = {}
    posts: dict[str, int] = {}  # …/post/ORG/ROLE → how many holdings of it
    for quads in articles:
        for q in quads:
            if q.predicate.value == V.ONT + "holdsPostIn":
                counts[q.subject.value] = counts.get(q.subject.value, 0) + 1
            elif q.predicate.value == V.ONT + "role" and "/post/" in q.subject.value:
                posts[q.subject.value] = posts.get(q.subject.value, 0) + 1
    post_org, post_role = max(posts, key=posts.get).split("/post/", 1)[1].rsplit("/", 1)
    person_iri = max(counts, key=counts.get)  # the busiest official (career takes the IRI)
    person = person_iri.split("/person/", 1)[1].split("/")[0]  # …/person/NAME[/ORG]: the name
    org = pools.orgs[0][1]
    params = {
        "person": person,
        "person_iri": person_iri,
        "subject": person,
        "organisation": org,
        "meeting": pools.meetings[0],
        "district": pools.districts[0][0],
        "file": "gen00000.txt",
        "org_iri": V.BASE + "id/org/" + post_org,  # the busiest post (post_holders_on_date)
        "role": post_role,
        "date": "2024-06-30",
    }
    return articles, params


def example_params(q, params: dict) -> dict:
    """The example values a catalogue query needs: NAME_iri where the query takes an IRI (career's
    person), NAME otherwise (person_posts' person is a name)."""
    return {
        p.name: params[f"{p.name}_iri"] if p.kind == "iri" and f"{p.name}_iri" in params else params[p.name]
        for p in q.params
        if p.required and p.default is None
    }


def timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def to_rdflib(term):
    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return rdflib.BNode(term.value)
    if term.language:
        return rdflib.Literal(term.value, lang=term.language)
    return rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype.value))


def rdflib_quad(ds: rdflib.Dataset, q: ox.Quad) -> tuple:
    return (
        to_rdflib(q.subject),
        to_rdflib(q.predicate),
        to_rdflib(q.object),
        ds.graph(rdflib.URIRef(q.graph_name.value)),
    )


def load_rdflib(ds: rdflib.Dataset, quads: list[ox.Quad]) -> float:
    """Seconds rdflib takes to add the statements (converted beforehand, then dropped)."""
    converted = [rdflib_quad(ds, q) for q in quads]
    return timed(lambda: ds.addN(converted))


_RDFLIB: rdflib.Dataset | None = None  # the dataset a forked child queries


def in_child(measure, limit: float) -> float | None:
    """Run `measure` (returns seconds) in a forked child; None when it takes longer than `limit`."""
    ctx = mp.get_context("fork")
    recv, send = ctx.Pipe(duplex=False)
    child = ctx.Process(target=lambda: send.send(measure()))
    child.start()
    if not recv.poll(limit):
        child.kill()
        child.join()
        return None
    seconds = recv.recv()
    child.join()
    return seconds


def rdflib_latency(text: str, limit: float, runs: int) -> float | None:
    """Median latency of a query on the rdflib dataset, run in forked children; None past the limit."""
    times = []
    for _ in range(runs):
        seconds = in_child(lambda: timed(lambda: list(_RDFLIB.query(text))), limit)
        if seconds is None:
            return None
        times.append(seconds)
        if seconds > limit / runs:
            break  # slow enough that one run tells the story
    return statistics.median(times)


def bench(n: int, runs: int, limit: float, owlrl_max: int) -> dict:
    global _RDFLIB
    print(f"\n== {n} articles ==", flush=True)
    t = time.perf_counter()
    articles, params = corpus(n)
    print(f"generated in {time.perf_counter() - t:.1f}s", flush=True)
    res: dict = {"n": n}
    with tempfile.TemporaryDirectory() as tmp:
        st = EmbeddedStore(Path(tmp) / "per-article")
        per_article = timed(lambda: [st.replace_article(q[0].graph_name, q, [], []) for q in articles])
        st.close()
        st = EmbeddedStore(Path(tmp) / "store")
        flat = [q for quads in articles for q in quads]
        res["oxigraph_bulk"], res["reason"] = fill(st, flat)
        res["oxigraph_per_article"] = per_article
        res["statements"] = sum(1 for _ in st.quads())
        res["loaded"] = len(flat)
        ds = rdflib.Dataset()
        res["rdflib_load"] = load_rdflib(ds, flat)
        for g in (V.ENTITY_GRAPH, INFERRED_GRAPH):
            ds.addN(rdflib_quad(ds, q) for q in st.quads(g))
        if n <= owlrl_max:
            res["owlrl"] = in_child(lambda: owlrl_time(flat), limit * 15)
        print(
            f"load: oxigraph {len(flat) / res['oxigraph_bulk']:,.0f} st/s (one transaction), "
            f"{len(flat) / per_article:,.0f} st/s (one update per article); rdflib {len(flat) / res['rdflib_load']:,.0f} st/s",
            flush=True,
        )
        _RDFLIB = ds
        res["queries"] = {}
        for name, q in catalogue().items():
            text = q.bound_text(example_params(q, params))
            ox_times = [timed(lambda text=text: list(st._s.query(text))) for _ in range(runs)]
            ox_ms = statistics.median(ox_times)
            rl = rdflib_latency(text, limit, runs)
            res["queries"][name] = (ox_ms, rl)
            shown = f"{rl * 1000:9.1f} ms" if rl is not None else f"  > {limit:.0f} s  "
            ratio = f"{rl / ox_ms:8.0f}x" if rl is not None else "        -"
            print(f"  {name:30} oxigraph {ox_ms * 1000:8.1f} ms   rdflib {shown} {ratio}", flush=True)
        st.close()
    return res


def fill(st: EmbeddedStore, flat: list[ox.Quad]) -> tuple[float, float]:
    """Load the article statements in one transaction, then add the entities graph and the
    inferred graph as a build leaves them; seconds taken by the load and by the reasoning."""
    bulk = timed(lambda: st._s.extend(flat))
    resolve_store(st)  # the entities graph (labels, post timelines)
    t = time.perf_counter()
    inferred, _ = infer(st)
    reason = time.perf_counter() - t
    g = ox.NamedNode(INFERRED_GRAPH)
    st._s.extend(ox.Quad(ox.NamedNode(s), ox.NamedNode(p), ox.NamedNode(o), g) for s, p, o in inferred)
    return bulk, reason


def owlrl_time(flat: list[ox.Quad]) -> float:
    """owlrl's OWL-RL closure over the article statements and the ontology (for comparison)."""
    import owlrl

    g = rdflib.Graph()
    for q in flat:
        g.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
    g.parse(V.ontology_path(), format="turtle")
    return timed(lambda: owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(g))


def report(results: list[dict], limit: float) -> None:
    print("\n== summary ==")
    head = "".join(f"{r['n']:>14,} art." for r in results)
    print(f"{'':34}{head}")
    print(f"{'statements (with inferred)':34}" + "".join(f"{r['statements']:>19,}" for r in results))
    for key, label in [
        ("oxigraph_bulk", "load oxigraph, one transaction"),
        ("oxigraph_per_article", "load oxigraph, update/article"),
        ("rdflib_load", "load rdflib Dataset.addN"),
    ]:
        print(f"{label:34}" + "".join(f"{r['loaded'] / r[key]:>13,.0f} st/s" for r in results))
    print(
        f"{'load ratio oxigraph/rdflib':34}"
        + "".join(f"{r['rdflib_load'] / r['oxigraph_bulk']:>18.1f}x" for r in results)
    )
    print(f"{'reasoning, kg.reason':34}" + "".join(f"{r['reason']:>17.2f} s" for r in results))
    print(f"{'reasoning, owlrl OWL-RL':34}" + "".join(owlrl_cell(r, limit) for r in results))
    print("\nquery median latency (ms), oxigraph | rdflib | rdflib/oxigraph")
    for name in results[0]["queries"]:
        cells = []
        for r in results:
            o, rl = r["queries"][name]
            cells.append(
                f"{o * 1000:8.1f} | "
                + (
                    f"{rl * 1000:9.1f} | {rl / o:6.0f}x"
                    if rl is not None
                    else f"  >{limit:.0f}s    |   n/a  "
                )
            )
        print(f"  {name:30}" + "   ".join(cells))
    for r in results:
        ratios = [rl / o for o, rl in r["queries"].values() if rl is not None]
        if ratios:
            print(
                f"{r['n']} articles: rdflib/oxigraph median ratio {statistics.median(ratios):.0f}x over {len(ratios)} queries"
                f" ({len(r['queries']) - len(ratios)} over the {limit:.0f} s limit in rdflib)"
            )


def owlrl_cell(r: dict, limit: float) -> str:
    if "owlrl" not in r:
        return f"{'not run':>19}"
    return f"{r['owlrl']:>17.2f} s" if r["owlrl"] is not None else f"{'> ' + str(int(limit * 15)) + ' s':>19}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--runs", type=int, default=3, help="runs per query (median)")
    ap.add_argument(
        "--rdflib-timeout", type=float, default=20.0, help="seconds before an rdflib query is given up"
    )
    ap.add_argument("--owlrl-max", type=int, default=1000, help="run owlrl only up to this many articles")
    a = ap.parse_args()
    results = [bench(n, a.runs, a.rdflib_timeout, a.owlrl_max) for n in a.sizes]
    report(results, a.rdflib_timeout)


if __name__ == "__main__":
    main()
