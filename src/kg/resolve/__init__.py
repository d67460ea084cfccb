"""Resolution: one entity per real-world thing, with a stable IRI.

Two stages. Per article (`local`): the article's context, the short forms it declares, and an IRI
per entity minted from what the article says it is (class, normalised name, place, anchor), never
from arrival order. Across the store after each build (`across`): mentions of one thing in
different articles are clustered (organisations by name, short form, place and Party body; persons
by name plus shared organisation, post or place; events by date, name, host and attendees), each
entity gets one surviving IRI (the others stay resolvable through owl:sameAs), the article graphs
are rewritten to it, and the entities graph gets labels, merges, post timelines and the review
decisions of `graphs/decisions.yaml`.
"""

from __future__ import annotations

from .local import resolution_quads, resolve

# the global pass is `kg.resolve.across.resolve_store` (imported from there: it needs kg.rdf,
# which itself takes its IRIs from kg.resolve.iri)
__all__ = ["resolution_quads", "resolve"]
