"""A store on a SPARQL server: SPARQL 1.1 Protocol for queries and updates, Graph Store Protocol for graphs.

`kg … --store URL` works against Oxigraph server, Apache Jena Fuseki, OpenLink Virtuoso and GraphDB.
The endpoints are worked out from the URL (see `endpoints`) and can be set one by one:

    PBKG_SPARQL_QUERY_URL, PBKG_SPARQL_UPDATE_URL, PBKG_SPARQL_GSP_URL   endpoint URLs
    PBKG_SPARQL_USER, PBKG_SPARQL_PASSWORD                             credentials (never printed)
    PBKG_SPARQL_AUTH = digest | basic (default: whichever the server asks for)
    PBKG_SPARQL_TIMEOUT (seconds, default 60), PBKG_SPARQL_RETRIES (default 4)

An article is written with one SPARQL update request (drop its graph and metadata, insert the
new ones), which the server runs as one transaction: the graph is replaced whole or not at all.
Requests that fail for a transient reason (connection refused or reset, timeout, HTTP 429, 502,
503, 504) are retried with exponential backoff; both kinds of write are idempotent, so a retry
after a lost answer is safe.

Virtuoso's dialect, handled here so callers need not know it:
- its SPARQL parser runs out of stack on one INSERT DATA block of some 5,000 triples ("SP030 …
  memory exhausted"), so inserts go as several INSERT DATA operations of at most 1,000 triples
  in the same request (still one transaction);
- its JSON results say "typed-literal" (an early draft of the format) for typed literals;
- it cuts results at ResultSetMaxRows (10,000 by default) and only says so in the
  X-SPARQL-MaxRows header: that is an error here, never a silently short answer;
- it lists its own system graphs: `graphs()` keeps pbkg's graphs only;
- it rewrites some lexical forms (0.900 → 0.9, +00:00 → Z) and lower-cases language tags, as
  RDF allows; nothing here depends on the original spelling. It writes xsd:boolean as 1 and 0,
  which are read back as true and false; a comparison it computes comes back as an xsd:integer,
  so a query that returns one casts it (see post_holders_on_date.rq).
"""

from __future__ import annotations

import base64
import json
import os
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pyoxigraph as ox

from .. import vocab as V
from .base import QueryResult, Row, Store, StoreError, insert_data, replace_article_update

TRANSIENT = {429, 502, 503, 504}
INSERT_CHUNK = 1000  # triples per INSERT DATA operation (Virtuoso's parser limit is near 5,000)
SELECT_JSON = "application/sparql-results+json"


@dataclass
class Endpoints:
    query: str
    update: str
    gsp: str


def endpoints(url: str) -> Endpoints:
    """The query, update and Graph Store endpoints for a server URL (each overridable by env).

    - Virtuoso: …/sparql or …/sparql-auth → itself for query and update, GSP at
      /sparql-graph-crud (or /sparql-graph-crud-auth);
    - GraphDB: …/repositories/NAME → itself, …/statements, …/rdf-graphs/service;
    - otherwise a dataset base URL, Oxigraph's layout: /query, /update, /store
      (Fuseki: set PBKG_SPARQL_GSP_URL=…/ds/data, or give …/ds/ with its /query /update).
    """
    parts = urllib.parse.urlsplit(url)
    path = parts.path.rstrip("/")
    origin = f"{parts.scheme}://{parts.netloc}"
    if path.endswith(("/sparql", "/sparql-auth")):
        gsp = origin + ("/sparql-graph-crud-auth" if path.endswith("-auth") else "/sparql-graph-crud")
        found = Endpoints(url, url, gsp)
    elif "/repositories/" in path:
        base = origin + path
        found = Endpoints(base, base + "/statements", base + "/rdf-graphs/service")
    else:
        base = origin + path
        found = Endpoints(base + "/query", base + "/update", base + "/store")
    return Endpoints(
        os.environ.get("PBKG_SPARQL_QUERY_URL") or found.query,
        os.environ.get("PBKG_SPARQL_UPDATE_URL") or found.update,
        os.environ.get("PBKG_SPARQL_GSP_URL") or found.gsp,
    )


def _redact(url: str) -> str:
    """The URL without any user:password@ part, for messages."""
    parts = urllib.parse.urlsplit(url)
    netloc = parts.netloc.rsplit("@", 1)[-1]
    return urllib.parse.urlunsplit(parts._replace(netloc=netloc))


class Http:
    """HTTP with credentials, a timeout and retries; errors become one-line StoreErrors.

    Basic credentials are sent up front; digest needs the server's challenge, which urllib's
    handler answers. Without PBKG_SPARQL_AUTH the scheme is taken from the first challenge.
    """

    def __init__(self, url: str, user: str | None, password: str | None, timeout: float, retries: int):
        self.url, self.user, self.password = url, user, password or ""
        self.timeout = timeout
        self.retries = retries
        self.scheme = os.environ.get("PBKG_SPARQL_AUTH", "").lower() or None
        if self.scheme not in (None, "basic", "digest"):
            raise StoreError("PBKG_SPARQL_AUTH must be basic or digest")
        self.opener = self._opener()

    def _opener(self):
        if self.user and self.scheme == "digest":
            mgr = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            parts = urllib.parse.urlsplit(self.url)
            mgr.add_password(None, f"{parts.scheme}://{parts.netloc}/", self.user, self.password)
            return urllib.request.build_opener(urllib.request.HTTPDigestAuthHandler(mgr))
        return urllib.request.build_opener()

    def _auth_headers(self) -> dict:
        if self.user and self.scheme == "basic":
            token = base64.b64encode(f"{self.user}:{self.password}".encode()).decode("ascii")
            return {"Authorization": f"Basic {token}"}
        return {}

    def _learn_scheme(self, e: urllib.error.HTTPError) -> bool:
        """After a 401, pick the scheme the server asks for (once); True when worth retrying."""
        if not self.user or self.scheme is not None:
            return False
        challenges = " ".join(e.headers.get_all("WWW-Authenticate") or []).lower()
        self.scheme = "digest" if "digest" in challenges else "basic"
        self.opener = self._opener()
        return True

    def request(
        self,
        method: str,
        url: str,
        body: bytes | None = None,
        headers: dict | None = None,
        *,
        missing_ok=False,
    ):
        """(status, headers, body) of a request, retried on transient failures (404 is fine if missing_ok)."""
        where = _redact(url.split("?", 1)[0])
        attempt = 0
        while True:
            req = urllib.request.Request(
                url, data=body, method=method, headers={**(headers or {}), **self._auth_headers()}
            )
            try:
                with self.opener.open(req, timeout=self.timeout) as resp:
                    return resp.status, resp.headers, resp.read()
            except urllib.error.HTTPError as e:
                detail = e.read().decode("utf-8", errors="replace").strip().splitlines()
                if e.code == 401 and self._learn_scheme(e):
                    continue
                if e.code == 404 and missing_ok:
                    return 404, e.headers, b""
                if e.code in TRANSIENT and attempt < self.retries:
                    attempt = self._pause(attempt)
                    continue
                if e.code in (401, 403):
                    raise StoreError(
                        f"{where}: HTTP {e.code}: not allowed (set PBKG_SPARQL_USER and PBKG_SPARQL_PASSWORD)"
                    ) from None
                raise StoreError(f"{where}: HTTP {e.code}: {detail[0] if detail else e.reason}") from None
            except (urllib.error.URLError, TimeoutError, ConnectionError) as e:
                if attempt < self.retries:
                    attempt = self._pause(attempt)
                    continue
                reason = getattr(e, "reason", e)
                raise StoreError(
                    f"{where}: cannot reach the server after {attempt + 1} tries: {reason}"
                ) from None

    def _pause(self, attempt: int) -> int:
        """Exponential backoff before the next try; returns the next attempt number."""
        time.sleep(min(8.0, 0.25 * 2**attempt))
        return attempt + 1


BOOLEAN = "http://www.w3.org/2001/XMLSchema#boolean"


def _term(b: dict):
    """A SPARQL JSON results term as a pyoxigraph term (Virtuoso's "typed-literal" included)."""
    kind, value = b["type"], b["value"]
    if kind == "uri":
        return ox.NamedNode(value)
    if kind == "bnode":
        return ox.BlankNode(value) if value.replace("_", "").isalnum() else ox.BlankNode()
    if "xml:lang" in b:
        return ox.Literal(value, language=b["xml:lang"])
    if "datatype" in b:
        if b["datatype"] == BOOLEAN:  # Virtuoso writes booleans as 1 and 0: same value, canonical form
            value = {"1": "true", "0": "false"}.get(value, value)
        return ox.Literal(value, datatype=ox.NamedNode(b["datatype"]))
    return ox.Literal(value)


def insert_ops(quads: Iterable[ox.Quad]) -> list[str]:
    """INSERT DATA operations of at most INSERT_CHUNK triples each."""
    quads = list(quads)
    return [insert_data(quads[i : i + INSERT_CHUNK]) for i in range(0, len(quads), INSERT_CHUNK)]


class RemoteStore(Store):
    def __init__(self, url: str, *, read_only: bool = False):
        parts = urllib.parse.urlsplit(url)
        user = os.environ.get("PBKG_SPARQL_USER") or (urllib.parse.unquote(parts.username or "") or None)
        password = os.environ.get("PBKG_SPARQL_PASSWORD") or urllib.parse.unquote(parts.password or "")
        self.location = _redact(url)
        self.read_only = read_only
        self.endpoints = endpoints(self.location)
        try:
            timeout = float(os.environ.get("PBKG_SPARQL_TIMEOUT", "60"))
            retries = int(os.environ.get("PBKG_SPARQL_RETRIES", "4"))
        except ValueError:
            raise StoreError("PBKG_SPARQL_TIMEOUT and PBKG_SPARQL_RETRIES must be numbers") from None
        self.http = Http(self.location, user, password, timeout, retries)

    # ------------------------------------------------------------- SPARQL 1.1 Protocol

    def _post_query(self, sparql: str, accept: str):
        body = urllib.parse.urlencode({"query": sparql}).encode("utf-8")
        headers = {"Content-Type": "application/x-www-form-urlencoded", "Accept": accept}
        _, resp_headers, data = self.http.request("POST", self.endpoints.query, body, headers)
        cut = resp_headers.get("X-SPARQL-MaxRows")
        if cut:
            raise StoreError(
                f"{self.location}: the server cut the answer at {cut} rows (Virtuoso: raise"
                " ResultSetMaxRows in the [SPARQL] section of virtuoso.ini)"
            )
        return data

    def update(self, sparql: str) -> None:
        if self.read_only:
            raise StoreError(f"{self.location}: opened read-only")
        body = urllib.parse.urlencode({"update": sparql}).encode("utf-8")
        headers = {"Content-Type": "application/x-www-form-urlencoded"}
        self.http.request("POST", self.endpoints.update, body, headers)

    def query(self, sparql: str) -> QueryResult:
        accept = f"{SELECT_JSON}, application/n-triples;q=0.9"
        data = self._post_query(sparql, accept)
        if data.lstrip()[:1] == b"{":
            doc = self._json(data)
            if "boolean" in doc:
                return QueryResult("ask", boolean=bool(doc["boolean"]))
            names = doc.get("head", {}).get("vars", [])
            return QueryResult("select", variables=names, rows=self._rows(doc))
        try:
            triples = list(ox.parse(data, format=ox.RdfFormat.N_TRIPLES))
        except SyntaxError as e:
            raise StoreError(f"{self.location}: cannot read the server's answer: {e}") from None
        return QueryResult("graph", triples=triples)

    def _json(self, data: bytes) -> dict:
        try:
            return json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as e:
            raise StoreError(f"{self.location}: the server did not answer in SPARQL JSON: {e}") from None

    def _rows(self, doc: dict) -> list[Row]:
        return [{k: _term(v) for k, v in b.items()} for b in doc.get("results", {}).get("bindings", [])]

    def select(self, sparql: str, bindings: Mapping | None = None) -> list[Row]:
        if bindings:
            from ..query import bind

            sparql = bind(sparql, dict(bindings), [])
        return self._rows(self._json(self._post_query(sparql, SELECT_JSON)))

    def ask(self, sparql: str, bindings: Mapping | None = None) -> bool:
        if bindings:
            from ..query import bind

            sparql = bind(sparql, dict(bindings), [])
        return bool(self._json(self._post_query(sparql, SELECT_JSON)).get("boolean"))

    # ------------------------------------------------------------- writes

    def replace_article(self, graph, quads, meta_subjects, meta) -> None:
        """One update request: drop the article's graph and metadata, insert the new ones in chunks."""
        head = replace_article_update(graph, [], meta_subjects, [])
        self.update(" ;\n".join([head, *insert_ops([*quads, *meta])]))

    def replace_graph(self, graph: str, quads: Iterable[ox.Quad]) -> None:
        """A derived graph replaced with one Graph Store Protocol PUT (no INSERT DATA size limits)."""
        if self.read_only:
            raise StoreError(f"{self.location}: opened read-only")
        triples = [ox.Triple(q.subject, q.predicate, q.object) for q in quads]
        if not triples:
            self.update(f"DROP SILENT GRAPH <{graph}>")
            return
        body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
        url = self._graph_url(graph)
        self.http.request("PUT", url, body, {"Content-Type": "application/n-triples"})

    # ------------------------------------------------------------- reads through the Graph Store Protocol

    def _graph_url(self, graph: str) -> str:
        return self.endpoints.gsp + "?" + urllib.parse.urlencode({"graph": graph})

    def graphs(self) -> list[str]:
        """pbkg's named graphs (servers such as Virtuoso also hold system graphs of their own)."""
        rows = self.select(
            f"""SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }}
                FILTER(STRSTARTS(STR(?g), "{V.BASE}graph/")) }}"""
        )
        return sorted(r["g"].value for r in rows)

    def quads(self, graph: str | None = None) -> Iterable[ox.Quad]:
        for g in [graph] if graph else self.graphs():
            accept = {"Accept": "application/n-triples"}
            status, _, data = self.http.request("GET", self._graph_url(g), None, accept, missing_ok=True)
            if status in (204, 404) or not data:
                continue
            name = ox.NamedNode(g)
            try:
                for t in ox.parse(data, format=ox.RdfFormat.N_TRIPLES):
                    yield ox.Quad(t.subject, t.predicate, t.object, name)
            except SyntaxError as e:
                raise StoreError(f"{self.location}: cannot read graph {g}: {e}") from None

    def close(self) -> None:
        pass
