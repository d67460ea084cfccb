"""The dev corpus gets the same IRIs whether built twice, in reverse order, or a few articles at a time."""

from __future__ import annotations

from kg.store import open_store

from .conftest import DEV, run_kg
from .resolving import dump


def articles() -> list:
    return sorted(p for p in DEV.iterdir() if p.suffix in {".txt", ".html"})


def graph_of(store) -> set[str]:
    with open_store(store, read_only=True) as st:
        return dump(st)


def test_dev_corpus_twice_in_reverse_and_incrementally_gives_the_same_iris(tmp_path):
    files = articles()
    forward, backward, pieces = tmp_path / "forward", tmp_path / "backward", tmp_path / "pieces"
    run_kg("build", *files, "--store", forward, "-q")
    first = graph_of(forward)
    run_kg("build", *files, "--store", forward, "-q")
    assert graph_of(forward) == first
    run_kg("build", *files[::-1], "--store", backward, "-q")
    assert graph_of(backward) == first
    for i in range(0, len(files), 7):
        run_kg("build", *files[i : i + 7][::-1], "--store", pieces, "-q")
    assert graph_of(pieces) == first
    iris = {q.split(" ", 1)[0] for q in first if "/id/person/" in q.split(" ", 1)[0]}
    assert len(iris) > 50
