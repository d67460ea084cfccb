// The vis-network view (pyvis's vis-network, inlined): positions come from Python, physics is
// off, so the browser only draws. Hover shows a tooltip, a click fills the details panel.
"use strict";
(() => {
  const data = JSON.parse(document.getElementById("pbkg-data").textContent);
  const container = document.getElementById("graph");
  const nodeSet = new vis.DataSet(data.nodes);
  const edgeSet = new vis.DataSet(data.edges);
  const network = new vis.Network(container, { nodes: nodeSet, edges: edgeSet }, data.options);
  network.once("afterDrawing", pbkgDrawn);
  if (!data.nodes.length) pbkgDrawn();

  // the controls are wired once the graph is on screen: a planner sees the graph first
  document.addEventListener("pbkg:drawn", () => {
    const page = pbkgPage(data.meta, data.nodes, data.edges, {
      focus(id) {
        network.selectNodes([id]);
        network.focus(id, { scale: Math.max(network.getScale(), 1.2), animation: false });
      },
      fit() { network.fit(); },
      setHidden(classes) {
        nodeSet.update(data.nodes.map((n) => ({ id: n.id, hidden: classes.has(n.cls) })));
      },
    });
    const at = (p) => {
      const r = container.getBoundingClientRect();
      return [r.left + p.pointer.DOM.x, r.top + p.pointer.DOM.y];
    };
    network.on("hoverNode", (p) => page.tooltip("node", p.node, ...at(p)));
    network.on("hoverEdge", (p) => page.tooltip("edge", p.edge, ...at(p)));
    for (const ev of ["blurNode", "blurEdge", "dragStart", "zoom"]) network.on(ev, page.hideTooltip);
    network.on("click", (p) => {
      if (p.nodes.length) page.showNode(p.nodes[0]);
      else if (p.edges.length) page.showEdge(p.edges[0]);
    });
    window.pbkg = { renderer: "vis", network, nodes: nodeSet, edges: edgeSet, page };
  }, { once: true });
})();
