"""Stores: where the graph lives. `open_store` picks the implementation from the location."""

from __future__ import annotations

from pathlib import Path

from .base import QueryResult, Row, Store, StoreError
from .embedded import EmbeddedStore
from .remote import RemoteStore

DEFAULT_STORE = Path("graphs") / "store"

__all__ = [
    "DEFAULT_STORE",
    "EmbeddedStore",
    "QueryResult",
    "RemoteStore",
    "Row",
    "Store",
    "StoreError",
    "open_store",
]


def open_store(location: str | Path | None = None, *, read_only: bool = False, create: bool = True) -> Store:
    """A remote store for an http(s) URL (a SPARQL server), else an embedded store in a folder."""
    loc = str(location or DEFAULT_STORE)
    if loc.startswith(("http://", "https://")):
        return RemoteStore(loc, read_only=read_only)
    return EmbeddedStore(loc, read_only=read_only, create=create)
