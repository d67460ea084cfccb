"""The build: inputs → documents → extractions → resolved entities → one graph per article.

One transaction per article, so a crash leaves whole articles only. After the articles, the
global resolution pass (`kg.resolve.resolve_store`) resolves entities across the whole store.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import pyoxigraph as ox

from . import __version__
from . import vocab as V
from .extract import EXTRACTOR_VERSION, extract
from .ingest import IngestError, read_inputs
from .model import Extraction
from .rdf import article_quads, meta_quads
from .reason import ReasonReport, materialise
from .resolve import resolution_quads, resolve
from .resolve.across import ResolveReport, resolve_store
from .resolve.decisions import Decision
from .resolve.iri import article_graph, article_iri
from .store import Store
from .validate import ValidationReport, validate


@dataclass
class BuildReport:
    articles: int = 0
    failed: list[str] = field(default_factory=list)  # one line per input that could not be built
    facts: Counter = field(default_factory=Counter)
    entities: Counter = field(default_factory=Counter)
    warnings: list[str] = field(default_factory=list)
    built: list[str] = field(default_factory=list)
    resolution: ResolveReport | None = None
    reasoning: ReasonReport | None = None  # what the ontology added (graph/inferred)
    validation: ValidationReport | None = None  # SHACL on the articles just built


def version() -> str:
    return f"{__version__}+extractor.{EXTRACTOR_VERSION}"


def process(doc) -> Extraction:
    """Extract and resolve one document."""
    return resolve(extract(doc))


def write(store: Store, x: Extraction) -> None:
    graph, quads = article_quads(x)
    quads += resolution_quads(x, quads)
    art = ox.NamedNode(article_iri(x.doc.id))
    meta_subjects = [art, ox.NamedNode(article_graph(x.doc.id)), ox.NamedNode(f"{art.value}/extraction")]
    store.replace_article(graph, quads, meta_subjects, meta_quads(x, version()))


def build(
    paths: Iterable[str],
    store: Store,
    *,
    on_item: Callable[[str], None] | None = None,
    decisions: list[Decision] = (),
    check: bool = True,
) -> BuildReport:
    """Build the articles of `paths`, resolve entities across the store (applying `decisions`),
    then materialise the inferred graph and (when `check`) validate what was built."""
    report = BuildReport()
    seen_ids: dict[str, str] = {}
    for item in read_inputs(paths):
        if isinstance(item, IngestError):
            report.failed.append(str(item))
            if on_item:
                on_item(item.source)
            continue
        if item.id in seen_ids and seen_ids[item.id] != item.source:
            report.warnings.append(
                f"{item.source}: same article name as {seen_ids[item.id]}; the later one replaces it"
            )
        seen_ids[item.id] = item.source
        x = process(item)
        write(store, x)
        report.articles += 1
        report.built.append(item.id)
        report.facts.update(f.relation for f in x.facts)
        report.entities.update(e.type for e in x.entities.values())
        report.warnings.extend(f"{item.id}: {w}" for w in (*item.warnings, *x.warnings))
        if on_item:
            on_item(item.id)
    report.resolution = resolve_store(store, decisions)
    report.warnings.extend(report.resolution.warnings)
    report.reasoning = materialise(store)
    if check and report.built:
        graphs = [article_graph(a) for a in dict.fromkeys(report.built)]
        report.validation = validate(store, [*graphs, V.META_GRAPH, V.ENTITY_GRAPH])
    return report
