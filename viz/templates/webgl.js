// The WebGL view (sigma.js + graphology, inlined) for graphs beyond what vis-network draws
// quickly. The data arrive as columns (one array per field, see kg/viz/webgl.py). The graph is
// drawn straight from the columns; only then are they turned into the node and edge objects that
// page.js shares with the vis view, and the controls wired: a planner sees the graph first.
"use strict";
(() => {
  const data = JSON.parse(document.getElementById("pbkg-data").textContent);
  const meta = data.meta;
  const N = data.nodes, E = data.edges;
  const classKey = meta.classes.map((c) => c.key);
  const classColor = meta.classes.map((c) => c.color);
  const relations = Object.keys(meta.relations);
  const relColor = relations.map((r) => meta.relations[r].color);

  const graph = new graphology.MultiDirectedGraph();
  for (let i = 0; i < N.label.length; i++) {
    graph.addNode(String(i), { x: N.x[i], y: -N.y[i], size: Math.max(1.5, N.size[i] / 5), color: classColor[N.cls[i]], label: N.label[i] });
  }
  for (let i = 0; i < E.from.length; i++) {
    graph.addDirectedEdgeWithKey(String(i), String(E.from[i]), String(E.to[i]), { color: relColor[E.rel[i]], size: 0.6 });
  }

  const container = document.getElementById("graph");
  const hidden = new Set();
  let selected = null;
  let renderer;
  try {
    renderer = new Sigma(graph, container, {
      labelFont: getComputedStyle(document.body).fontFamily,
      labelRenderedSizeThreshold: 7,
      // arrows and edge hover cost a second picking pass: only on graphs small enough to afford them
      defaultEdgeType: E.from.length > 5000 ? "line" : "arrow",
      enableEdgeEvents: E.from.length <= 5000,
      nodeReducer: (id, attrs) => {
        if (hidden.size && hidden.has(classKey[N.cls[+id]])) return { ...attrs, hidden: true };
        if (id === selected) return { ...attrs, highlighted: true, size: attrs.size * 1.6 };
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

  function decode() {
    const text = (i) => (i >= 0 ? meta.strings[i] : "");
    const rows = (cols, n) => Array.from({ length: n }, (_, i) => {
      const row = {};
      for (const k in cols) row[k] = cols[k][i];
      return row;
    });
    const nodes = rows(N, N.label.length);
    nodes.forEach((n, i) => {
      n.id = String(i);
      n.cls = classKey[n.cls];
      n.first = text(n.first);
      n.last = text(n.last);
    });
    const edges = rows(E, E.from.length);
    edges.forEach((e, i) => {
      e.id = String(i);
      e.from = String(e.from);
      e.to = String(e.to);
      e.rel = relations[e.rel];
      e.date = text(e.date);
      e.role = text(e.role);
      if (e.ev === undefined) e.ev = -1;
    });
    return [nodes, edges];
  }

  document.addEventListener("pbkg:drawn", () => {
    const [nodes, edges] = decode();
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
  }, { once: true });
})();
