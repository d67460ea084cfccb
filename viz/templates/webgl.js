// The WebGL view (sigma.js + graphology, inlined) for graphs beyond what vis-network draws
// quickly. The data arrive as columns (one array per field) to keep 20,000 nodes in a small file;
// they are turned back into the node and edge objects that page.js shares with the vis view.
"use strict";
(() => {
  const data = JSON.parse(document.getElementById("pbkg-data").textContent);
  const meta = data.meta;
  const rows = (cols, n) => Array.from({ length: n }, (_, i) => {
    const row = {};
    for (const [k, v] of Object.entries(cols)) row[k] = v[i];
    return row;
  });
  const relations = Object.keys(meta.relations);
  const nodes = rows(data.nodes, data.nodes.label.length);
  nodes.forEach((n, i) => { n.id = String(i); n.cls = meta.classes[n.cls].key; });
  const edges = rows(data.edges, data.edges.from.length);
  edges.forEach((e, i) => { e.id = String(i); e.from = String(e.from); e.to = String(e.to); e.rel = relations[e.rel]; });

  const classColor = new Map(meta.classes.map((c) => [c.key, c.color]));
  const graph = new graphology.MultiDirectedGraph();
  for (const n of nodes) {
    graph.addNode(n.id, { x: n.x, y: -n.y, size: Math.max(1.5, n.size / 5), color: classColor.get(n.cls), label: n.label });
  }
  for (const e of edges) {
    graph.addDirectedEdgeWithKey(e.id, e.from, e.to, { color: meta.relations[e.rel].color, size: 0.6 });
  }

  const container = document.getElementById("graph");
  const hidden = new Set();
  let selected = null;
  let renderer;
  try {
    renderer = new Sigma(graph, container, {
      labelFont: getComputedStyle(document.body).fontFamily,
      labelRenderedSizeThreshold: 7,
      defaultEdgeType: edges.length > 20000 ? "line" : "arrow",
      enableEdgeEvents: edges.length <= 20000,
      zIndex: true,
      nodeReducer: (id, attrs) => {
        const n = nodes[+id];
        if (hidden.has(n.cls)) return { ...attrs, hidden: true };
        if (id === selected) return { ...attrs, highlighted: true, zIndex: 1, size: attrs.size * 1.6 };
        return attrs;
      },
    });
  } catch (err) {
    const empty = document.getElementById("empty");
    empty.textContent = "此浏览器不支持 WebGL。This browser cannot draw WebGL: write the page with `kg viz --renderer vis`.";
    empty.hidden = false;
    pbkgDrawn();
    return;
  }
  pbkgDrawn(); // sigma draws the first frame inside its constructor

  const page = pbkgPage(meta, nodes, edges, {
    focus(id) {
      selected = id;
      const d = renderer.getNodeDisplayData(id);
      renderer.getCamera().setState({ x: d.x, y: d.y, ratio: 0.08 });
      renderer.refresh();
    },
    fit() { renderer.getCamera().animatedReset(); },
    setHidden(classes) {
      hidden.clear();
      classes.forEach((c) => hidden.add(c));
      renderer.refresh();
    },
  });
  const at = (p) => [p.event.original.clientX, p.event.original.clientY];
  renderer.on("enterNode", (p) => page.tooltip("node", p.node, ...at(p)));
  renderer.on("enterEdge", (p) => page.tooltip("edge", p.edge, ...at(p)));
  renderer.on("leaveNode", page.hideTooltip);
  renderer.on("leaveEdge", page.hideTooltip);
  renderer.on("clickNode", (p) => { selected = p.node; renderer.refresh(); page.showNode(p.node); });
  renderer.on("clickEdge", (p) => page.showEdge(p.edge));
  window.pbkg = { renderer: "webgl", sigma: renderer, graph, page, selected: () => selected };
})();
