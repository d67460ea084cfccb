"""Merge precision and recall against a ground-truth file (see tests/resolution/truth.yaml).

Each mention of the truth ("r03 凌思远": the entity an article names so, "r04 区委|中共上海市虹口区
委员会": by either name, whichever the extractor gives; "r03 @2024-12-18": the event it dates so)
is looked up in its article's graph. Over all pairs of found mentions of one
kind, a pair is predicted merged when both have the same IRI, and truly merged when both are
listed under the same entity. Mentions the extractor did not read are counted as missing, not
as errors, so the figures measure resolution and not extraction.
"""

from __future__ import annotations

from itertools import combinations
from pathlib import Path

import yaml

from .. import vocab as V
from ..store import Store


def mention_index(store: Store) -> tuple[dict[tuple[str, str], str], dict[tuple[str, str], str]]:
    """(file, label) → entity IRI, and (file, event date) → event IRI."""
    named: dict[tuple[str, str], str] = {}
    for r in store.select(
        V.sparql_prefixes()
        + f"""SELECT ?file ?e ?label WHERE {{ GRAPH ?g {{ ?e pbkg:mentionedIn ?art ; rdfs:label|skos:altLabel ?label }}
              GRAPH <{V.META_GRAPH}> {{ ?art pbkg:fileName ?file }} }}"""
    ):
        named.setdefault((r["file"].value, r["label"].value), r["e"].value)
    dated: dict[tuple[str, str], str] = {}
    for r in store.select(
        V.sparql_prefixes()
        + f"""SELECT ?file ?e ?date WHERE {{ GRAPH ?g {{ ?a rdf:subject ?e ; rdf:predicate pbkg:eventDate ; rdf:object ?date ;
              pbkg:sourceArticle ?art }} GRAPH <{V.META_GRAPH}> {{ ?art pbkg:fileName ?file }} }}"""
    ):
        dated.setdefault((r["file"].value, r["date"].value), r["e"].value)
    return named, dated


def merge_quality(store: Store, truth: Path) -> dict:
    data = yaml.safe_load(truth.read_text(encoding="utf-8"))
    named, dated = mention_index(store)
    files = sorted({f for f, _ in named} | {f for f, _ in dated})
    found: dict[str, list[tuple[str, str]]] = {}  # kind → [(true entity, predicted IRI)]
    missing = []
    for kind, entities in data.items():
        for entity, mentions in entities.items():
            for mention in mentions:
                prefix, names = mention.split(" ", 1)
                file = next((f for f in files if f.startswith(prefix)), "")
                iri = next(
                    (
                        dated.get((file, name[1:])) if name.startswith("@") else named.get((file, name))
                        for name in names.split("|")
                        if (dated.get((file, name[1:])) if name.startswith("@") else named.get((file, name)))
                    ),
                    None,
                )
                if iri:
                    found.setdefault(kind, []).append((entity, iri))
                else:
                    missing.append(mention)
    tp = fp = fn = 0
    for pairs in found.values():
        for (ta, pa), (tb, pb) in combinations(pairs, 2):
            same_true, same_pred = ta == tb, pa == pb
            tp += same_true and same_pred
            fp += same_pred and not same_true
            fn += same_true and not same_pred
    return {
        "precision": tp / (tp + fp) if tp + fp else 1.0,
        "recall": tp / (tp + fn) if tp + fn else 1.0,
        "true_pairs": tp + fn,
        "merged_pairs": tp + fp,
        "correct_pairs": tp,
        "mentions": sum(len(p) for p in found.values()),
        "missing": missing,
    }
