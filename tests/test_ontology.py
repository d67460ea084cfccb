"""The ontology is consistent OWL 2 (HermiT) and declares every term the code emits."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import rdflib

from kg import vocab
from kg.model import ENTITY_TYPES

from .conftest import ROOT, SHARED

ONTOLOGY = ROOT / "ontology" / "pbkg.ttl"


def test_hermit_finds_the_ontology_consistent(tmp_path: Path):
    if not shutil.which("java"):
        pytest.fail("java is needed for HermiT (make test installs it)")
    import owlready2

    g = rdflib.Graph().parse(ONTOLOGY, format="turtle")
    xml = tmp_path / "pbkg.owl"
    g.serialize(xml, format="xml", encoding="utf-8")
    world = owlready2.World()
    onto = world.get_ontology(xml.as_uri()).load()
    with onto:
        owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
    assert not list(world.inconsistent_classes())
    assert onto.search_one(iri=vocab.ONT + "PostHolding") is not None


def test_every_entity_type_is_a_class_with_labels_in_both_languages():
    g = rdflib.Graph().parse(ONTOLOGY, format="turtle")
    RDFS = rdflib.RDFS
    for t in ENTITY_TYPES:
        iri = rdflib.URIRef(vocab.ONT + t)
        assert (iri, rdflib.RDF.type, rdflib.OWL.Class) in g, t
        langs = {lab.language for lab in g.objects(iri, RDFS.label)}
        assert {"zh", "en"} <= langs, t
        assert {c.language for c in g.objects(iri, RDFS.comment)} >= {"zh", "en"}, t


def test_every_guideline_relation_has_a_property():
    text = (SHARED / "eval" / "GUIDELINES.md").read_text(encoding="utf-8")
    table = text.split("## Relations", 1)[1].split("##", 1)[0]
    relations = set(re.findall(r"^\| ([a-z_]+) \|", table, re.M)) - {"type", "relation"}
    assert len(relations) >= 18
    for rel in relations:
        assert vocab.relation_property(rel).value.startswith(vocab.ONT), rel


def test_undeclared_terms_are_refused():
    with pytest.raises(KeyError):
        vocab.term("NoSuchClass")


def test_version_iri_is_declared():
    g = rdflib.Graph().parse(ONTOLOGY, format="turtle")
    assert list(g.objects(rdflib.URIRef("https://w3id.org/pbkg/ont"), rdflib.OWL.versionIRI))
