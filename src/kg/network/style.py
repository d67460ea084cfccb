"""What the network looks like: class and relation labels (from the ontology), colours, shapes,
views (from src/kg/data/network.yaml).

Labels come from ontology/pbkg.ttl so that the HTML legend, the GEXF attributes and the SPARQL
vocabulary never disagree; colours and view definitions are data, so a planner's request to
recolour a class or widen the partnership view is a one-line YAML change.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import pyoxigraph as ox
import yaml

from .. import vocab as V


@dataclass(frozen=True)
class Label:
    zh: str
    en: str


@cache
def config() -> dict:
    """src/kg/data/network.yaml."""
    return yaml.safe_load(resources.files("kg.data").joinpath("network.yaml").read_text(encoding="utf-8"))


@cache
def _ontology_terms() -> tuple[dict[str, Label], frozenset[str]]:
    """pbkg term IRI → its zh/en rdfs:label, and the symmetric properties."""
    labels: dict[str, dict[str, str]] = {}
    symmetric: set[str] = set()
    with V.ontology_path().open("rb") as fh:
        for t in ox.parse(fh, format=ox.RdfFormat.TURTLE):
            s, p, o = t.subject, t.predicate, t.object
            if not (isinstance(s, ox.NamedNode) and s.value.startswith(V.ONT)):
                continue
            if p.value == V.RDFS + "label" and isinstance(o, ox.Literal) and o.language:
                labels.setdefault(s.value, {})[o.language] = o.value
            elif p.value == V.RDF + "type" and o.value == V.OWL + "SymmetricProperty":
                symmetric.add(s.value)
    out = {iri: Label(d.get("zh", ""), d.get("en", "")) for iri, d in labels.items()}
    return out, frozenset(symmetric)


def class_label(cls: str) -> Label:
    """The ontology's label of an entity class (PartyOrganization → 党组织 / Party organisation)."""
    return _ontology_terms()[0].get(V.ONT + cls, Label(cls, cls))


def relation_label(relation: str) -> Label:
    """The ontology's label of the property that carries a guideline relation."""
    iri = V.relations().get(relation, "")
    return _ontology_terms()[0].get(iri, Label(relation, relation))


def is_symmetric(relation: str) -> bool:
    """co_builds_with is undirected: its property is an owl:SymmetricProperty."""
    return V.relations().get(relation, "") in _ontology_terms()[1]


def class_style(cls: str) -> dict:
    """{'color': '#rrggbb', 'shape': disc|square|triangle|diamond} of a class."""
    return config()["classes"].get(cls, config()["unknown_class"])


def relation_color(relation: str) -> str:
    return config()["relation_colors"].get(relation, config()["default_relation_color"])


def class_order() -> list[str]:
    """Classes in the order of the legend (and the order that picks a class when an entity has several)."""
    return list(config()["classes"])
