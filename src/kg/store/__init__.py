"""Stores: where the graph lives. `open_store` picks the implementation from the location."""

from __future__ import annotations

from pathlib import Path

from .base import QueryResult, Row, Store, StoreError
from .embedded import EmbeddedStore

DEFAULT_STORE = Path("graphs") / "store"

__all__ = ["DEFAULT_STORE", "EmbeddedStore", "QueryResult", "Row", "Store", "StoreError", "open_store"]


def open_store(location: str | Path | None = None, *, read_only: bool = False, create: bool = True) -> Store:
    """An embedded store for a folder path (the default: graphs/store)."""
    loc = str(location or DEFAULT_STORE)
    if loc.startswith(("http://", "https://")):
        raise StoreError(f"{loc}: remote stores are not supported yet")
    return EmbeddedStore(loc, read_only=read_only, create=create)
