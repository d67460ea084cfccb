"""The graph as a network (networkx): entities as nodes, facts between entities as edges.

Shared by the HTML view and the Gephi exports, so both show the same picture.
"""

from __future__ import annotations

import networkx as nx

from .facts import fact_rows
from .store import Store

# the relation names as a planner reads them
RELATION_ZH = {
    "holds_post": "任职",
    "attended": "出席",
    "event_place": "地点",
    "event_of": "会议归属",
    "co_builds_with": "共建",
    "witnessed": "见证",
    "rotating_chair": "轮值主席",
    "member_of": "成员单位",
    "has_committee": "专委会",
    "launched": "启动",
    "issued": "发布",
    "claims_project": "认领",
    "presented_to": "颁授",
    "located_in": "位于",
    "party_organization_of": "党组织",
    "part_of": "隶属",
}


def network_from_rows(rows: list[dict]) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    for r in rows:
        if r["relation"] == "type":
            g.add_node(
                r["subject_iri"],
                label=r["subject"],
                type=r["object"],
                aliases=r.get("subject_aliases", []),
                sources=r.get("sources", []),
            )
    for r in rows:
        rel = r["relation"]
        if rel not in RELATION_ZH or rel == "witnessed":
            continue
        s, o = r.get("subject_iri"), r.get("object_iri")
        if not (s in g and o in g):
            continue
        label = RELATION_ZH[rel] + (f"（{r['role']}）" if r.get("role") else "")
        g.add_edge(
            s,
            o,
            key=f"{rel}:{r.get('role') or ''}",
            relation=rel,
            label=label,
            role=r.get("role") or "",
            date=r.get("date") or "",
            evidence=r.get("evidence", ""),
            sources=r.get("sources", []),
        )
    return g


def network(store: Store) -> nx.MultiDiGraph:
    return network_from_rows(fact_rows(store))
