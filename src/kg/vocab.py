"""The vocabulary, read from ontology/pbkg.ttl.

Code never spells pbkg IRIs itself: it asks this module, which checks that the term is declared
in the ontology. A typo fails loudly at import time of the caller instead of silently minting a
term no query knows. The mapping between guideline relation names and properties comes from the
ontology's `pbkg:factRelation` annotations.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

import pyoxigraph as ox

ONT = "https://w3id.org/pbkg/ont#"
BASE = "https://w3id.org/pbkg/"  # entities are minted under BASE + "id/", graphs under BASE + "graph/"

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
OWL = "http://www.w3.org/2002/07/owl#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
PROV = "http://www.w3.org/ns/prov#"
ORG = "http://www.w3.org/ns/org#"
FOAF = "http://xmlns.com/foaf/0.1/"
SCHEMA = "https://schema.org/"
DCT = "http://purl.org/dc/terms/"

PREFIXES = {
    "pbkg": ONT,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
    "owl": OWL,
    "skos": SKOS,
    "prov": PROV,
    "org": ORG,
    "foaf": FOAF,
    "schema": SCHEMA,
    "dcterms": DCT,
}

META_GRAPH = BASE + "graph/meta"  # article metadata and provenance
ENTITY_GRAPH = BASE + "graph/entities"  # resolved labels and types, rebuilt after every build


def sparql_prefixes() -> str:
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())


def ontology_path() -> Path:
    """ontology/pbkg.ttl of this checkout (PBKG_ONTOLOGY overrides)."""
    env = os.environ.get("PBKG_ONTOLOGY")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[2] / "ontology" / "pbkg.ttl"


@cache
def _ontology() -> tuple[frozenset[str], dict[str, str]]:
    path = ontology_path()
    if not path.is_file():
        raise RuntimeError(f"ontology not found at {path} (run from a checkout, or set PBKG_ONTOLOGY)")
    declared: set[str] = set()
    relations: dict[str, str] = {}
    with path.open("rb") as fh:
        for t in ox.parse(fh, format=ox.RdfFormat.TURTLE):
            s, p, o = t.subject, t.predicate, t.object
            if isinstance(s, ox.NamedNode) and s.value.startswith(ONT):
                if p.value == RDF + "type":
                    declared.add(s.value)
                elif p.value == ONT + "factRelation":
                    relations[o.value] = s.value
    return frozenset(declared), relations


def term(local: str) -> ox.NamedNode:
    """pbkg:`local`, which must be declared in the ontology."""
    iri = ONT + local
    if iri not in _ontology()[0]:
        raise KeyError(f"pbkg:{local} is not declared in {ontology_path()}")
    return ox.NamedNode(iri)


def relation_property(relation: str) -> ox.NamedNode:
    """The property that carries a guideline relation (holds_post → pbkg:holdsPostIn)."""
    try:
        return ox.NamedNode(_ontology()[1][relation])
    except KeyError:
        raise KeyError(f"no property in the ontology has pbkg:factRelation {relation!r}") from None


def relation_of(property_iri: str) -> str | None:
    """The guideline relation a property carries, or None."""
    for rel, iri in _ontology()[1].items():
        if iri == property_iri:
            return rel
    return None


def relations() -> dict[str, str]:
    """relation name → property IRI, for every fact-carrying property."""
    return dict(_ontology()[1])


def ext(prefix: str, local: str) -> ox.NamedNode:
    """A term of an external vocabulary (rdf, skos, prov, org …)."""
    return ox.NamedNode(PREFIXES[prefix] + local)


RDF_TYPE = ext("rdf", "type")
