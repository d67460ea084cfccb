"""The full network, read from the facts table: entities as nodes, facts between entities as edges.

Everything the HTML, GEXF, GraphML and CSV show comes from here, so they show the same picture.
Each node and edge also gets its attestation dates (when the graph says it was true), taken in
this order: the fact's own date, the date of the event it involves, the publication dates of the
articles that state it (`pbkg:published` in the metadata graph).
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from dataclasses import dataclass

import networkx as nx

from ..facts import fact_rows, sparql
from ..store import Store
from .style import class_label, class_order, config, is_symmetric, relation_label


@dataclass(frozen=True)
class Article:
    file: str
    title: str = ""
    published: str = ""  # ISO date, month or year; "" when unknown


def read_articles(store: Store) -> dict[str, Article]:
    """Every article of the metadata graph by file name."""
    out = {}
    for r in store.select(sparql("articles.rq")):
        file = r["file"].value
        out[file] = Article(
            file,
            r["title"].value if "title" in r else "",
            r["published"].value if "published" in r else "",
        )
    return out


def english_labels(store: Store) -> dict[str, str]:
    """Entity IRI → an English label, where the store has one."""
    return {r["e"].value: r["label"].value for r in store.select(sparql("labels_en.rq"))}


def span(iso: str) -> tuple[str, str] | None:
    """The first and last day an ISO date, month or year covers ("2024-02" → 2024-02-01, 2024-02-29)."""
    parts = iso.split("-")
    try:
        y = int(parts[0])
        if len(parts) == 1:
            return f"{y:04d}-01-01", f"{y:04d}-12-31"
        m = int(parts[1])
        if len(parts) == 2:
            return f"{y:04d}-{m:02d}-01", f"{y:04d}-{m:02d}-{calendar.monthrange(y, m)[1]:02d}"
        d = int(parts[2][:2])
        return f"{y:04d}-{m:02d}-{d:02d}", f"{y:04d}-{m:02d}-{d:02d}"
    except (ValueError, IndexError, calendar.IllegalMonthError):
        return None


def seen(dates: list[str]) -> tuple[str, str]:
    """first_seen, last_seen (full ISO days) of a list of attestation dates; "" when none."""
    spans = [s for s in map(span, dates) if s]
    if not spans:
        return "", ""
    return min(s[0] for s in spans), max(s[1] for s in spans)


def network(store: Store) -> nx.MultiDiGraph:
    """The full network of a store."""
    return network_from_rows(fact_rows(store), read_articles(store), english_labels(store))


def network_from_rows(
    rows: list[dict], articles: dict[str, Article] | None = None, labels_en: dict[str, str] | None = None
) -> nx.MultiDiGraph:
    """Rows of `kg.facts.fact_rows` (+ article metadata) → a MultiDiGraph keyed by entity IRI."""
    articles = articles or {}
    g = nx.MultiDiGraph(articles={a.file: a for a in articles.values()})
    _add_nodes(g, rows, labels_en or {})
    event_dates = {r["subject_iri"]: r["object"] for r in rows if r["relation"] == "event_date"}
    by_label = _label_index(g)
    skip = {"type", *config()["not_edges"]}
    for r in rows:
        if r["relation"] in skip:
            continue
        for s, o in _endpoints(r, g, by_label):
            _add_edge(g, r, s, o, event_dates, articles)
    _node_dates(g, event_dates, articles)
    _districts(g)
    _posts(g)
    return g


def _add_nodes(g: nx.MultiDiGraph, rows: list[dict], labels_en: dict[str, str]) -> None:
    classes: dict[str, list[str]] = defaultdict(list)
    first: dict[str, dict] = {}
    for r in rows:
        if r["relation"] == "type":
            classes[r["subject_iri"]].append(r["object"])
            first.setdefault(r["subject_iri"], r)
    order = {c: i for i, c in enumerate(class_order())}
    for iri, cls in classes.items():
        r = first[iri]
        main = min(cls, key=lambda c: order.get(c, len(order)))
        label = class_label(main)
        g.add_node(
            iri,
            label=r["subject"],
            label_en=labels_en.get(iri, ""),
            cls=main,
            class_zh=label.zh,
            class_en=label.en,
            aliases=list(r.get("subject_aliases", [])),
            articles=list(r.get("sources", [])),
        )


def _label_index(g: nx.MultiDiGraph) -> dict[str, list[str]]:
    idx: dict[str, list[str]] = defaultdict(list)
    for n, d in g.nodes(data=True):
        idx[d["label"]].append(n)
    return idx


def _endpoints(r: dict, g: nx.MultiDiGraph, by_label: dict[str, list[str]]) -> list[tuple[str, str]]:
    """The (subject, object) node pairs a row draws: one, or one per party for `witnessed`.

    A witnessed row names the co-building parties by label only; a party is drawn when its
    label names exactly one node.
    """
    s = r.get("subject_iri")
    if s not in g:
        return []
    if r["relation"] == "witnessed":
        parties = [by_label.get(p, []) for p in r.get("parties", [])]
        return [(s, p[0]) for p in parties if len(p) == 1]
    o = r.get("object_iri")
    return [(s, o)] if o in g else []


def _add_edge(g, r: dict, s: str, o: str, event_dates: dict, articles: dict[str, Article]) -> None:
    rel, role = r["relation"], r.get("role") or ""
    sources = list(r.get("sources", []))
    if r.get("date"):
        dates = [r["date"]]
    else:
        dates = [event_dates[n] for n in (s, o) if n in event_dates] or sorted(
            {articles[f].published for f in sources if f in articles and articles[f].published}
        )
    first, last = seen(dates)
    label = relation_label(rel)
    kind = rel + (f":{role}" if role else "")
    g.add_edge(
        s,
        o,
        key=f"{kind}@{r.get('date') or ''}",
        relation=rel,
        relation_zh=label.zh,
        relation_en=label.en,
        kind=kind,
        label=label.zh + (f"（{role}）" if role else ""),
        role=role,
        date=r.get("date") or "",
        dates=dates,
        first_seen=first,
        last_seen=last,
        evidence=r.get("evidence", ""),
        sources=sources,
        directed=not is_symmetric(rel),
    )


def _node_dates(g: nx.MultiDiGraph, event_dates: dict, articles: dict[str, Article]) -> None:
    """Node attestation: its event date, its articles' publication dates, its edges' dates."""
    for n, d in g.nodes(data=True):
        own = [event_dates[n]] if n in event_dates else []
        own += [articles[f].published for f in d["articles"] if f in articles and articles[f].published]
        d["dates"] = own
        d["event_date"] = event_dates.get(n, "")
        edge_dates = [x for *_, e in g.edges(n, data=True) for x in e["dates"]]
        edge_dates += [x for *_, e in g.in_edges(n, data=True) for x in e["dates"]]
        d["first_seen"], d["last_seen"] = seen(own + edge_dates)
        d["article_count"] = len(d["articles"])


def _districts(g: nx.MultiDiGraph) -> None:
    """`district`: the first district reached by following located_in (the node itself if it is one)."""
    suffixes = tuple(config()["district_suffixes"])
    located = defaultdict(list)
    for s, o, d in g.edges(data=True):
        if d["relation"] == "located_in":
            located[s].append(o)
    for n, d in g.nodes(data=True):
        d["district"] = ""
        todo, done = [n], set()
        while todo:
            m = todo.pop(0)
            if m in done:
                continue
            done.add(m)
            if g.nodes[m]["cls"] == "Place" and g.nodes[m]["label"].endswith(suffixes):
                d["district"] = g.nodes[m]["label"]
                break
            todo.extend(located[m])


def _posts(g: nx.MultiDiGraph) -> None:
    """`posts`: for a person "role · organisation", for an organisation "role · person"."""
    for n in g.nodes:
        g.nodes[n]["posts"] = []
    for s, o, d in g.edges(data=True):
        if d["relation"] == "holds_post":
            g.nodes[s]["posts"].append(f"{d['role']} · {g.nodes[o]['label']}")
            g.nodes[o]["posts"].append(f"{d['role']} · {g.nodes[s]['label']}")
