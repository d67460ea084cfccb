"""Median latency of each catalogue query on one generated embedded store (Oxigraph only).

    .venv/bin/python benchmarks/time_catalogue.py --articles 10000 --store /tmp/sparqlperf/st10k
    .venv/bin/python benchmarks/time_catalogue.py --store /tmp/sparqlperf/st10k fact_evidence --runs 3

The store is generated once by bench_store.py's generator (same articles, entities graph and
inferred graph) and reused on later runs, so a query rewrite can be timed in seconds rather than
rebuilding anything; the example parameter values are kept beside it in params.json. Each query
runs in a forked child with a time limit, so one slow query does not hold up the rest. Much
cheaper than bench_store.py, which also loads and queries rdflib.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path

from bench_store import corpus, example_params, fill, in_child, timed

from kg.query import QueryError, catalogue
from kg.store import EmbeddedStore

HOLDING = """
PREFIX pbkg: <https://w3id.org/pbkg/ont#>
PREFIX org: <http://www.w3.org/ns/org#>
SELECT ?org ?role ?first WHERE {
  GRAPH ?g { ?h a pbkg:PostHolding ; org:organization ?org ; pbkg:role ?role ; pbkg:firstSeen ?first }
} ORDER BY ?h LIMIT 1
"""


def build(path: Path, n: int) -> None:
    """Generate `n` articles into a new store at `path`, with the parameter values beside it."""
    articles, params = corpus(n)
    st = EmbeddedStore(path)
    fill(st, [q for quads in articles for q in quads])
    params.update(a_post_holding(st))
    st.close()
    (path / "params.json").write_text(json.dumps(params, ensure_ascii=False), encoding="utf-8")


def a_post_holding(st: EmbeddedStore) -> dict[str, str]:
    """The organisation, role and first date of one resolved post holding (post_holders_on_date's parameters)."""
    row = next(iter(st._s.query(HOLDING)))
    return {"org": row["org"].value, "role": row["role"].value, "date": row["first"].value[:10]}


def latency(st: EmbeddedStore, text: str, runs: int, limit: float) -> tuple[float | None, int]:
    """Median seconds over `runs` (None past `limit`), and the number of rows answered."""

    def measure() -> tuple[float, int]:
        rows: list = []
        return timed(lambda: rows.extend(st._s.query(text))), len(rows)

    times, rows = [], 0
    for _ in range(runs):
        got = in_child(measure, limit)
        if got is None:
            return None, rows
        times.append(got[0])
        rows = got[1]
    return statistics.median(times), rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("names", nargs="*", help="catalogue queries to time (default: all)")
    ap.add_argument("--store", type=Path, required=True, help="store folder (generated when missing)")
    ap.add_argument("--articles", type=int, default=10000, help="articles to generate into a new store")
    ap.add_argument("--runs", type=int, default=3, help="runs per query (median)")
    ap.add_argument("--limit", type=float, default=600.0, help="seconds before a query is given up")
    a = ap.parse_args()
    if not (a.store / "params.json").exists():
        print(f"generating {a.articles} articles into {a.store}", flush=True)
        build(a.store, a.articles)
    params = json.loads((a.store / "params.json").read_text(encoding="utf-8"))
    queries = catalogue()
    unknown = sorted(set(a.names) - set(queries))
    if unknown:
        sys.exit(f"time_catalogue: no catalogue query named {', '.join(unknown)}")
    st = EmbeddedStore(a.store)
    for name in a.names or queries:
        q = queries[name]
        try:
            text = q.bound_text(example_params(q, params))
        except QueryError as e:  # e.g. a parameter the generated corpus has no value of the right kind for
            print(f"{name:32} skipped: {e}", flush=True)
            continue
        seconds, rows = latency(st, text, a.runs, a.limit)
        shown = f"{seconds * 1000:10.1f} ms" if seconds is not None else f"  > {a.limit:.0f} s  "
        print(f"{name:32} {shown}  {rows:6} rows", flush=True)
    st.close()


if __name__ == "__main__":
    main()
