"""Resolution: local entities → stable IRIs.

IRIs are minted from what an entity *is*, never from the order articles arrive in: the class and
the normalised canonical name (events: their date and name). So rebuilding a corpus in any order
gives the same IRIs. Cross-article merging (abbreviations, namesakes) builds on this.
"""

from __future__ import annotations

from ..model import Extraction
from .iri import mint

__all__ = ["mint", "resolve"]


def resolve(x: Extraction) -> Extraction:
    for ent in x.entities.values():
        ent.iri = mint(ent)
    return x
