"""The query catalogue (`queries/*.rq`) and running any SPARQL query with parameters.

Catalogue files follow grlc's conventions, so the same folder can be served by grlc as a web API:
a header of `#+ ` lines holding YAML (`summary`, `description`, `tags`, `defaults`), and parameters
written as variables `?_name` (required) or `?__name` (optional) with the type after the name:
`?_person_zh` (a literal tagged @zh), `?_org_iri` (an IRI), `?_n_integer`, `?_start_xsd_date`
(a literal of datatype xsd:date), `?_file` (a plain string).

Values are turned into RDF terms (checked against their type) and bound with a VALUES block at the
start of the query's WHERE group. The terms are serialised by pyoxigraph, which escapes them, so
no value can change the query: a quote or a brace in a value stays inside its literal.
Because SPARQL evaluates nested groups on their own, a FILTER that tests a parameter belongs in
a WHERE group (the query's or a sub-select's), not inside a GRAPH block; triple patterns may use
parameters anywhere.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import pyoxigraph as ox
import yaml

from . import vocab as V
from .store import QueryResult, Store, StoreError

# ?_name or ?__name, then optional type codes after underscores (grlc: the name itself has none)
PARAM_RE = re.compile(r"[?$](__?)([A-Za-z][A-Za-z0-9]*)((?:_[A-Za-z][A-Za-z0-9]*)*)(?![\w])")
IRIREF_RE = re.compile(r'<[^<>"{}|^`\\\x00-\x20]*>')
WHERE_RE = re.compile(r"(?<![\w?$:])WHERE(?![\w])", re.IGNORECASE)
LANG_RE = re.compile(r"^[a-z]{2,3}$")

# lexical forms checked before a value becomes a literal, so a typo is one clear error line
LEXICAL = {
    "date": lambda v: bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", v)) and bool(date.fromisoformat(v)),
    "gYearMonth": lambda v: bool(re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", v)),
    "gYear": lambda v: bool(re.fullmatch(r"\d{4}", v)),
    "integer": lambda v: bool(re.fullmatch(r"[+-]?\d+", v)),
    "decimal": lambda v: bool(re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", v)),
    "boolean": lambda v: v in {"true", "false", "1", "0"},
    "dateTime": lambda v: bool(datetime.fromisoformat(v)),
}


class QueryError(StoreError):
    """A query or parameter the user got wrong; the message names the query and the problem."""


@dataclass
class Param:
    """One parameter of a query: its variable, type, and whether it must be given."""

    name: str
    variable: str  # without ? : _person_zh
    required: bool
    kind: str  # string | iri | lang | datatype | number
    lang: str = ""
    datatype: str = ""
    default: str | None = None

    def describe(self) -> str:
        """How `kg query --list` shows the parameter: name, type, default."""
        what = {
            "string": "text",
            "iri": "IRI",
            "number": "number",
            "lang": f"name (@{self.lang})",
            "datatype": _compact(self.datatype),
        }[self.kind]
        extra = f" = {self.default}" if self.default is not None else ("" if self.required else ", optional")
        return f"{self.name} ({what}{extra})"

    def term(self, value: str) -> ox.NamedNode | ox.Literal:
        """The RDF term for a value given on the command line, checked against the type."""
        if self.kind == "iri":
            return _iri(self.name, value)
        if self.kind == "lang":
            return ox.Literal(value, language=self.lang)
        if self.kind == "number":
            dt = "integer" if LEXICAL["integer"](value) else "decimal"
            return self._typed(value, V.XSD + dt)
        if self.kind == "datatype":
            return self._typed(value, self.datatype)
        return ox.Literal(value)

    def _typed(self, value: str, datatype: str) -> ox.Literal:
        local = datatype.removeprefix(V.XSD)
        check = LEXICAL.get(local) if datatype.startswith(V.XSD) else None
        try:
            ok = check(value) if check else True
        except ValueError:
            ok = False
        if not ok:
            raise QueryError(f"parameter {self.name}: {value!r} is not an xsd:{local}")
        return ox.Literal(value, datatype=ox.NamedNode(datatype))


@dataclass
class Query:
    """A query with its grlc header: a catalogue entry, a .rq file, or text from --sparql."""

    name: str
    text: str
    summary: str = ""
    description: str = ""
    tags: list[str] = field(default_factory=list)
    params: list[Param] = field(default_factory=list)
    path: Path | None = None

    def bindings(self, given: dict[str, str]) -> tuple[dict[str, ox.NamedNode | ox.Literal], list[str]]:
        """Terms for the parameters given (or their defaults), and the optional ones left unbound."""
        known = {p.name: p for p in self.params}
        unknown = sorted(set(given) - set(known))
        if unknown:
            takes = ", ".join(known) or "no parameters"
            raise QueryError(f"{self.name}: unknown parameter {', '.join(unknown)} (it takes {takes})")
        bound: dict[str, ox.NamedNode | ox.Literal] = {}
        unbound: list[str] = []
        for p in self.params:
            value = given.get(p.name, p.default)
            if value is not None:
                bound[p.variable] = p.term(value)
            elif p.required:
                raise QueryError(f"{self.name}: missing --param {p.name}=… ({p.describe()})")
            else:
                unbound.append(p.variable)
        return bound, unbound

    def bound_text(self, given: dict[str, str]) -> str:
        """The query text with the parameters bound, ready for any SPARQL 1.1 endpoint."""
        bound, unbound = self.bindings(given)
        return bind(self.text, bound, unbound, name=self.name)


def queries_dir() -> Path:
    """queries/ of this checkout (PBKG_QUERIES overrides)."""
    env = os.environ.get("PBKG_QUERIES")
    return Path(env) if env else Path(__file__).resolve().parents[2] / "queries"


def catalogue(folder: Path | None = None) -> dict[str, Query]:
    """Every catalogue query by name (the file name without .rq), in name order."""
    folder = folder or queries_dir()
    return {p.stem: load(p) for p in sorted(folder.glob("*.rq"))}


def load(path: Path) -> Query:
    """A query from a .rq file."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise QueryError(f"{path}: cannot read the query: {e}") from None
    q = parse(text, name=path.stem)
    q.path = path
    return q


def find(name_or_path: str) -> Query:
    """A catalogue query by name, or a query file by path."""
    path = Path(name_or_path)
    if path.suffix == ".rq" or path.is_file():
        if not path.is_file():
            raise QueryError(f"{path}: no such query file")
        return load(path)
    queries = catalogue()
    if name_or_path not in queries:
        raise QueryError(f"no query named {name_or_path!r} in {queries_dir()} (see `kg query --list`)")
    return queries[name_or_path]


def parse(text: str, name: str = "query") -> Query:
    """Read the grlc header and the parameters of a query text."""
    header = _header(text, name)
    defaults = _defaults(header.get("defaults"), name)
    params: dict[str, Param] = {}
    for m in PARAM_RE.finditer(_code_only(text)):
        p = _param(m, name)
        if p.name in params and params[p.name].variable != p.variable:
            raise QueryError(
                f"{name}: parameter {p.name} is written two ways (?{params[p.name].variable}, ?{p.variable})"
            )
        p.default = defaults.get(p.name)
        params.setdefault(p.name, p)
    tags = header.get("tags") or []
    return Query(
        name=name,
        text=text,
        summary=str(header.get("summary") or "").strip(),
        description=" ".join(str(header.get("description") or "").split()),
        tags=[str(t) for t in (tags if isinstance(tags, list) else [tags])],
        params=list(params.values()),
    )


def _header(text: str, name: str) -> dict:
    lines = []
    for line in text.splitlines():
        if line.startswith("#+"):
            lines.append(line[3:] if line.startswith("#+ ") else line[2:])
        elif line.strip() and not line.startswith("#"):
            break
    try:
        header = yaml.safe_load("\n".join(lines)) if lines else {}
    except yaml.YAMLError as e:
        where = getattr(e, "problem_mark", None)
        at = f" (header line {where.line + 1})" if where else ""
        raise QueryError(f"{name}: the #+ header is not valid YAML{at}: {getattr(e, 'problem', e)}") from None
    if header is not None and not isinstance(header, dict):
        raise QueryError(f"{name}: the #+ header must be `key: value` lines")
    return header or {}


def _defaults(raw, name: str) -> dict[str, str]:
    """grlc writes defaults as a list of one-key maps (`- start: 2024-01-01`); a map works too."""
    if raw is None:
        return {}
    items = raw if isinstance(raw, list) else [raw]
    out: dict[str, str] = {}
    for item in items:
        if not isinstance(item, dict):
            raise QueryError(f"{name}: defaults must be `- name: value` lines")
        out.update({str(k): str(v) for k, v in item.items()})
    return out


def _param(m: re.Match, name: str) -> Param:
    required = m.group(1) == "_"
    pname = m.group(2)
    codes = [c for c in m.group(3).split("_") if c]
    variable = m.group(0)[1:]
    if not codes or codes == ["literal"]:
        return Param(pname, variable, required, "string")
    if codes == ["iri"]:
        return Param(pname, variable, required, "iri")
    if codes == ["number"]:
        return Param(pname, variable, required, "number")
    if codes == ["integer"]:
        return Param(pname, variable, required, "datatype", datatype=V.XSD + "integer")
    if len(codes) == 1 and LANG_RE.match(codes[0]):
        return Param(pname, variable, required, "lang", lang=codes[0])
    if len(codes) == 2 and codes[0] in V.PREFIXES:
        return Param(pname, variable, required, "datatype", datatype=V.PREFIXES[codes[0]] + codes[1])
    raise QueryError(f"{name}: cannot read the type of parameter ?{variable}")


def _iri(name: str, value: str) -> ox.NamedNode:
    """An absolute IRI, or a prefixed name with one of the standard prefixes (pbkg:Enterprise)."""
    prefix, _, local = value.partition(":")
    if prefix in V.PREFIXES and not local.startswith("//"):
        value = V.PREFIXES[prefix] + local
    if not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", value):
        raise QueryError(f"parameter {name}: {value!r} is not an IRI (write it whole, or as pbkg:Name)")
    try:
        return ox.NamedNode(value)
    except ValueError as e:
        raise QueryError(f"parameter {name}: {value!r} is not a valid IRI: {e}") from None


def _segments(text: str):
    """(kind, start, end) over the query text: 'code', or a comment, string or IRI to leave alone."""
    i, n, start = 0, len(text), 0
    while i < n:
        c = text[i]
        skip_to = None
        if c == "#":
            end = text.find("\n", i)
            skip_to = n if end < 0 else end
        elif c in "\"'":
            quote = c * 3 if text.startswith(c * 3, i) else c
            j = i + len(quote)
            while j < n and not text.startswith(quote, j):
                j += 2 if text[j] == "\\" else 1
            skip_to = min(n, j + len(quote))
        elif c == "<":
            m = IRIREF_RE.match(text, i)
            skip_to = m.end() if m else None
        if skip_to is None:
            i += 1
            continue
        if start < i:
            yield "code", start, i
        yield "other", i, skip_to
        i = start = skip_to
    if start < n:
        yield "code", start, n


def _code_only(text: str) -> str:
    """The text with comments, strings and IRIs blanked out (same length, so offsets hold)."""
    return "".join(
        text[s:e] if kind == "code" else re.sub(r"[^\n]", " ", text[s:e]) for kind, s, e in _segments(text)
    )


def where_braces(text: str) -> list[int]:
    """Offsets just after the `{` of every WHERE group (the query's and its sub-selects'),
    or after the first `{` when the query omits the WHERE keyword."""
    code = _code_only(text)
    starts = [m.end() for m in WHERE_RE.finditer(code)] or [0]
    braces = [code.find("{", at) for at in starts]
    if not braces or braces[0] < 0:
        raise QueryError("cannot bind parameters: the query has no WHERE group")
    return [b + 1 for b in braces if b >= 0]


def bind(
    text: str, bound: dict[str, ox.NamedNode | ox.Literal], unbound: list[str], name: str = "query"
) -> str:
    """Bind parameters with VALUES blocks at the start of the WHERE group.

    One single-variable block per parameter (the same single row as one block of several
    variables, but Virtuoso's optimiser stalls on a multi-variable row joined with GROUP BY).
    Optional parameters left out are bound to UNDEF, so the variable is still declared (some
    servers, Virtuoso among them, reject a query that uses a variable nothing can bind).
    """
    if not bound and not unbound:
        return text
    rows = [(v, str(t)) for v, t in bound.items()] + [(v, "UNDEF") for v in unbound]
    block = "".join(f" VALUES ?{v} {{ {t} }}" for v, t in rows) + "\n"
    for at in reversed(where_braces(text)):
        text = text[:at] + block + text[at:]
    return text


def run(store: Store, query: Query, given: dict[str, str] | None = None) -> QueryResult:
    """Run a query on any store with its parameters bound."""
    return store.query(query.bound_text(given or {}))


# ---------------------------------------------------------------- output formats


def _compact(iri: str) -> str:
    for prefix, ns in V.PREFIXES.items():
        if iri.startswith(ns) and iri != ns:
            return f"{prefix}:{iri[len(ns) :]}"
    return iri


def display(term) -> str:
    """A term as a person reads it in a table: literals by value, IRIs with a prefix where one fits."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return _compact(term.value)
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return term.value


def term_json(term) -> dict:
    """A term in the SPARQL 1.1 Query Results JSON format."""
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != V.XSD + "string":
        out["datatype"] = term.datatype.value
    return out


def as_select(result: QueryResult) -> QueryResult:
    """CONSTRUCT/DESCRIBE triples as subject/predicate/object rows, for tables and CSV."""
    if result.kind != "graph":
        return result
    rows = [{"subject": t.subject, "predicate": t.predicate, "object": t.object} for t in result.triples]
    return QueryResult("select", variables=["subject", "predicate", "object"], rows=rows)


def write_json(result: QueryResult, out) -> None:
    """SPARQL 1.1 Query Results JSON (the boolean form for ASK)."""
    if result.kind == "ask":
        doc: dict = {"head": {}, "boolean": result.boolean}
    else:
        r = as_select(result)
        doc = {
            "head": {"vars": r.variables},
            "results": {"bindings": [{k: term_json(v) for k, v in row.items()} for row in r.rows]},
        }
    out.write(json.dumps(doc, ensure_ascii=False, indent=1) + "\n")


def write_csv(result: QueryResult, out, *, tsv: bool = False) -> None:
    """SPARQL 1.1 CSV (plain values) or TSV (terms in SPARQL syntax)."""
    r = as_select(result)
    if r.kind == "ask":
        out.write(("true" if r.boolean else "false") + "\n")
        return
    if tsv:
        out.write("\t".join("?" + v for v in r.variables) + "\n")
        for row in r.rows:
            out.write("\t".join(str(row[v]) if v in row else "" for v in r.variables) + "\n")
        return
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow(r.variables)
    for row in r.rows:
        w.writerow([row[v].value if v in row else "" for v in r.variables])


def write_table(result: QueryResult, out, *, title: str = "") -> None:
    """An aligned table; rich measures wide (Chinese) characters as two columns."""
    from rich.console import Console
    from rich.table import Table

    console = Console(file=out, width=None if out.isatty() else 100_000, highlight=False)
    r = as_select(result)
    if r.kind == "ask":
        console.print("true" if r.boolean else "false")
        return
    table = Table(title=title or None, show_edge=False, header_style="bold")
    for v in r.variables:
        table.add_column(v, overflow="fold")
    for row in r.rows:
        table.add_row(*(display(row.get(v)) for v in r.variables))
    console.print(table)
    console.print(f"{len(r.rows)} row(s)", style="dim")


def write_graph(result: QueryResult, out, fmt: str) -> None:
    """CONSTRUCT/DESCRIBE results as Turtle or N-Triples."""
    buf = io.BytesIO()
    rdf_format = ox.RdfFormat.TURTLE if fmt == "ttl" else ox.RdfFormat.N_TRIPLES
    ox.serialize(result.triples, buf, rdf_format, prefixes=V.PREFIXES if fmt == "ttl" else None)
    out.write(buf.getvalue().decode("utf-8"))


def write(result: QueryResult, fmt: str, out, *, title: str = "") -> None:
    """Write a result in one of: table, csv, tsv, json, ttl, nt."""
    if fmt in {"ttl", "nt"}:
        if result.kind != "graph":
            raise QueryError(f"--format {fmt} is for CONSTRUCT and DESCRIBE queries")
        write_graph(result, out, fmt)
    elif fmt == "json":
        write_json(result, out)
    elif fmt in {"csv", "tsv"}:
        write_csv(result, out, tsv=fmt == "tsv")
    else:
        write_table(result, out, title=title)
