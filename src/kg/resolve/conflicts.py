"""Facts where sources disagree, each side with its article and evidence sentence.

- two holders of a single-seat post at overlapping dates (see `timeline`);
- one event (after resolution) given different dates;
- one term of a joint meeting given different rotating chairs (the term is the date a
  `rotating_chair` fact carries: 2025 for 2025年度, 2025-06 for a monthly rota).
Assertions a review decision rejected are left out.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass, field

from .across import Resolution
from .mentions import Statement
from .timeline import holdings, successions


@dataclass
class Side:
    value: str  # what this source says: a holder, a date, a chair unit
    article: str
    evidence: str
    date: str = ""


@dataclass
class Conflict:
    kind: str  # single_seat | event_date | rotating_chair
    subject: str  # label of what they disagree about
    subject_iri: str
    detail: str
    sides: list[Side] = field(default_factory=list)

    def as_dict(self) -> dict:
        return asdict(self)


def conflicts(res: Resolution) -> list[Conflict]:
    rejected = {a for hits in res.rejected.values() for a in hits}
    label = {e.iri: e.pref for e in res.entities.values()}
    out = single_seat(res, rejected, label) + event_dates(res, rejected, label) + chairs(res, rejected, label)
    return sorted(out, key=lambda c: (c.kind, c.subject_iri, [s.value for s in c.sides]))


def _article(res: Resolution, st: Statement) -> str:
    m = res.corpus.mention(st.graph, st.subject)
    return m.article if m else st.graph.rsplit("/", 1)[-1]


def single_seat(res: Resolution, rejected: set[str], label: dict[str, str]) -> list[Conflict]:
    found = holdings(res.corpus, res.result.root, res.entities)
    for h in found:
        h.statements = [st for st in h.statements if st.assertion not in rejected]
    out = []
    for a, b in successions([h for h in found if h.statements]):
        sides = [
            Side(
                label.get(h.person, h.person),
                _article(res, h.statements[0]),
                h.statements[0].text,
                f"{h.first}…{h.last}",
            )
            for h in (a, b)
        ]
        out.append(
            Conflict(
                "single_seat",
                f"{a.role} of {label.get(a.org, a.org)}",
                a.post,
                f"two holders of a single-seat post at overlapping dates ({a.first}…{a.last} and {b.first}…{b.last})",
                sides,
            )
        )
    return out


def event_dates(res: Resolution, rejected: set[str], label: dict[str, str]) -> list[Conflict]:
    dated: dict[str, dict[str, Statement]] = defaultdict(dict)
    for st in res.corpus.statements:
        m = res.corpus.mention(st.graph, st.subject)
        if st.relation == "event_date" and m and st.assertion not in rejected:
            dated[res.iri(m.id)].setdefault(st.object, st)
    out = []
    for event, by_date in sorted(dated.items()):
        if len(by_date) > 1:
            sides = [Side(d, _article(res, st), st.text) for d, st in sorted(by_date.items())]
            out.append(
                Conflict("event_date", label.get(event, event), event, "one event, different dates", sides)
            )
    return out


def chairs(res: Resolution, rejected: set[str], label: dict[str, str]) -> list[Conflict]:
    terms: dict[tuple[str, str], dict[str, Statement]] = defaultdict(dict)
    for st in res.corpus.statements:
        if st.relation != "rotating_chair" or not st.date or st.assertion in rejected:
            continue
        unit, jm = res.corpus.mention(st.graph, st.subject), res.corpus.mention(st.graph, st.object)
        if unit and jm:
            terms[(res.iri(jm.id), st.date)].setdefault(res.iri(unit.id), st)
    out = []
    for (jm, term), by_unit in sorted(terms.items()):
        if len(by_unit) > 1:
            sides = [
                Side(label.get(u, u), _article(res, st), st.text, term) for u, st in sorted(by_unit.items())
            ]
            out.append(
                Conflict(
                    "rotating_chair",
                    label.get(jm, jm),
                    jm,
                    f"different rotating chairs for the term {term}",
                    sides,
                )
            )
    return out
