"""What `kg entities` and `kg review` show: entities as resolved, and the merges worth a look."""

from __future__ import annotations

from collections import Counter, defaultdict

from .. import vocab as V
from ..store import Store
from .across import Resolution
from .iri import ID


def entity_records(store: Store) -> list[dict]:
    """Each entity of the entities graph: IRI, type, labels, articles, retired IRIs, merge history."""
    rec: dict[str, dict] = {}

    def entry(iri: str) -> dict:
        return rec.setdefault(
            iri,
            {"iri": iri, "type": "", "label": "", "labels": [], "articles": [], "same_as": [], "merges": []},
        )

    for r in store.select(
        V.sparql_prefixes()
        + f"""SELECT ?e ?p ?o WHERE {{ GRAPH <{V.ENTITY_GRAPH}> {{ ?e ?p ?o .
              VALUES ?p {{ rdf:type skos:prefLabel skos:altLabel }} FILTER(!isBlank(?e)) }} }}"""
    ):
        e, p, o = r["e"].value, r["p"].value, r["o"].value
        if not e.startswith(ID) or "/id/holding/" in e or "/id/post/" in e:
            continue
        if p.endswith("#type"):
            entry(e)["type"] = o.removeprefix(V.ONT)
        elif p.endswith("prefLabel"):
            entry(e)["label"] = o
        else:
            entry(e)["labels"].append(o)
    for r in store.select(
        V.sparql_prefixes() + f"SELECT ?old ?e WHERE {{ GRAPH <{V.ENTITY_GRAPH}> {{ ?old owl:sameAs ?e }} }}"
    ):
        if r["e"].value in rec:
            rec[r["e"].value]["same_as"].append(r["old"].value)
    for r in store.select(
        V.sparql_prefixes()
        + f"""SELECT ?m ?into ?a ?rule ?conf ?d WHERE {{ GRAPH <{V.ENTITY_GRAPH}> {{
              ?m a pbkg:Merge ; pbkg:mergedInto ?into ; pbkg:mergeOf ?a ; pbkg:rule ?rule ; pbkg:confidence ?conf
              OPTIONAL {{ ?m pbkg:decidedBy ?d }} }} }}"""
    ):
        if r["into"].value not in rec:
            continue
        merges = {m["id"]: m for m in rec[r["into"].value]["merges"]}
        m = merges.get(r["m"].value) or {
            "id": r["m"].value,
            "of": [],
            "rule": r["rule"].value,
            "confidence": float(r["conf"].value),
            "decision": r["d"].value if "d" in r else None,
        }
        m["of"].append(r["a"].value)
        if r["m"].value not in merges:
            rec[r["into"].value]["merges"].append(m)
    for r in store.select(
        V.sparql_prefixes()
        + f"""SELECT DISTINCT ?e ?file WHERE {{ GRAPH ?g {{ ?e pbkg:mentionedIn ?art }}
              GRAPH <{V.META_GRAPH}> {{ ?art pbkg:fileName ?file }} }}"""
    ):
        if r["e"].value in rec:
            rec[r["e"].value]["articles"].append(r["file"].value)
    out = []
    for iri in sorted(rec):
        r = rec[iri]
        if not r["articles"]:
            continue  # posts, holdings, places named only by the entities graph
        for key in ("labels", "articles", "same_as"):
            r[key] = sorted(set(r[key]))
        for m in r["merges"]:
            m["of"].sort()
            del m["id"]
        r["merges"].sort(key=lambda m: (m["of"], m["rule"]))
        out.append(r)
    return out


def review_rows(res: Resolution) -> list[dict]:
    """Uncertain merges, made or not, most valuable first: those that touch the most facts."""
    facts: Counter = Counter()
    for st in res.corpus.statements:
        for node in (st.subject, st.object):
            m = res.corpus.mention(st.graph, node)
            if m:
                facts[res.result.root[m.id]] += 1
    articles: dict[int, set[str]] = defaultdict(set)
    for m in res.corpus.mentions:
        articles[res.result.root[m.id]].add(m.article)
    rows = []
    for c in res.candidates:
        ca, cb = res.result.root[c.a], res.result.root[c.b]
        merged = ca == cb
        a, b = res.corpus.mentions[c.a], res.corpus.mentions[c.b]
        if merged and a.minted == b.minted:
            continue  # minted alike: no decision can tell them apart (see the README)
        rows.append(
            {
                "status": "merged" if merged else "not merged",
                "kind": a.kind,
                "a": a.minted[0] if merged else res.entities[ca].iri,
                "a_label": a.name,
                "b": b.minted[0] if merged else res.entities[cb].iri,
                "b_label": b.name,
                "score": round(c.score, 3),
                "rule": c.rule.removeprefix("merged: "),
                "facts": facts[ca] + (0 if merged else facts[cb]),
                "articles": sorted(articles[ca] | articles[cb]),
            }
        )
    rows.sort(key=lambda r: (-r["facts"], -r["score"], r["a"], r["b"]))
    return rows
