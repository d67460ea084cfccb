"""The entities graph: what resolution concluded, one place for queries to read it.

Per entity: its class, `skos:prefLabel` (Simplified, @zh), `skos:altLabel` for every other form the
articles use (the Traditional original @zh-Hant), `owl:sameAs` from each retired IRI, a
`pbkg:Merge` node per merge with its rule, confidence and any review decision, and the Party body
→ unit links (`pbkg:partyOrganizationOf`) that names imply.
"""

from __future__ import annotations

import hashlib

import pyoxigraph as ox

from .. import vocab as V
from ..rdf import XSD_DEC, zh
from .canonical import Resolved
from .cluster import Result, confidence

G = ox.NamedNode(V.ENTITY_GRAPH)


def entity_quads(entities: dict[int, Resolved], result: Result) -> list[ox.Quad]:
    out: list[ox.Quad] = []
    for e in entities.values():
        out += _labels(e)
    out += _merges(entities, result)
    for body, unit in sorted(result.related):
        out.append(
            ox.Quad(
                ox.NamedNode(entities[body].iri),
                V.term("partyOrganizationOf"),
                ox.NamedNode(entities[unit].iri),
                G,
            )
        )
    return out


def _labels(e: Resolved) -> list[ox.Quad]:
    node = ox.NamedNode(e.iri)
    out = []
    if e.type:
        out.append(ox.Quad(node, V.RDF_TYPE, V.term(e.type), G))
    out.append(ox.Quad(node, V.ext("skos", "prefLabel"), zh(e.pref), G))
    simplified = {label for m in e.mentions for label in m.labels} - {e.pref}
    for label in sorted(simplified):
        out.append(ox.Quad(node, V.ext("skos", "altLabel"), zh(label), G))
    for label in sorted({p for m in e.mentions for p in m.printed} - simplified - {e.pref}):
        out.append(ox.Quad(node, V.ext("skos", "altLabel"), ox.Literal(label, language="zh-Hant"), G))
    for iri in sorted(e.retired):
        out.append(ox.Quad(ox.NamedNode(iri), V.ext("owl", "sameAs"), node, G))
    return out


def merge_iri(a: str, b: str) -> str:
    return f"{V.ENTITY_GRAPH}#merge-{hashlib.sha1(f'{a}|{b}'.encode()).hexdigest()[:16]}"


def _merges(entities: dict[int, Resolved], result: Result) -> list[ox.Quad]:
    out = []
    mentions = result.mentions
    for lk in result.accepted:
        a, b = sorted((mentions[lk.a].minted[0], mentions[lk.b].minted[0]))
        node = ox.NamedNode(merge_iri(a, b))
        into = entities[result.root[lk.a]].iri
        triples = [
            (node, V.RDF_TYPE, V.term("Merge")),
            (node, V.term("mergeOf"), ox.NamedNode(a)),
            (node, V.term("mergeOf"), ox.NamedNode(b)),
            (node, V.term("mergedInto"), ox.NamedNode(into)),
            (node, V.term("rule"), ox.Literal(lk.rule)),
            (node, V.term("confidence"), ox.Literal(f"{confidence(lk):.3f}", datatype=XSD_DEC)),
        ]
        if lk.decision:
            triples.append((node, V.term("decidedBy"), ox.NamedNode(lk.decision)))
        out += [ox.Quad(s, p, o, G) for s, p, o in triples]
    return out
