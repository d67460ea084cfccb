"""Review decisions: a plain YAML file researchers edit, applied by every build, kept in the graph.

    decisions:
      - same: [org/上海建工, org/上海建工集团股份有限公司]   # these two are one entity
        by: 林研究员
        date: 2025-05-06
        note: 年报写明“上海建工”即集团
      - different: [person/王伟/…, person/王伟/…]           # these two are not
        by: 林研究员
        date: 2025-05-06
      - wrong:                                              # this fact is wrong
          subject: person/杲云/中共上海市黄浦区委员会
          relation: holds_post
          object: org/中共上海市黄浦区委员会
          role: 书记                                        # optional
          article: 101_caojiadu_lianxihuiyi.txt             # optional: only this article's statement
        by: 林研究员
        date: 2025-05-06

Entities are named by IRI, in full or from `id/` on (`org/…`); a retired IRI works too. `same`
and `different` win over every rule; `wrong` marks the matching assertions `pbkg:rejects`, and
`kg facts` leaves them out. Each decision is stored in the decisions graph as a
`pbkg:ReviewDecision` (a prov:Activity) with who (`prov:wasAssociatedWith`) and when
(`prov:endedAtTime`), so queries can keep to reviewed facts.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
import yaml

from .. import vocab as V
from ..rdf import XSD_DT, zh
from .cluster import Link
from .iri import ID, segment
from .mentions import Corpus, Mention

DECISIONS_GRAPH = V.BASE + "graph/decisions"
DEFAULT_DECISIONS = Path("graphs") / "decisions.yaml"
VERDICTS = ("same", "different", "wrong")


class DecisionsError(Exception):
    """A decisions file that cannot be read; the message names the file and the entry."""


@dataclass
class Decision:
    verdict: str
    entities: list[str] = field(default_factory=list)  # same / different: two IRIs
    fact: dict = field(default_factory=dict)  # wrong: subject, relation, object, role, article
    by: str = ""
    on: str = ""  # the `date:` of the entry (YAML reads a key `on` as true, so the file says `date`)
    note: str = ""

    @property
    def iri(self) -> str:
        what = "|".join([self.verdict, *self.entities, *(f"{k}={self.fact[k]}" for k in sorted(self.fact))])
        return f"{ID}decision/{hashlib.sha1(what.encode('utf-8')).hexdigest()[:16]}"


def expand(ref: str) -> str:
    """An entity named from `id/` on (org/上海建工) or in full → the full IRI."""
    ref = str(ref).strip()
    if ref.startswith(("http://", "https://")):
        return ref
    return ID + "/".join(
        segment(part) if not part.startswith("@") else "@" + segment(part[1:])
        for part in ref.strip("/").split("/")
    )


def load(path: str | Path | None) -> list[Decision]:
    """The decisions of a file; no file at the default place means no decisions."""
    p = Path(path) if path else DEFAULT_DECISIONS
    if not p.exists():
        if path:
            raise DecisionsError(f"{p}: no such decisions file")
        return []
    try:
        data = yaml.safe_load(p.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark else ""
        raise DecisionsError(f"{p}: not valid YAML{where}: {getattr(e, 'problem', e)}") from None
    except (OSError, UnicodeDecodeError) as e:
        raise DecisionsError(f"{p}: cannot read: {e}") from None
    entries = data.get("decisions") if isinstance(data, dict) else None
    if entries is None:
        entries = [] if isinstance(data, dict) and not data else None
    if not isinstance(entries, list):
        raise DecisionsError(f"{p}: expected a `decisions:` list")
    return [_decision(p, i + 1, entry) for i, entry in enumerate(entries)]


def _decision(p: Path, n: int, entry) -> Decision:
    where = f"{p}: decision {n}"
    if not isinstance(entry, dict):
        raise DecisionsError(f"{where}: expected a mapping with one of {', '.join(VERDICTS)}")
    verdicts = [v for v in VERDICTS if v in entry]
    if len(verdicts) != 1:
        raise DecisionsError(f"{where}: needs exactly one of {', '.join(VERDICTS)}")
    verdict = verdicts[0]
    d = Decision(
        verdict,
        by=str(entry.get("by", "") or ""),
        on=str(entry.get("date", "") or ""),
        note=str(entry.get("note", "") or ""),
    )
    if not d.by:
        raise DecisionsError(f"{where}: `by` (who decided) is missing")
    if d.on:
        try:
            dt.date.fromisoformat(d.on[:10])
        except ValueError:
            raise DecisionsError(f"{where}: `date` is not a date (YYYY-MM-DD): {d.on}") from None
    value = entry[verdict]
    if verdict in ("same", "different"):
        if not isinstance(value, list) or len(value) != 2 or not all(value):
            raise DecisionsError(f"{where}: `{verdict}` needs a list of two entities")
        d.entities = [expand(v) for v in value]
    else:
        if not isinstance(value, dict) or not {"subject", "relation", "object"} <= set(value):
            raise DecisionsError(f"{where}: `wrong` needs subject, relation and object")
        if value["relation"] not in V.relations():
            raise DecisionsError(f"{where}: unknown relation {value['relation']!r}")
        d.fact = {
            k: str(v) for k, v in value.items() if k in ("subject", "relation", "object", "role", "article")
        }
        d.fact["subject"] = expand(d.fact["subject"])
        if value["relation"] != "event_date":
            d.fact["object"] = expand(d.fact["object"])
    return d


class Referents:
    """Which mentions an IRI in a decision denotes: those minted as it, else those the store names so
    now, else those of the entity a retired IRI is owl:sameAs."""

    def __init__(self, corpus: Corpus, same_as: dict[str, str]):
        self.minted: dict[str, list[Mention]] = {}
        self.node: dict[str, list[Mention]] = {}
        for m in corpus.mentions:
            for iri in m.minted:
                self.minted.setdefault(iri, []).append(m)
            self.node.setdefault(m.node, []).append(m)
        self.same_as = same_as

    def __call__(self, iri: str) -> list[Mention]:
        return self.minted.get(iri) or self.node.get(iri) or self.node.get(self.same_as.get(iri, ""), [])


def constraints(
    decisions: list[Decision], refer: Referents
) -> tuple[list[Link], list[tuple[int, int]], list[str]]:
    """`same` links, `different` pairs, and a warning per decision that names nothing in the store."""
    same, apart, warnings = [], [], []
    for d in decisions:
        if d.verdict == "wrong":
            continue
        a, b = refer(d.entities[0]), refer(d.entities[1])
        missing = [iri for iri, ms in zip(d.entities, (a, b), strict=True) if not ms]
        if missing:
            warnings.append(
                f"decision {d.verdict} {' / '.join(d.entities)}: not in the store: {', '.join(missing)}"
            )
            continue
        if d.verdict == "same":
            head = min(a + b, key=lambda m: m.id)
            same += [
                Link(head.id, m.id, 1.0, "review decision: same", d.iri) for m in a + b if m.id != head.id
            ]
        else:
            apart += [(x.id, y.id) for x in a for y in b if x.id != y.id]
    return same, apart, warnings


def decision_quads(decisions: list[Decision], rejected: dict[str, list[str]]) -> list[ox.Quad]:
    """The decisions as RDF: who decided what, when; `wrong` decisions reject their assertions."""
    g = ox.NamedNode(DECISIONS_GRAPH)
    T, E = V.term, V.ext
    out = []
    for d in decisions:
        node = ox.NamedNode(d.iri)
        agent = ox.NamedNode(f"{ID}reviewer/{segment(d.by)}")
        triples = [
            (node, V.RDF_TYPE, T("ReviewDecision")),
            (node, T("verdict"), ox.Literal(d.verdict)),
            (node, E("prov", "wasAssociatedWith"), agent),
            (agent, V.RDF_TYPE, E("prov", "Agent")),
            (agent, E("rdfs", "label"), ox.Literal(d.by)),
        ]
        if d.on:
            stamp = d.on if "T" in d.on else f"{d.on[:10]}T00:00:00"
            triples.append((node, E("prov", "endedAtTime"), ox.Literal(stamp, datatype=XSD_DT)))
        if d.note:
            triples.append((node, E("rdfs", "comment"), zh(d.note)))
        for iri in d.entities or [d.fact.get("subject", ""), d.fact.get("object", "")]:
            if iri.startswith(ID):
                triples.append((node, T("concerns"), ox.NamedNode(iri)))
        for assertion in rejected.get(d.iri, []):
            triples.append((node, T("rejects"), ox.NamedNode(assertion)))
        out += [ox.Quad(s, p, o, g) for s, p, o in triples]
    return out
