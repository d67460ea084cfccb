"""The interactive HTML view (pyvis / vis-network), written fully offline and as UTF-8."""

from __future__ import annotations

import html
import re
from pathlib import Path

from pyvis.network import Network

from .network import network
from .store import Store

COLOURS = {
    "Person": "#e15759",
    "PartyOrganization": "#d62728",
    "GovernmentBody": "#4e79a7",
    "Enterprise": "#f28e2b",
    "SocialOrganization": "#59a14f",
    "JointMeeting": "#b07aa1",
    "Committee": "#9c755f",
    "Project": "#edc948",
    "Event": "#76b7b2",
    "Document": "#bab0ac",
    "Place": "#86bcb6",
}


def write_html(store: Store, path: Path) -> tuple[int, int]:
    g = network(store)
    net = Network(height="800px", width="100%", directed=True, cdn_resources="in_line", notebook=False)
    for n, d in g.nodes(data=True):
        net.add_node(
            n,
            label=d["label"],
            title=html.escape(f"{d['label']} ({d['type']})"),
            color=COLOURS.get(d["type"], "#999999"),
        )
    for s, o, d in g.edges(data=True):
        net.add_edge(s, o, label=d["label"], title=html.escape(d["evidence"]))
    page = net.generate_html(notebook=False)
    # pyvis links Bootstrap and other assets from CDNs even in_line: drop every remote reference
    page = re.sub(r"<link[^>]+href=\"https?://[^\"]+\"[^>]*>", "", page)
    page = re.sub(r"<script[^>]+src=\"https?://[^\"]+\"[^>]*>\s*</script>", "", page)
    path.write_text(page, encoding="utf-8")
    return g.number_of_nodes(), g.number_of_edges()
