// The planner's controls around the graph (legend, search, tooltip, details panel), shared by the
// vis-network and the WebGL pages. The renderer script hands over its nodes and edges and a small
// adapter {focus(id), setHidden(classes)}; this file never touches the renderer otherwise.
//
// Every text that comes from the articles (names, evidence, titles) is put into the page with
// textContent or as a text node, never as HTML: an article that contains <script> shows it as text.
"use strict";

function pbkgPage(meta, nodes, edges, adapter) {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const edgeById = new Map(edges.map((e) => [e.id, e]));
  const incident = new Map();
  for (const e of edges) {
    for (const end of [e.from, e.to]) {
      if (!incident.has(end)) incident.set(end, []);
      incident.get(end).push(e);
    }
  }
  // the WebGL page leaves posts out of its data: they are the holds_post edges
  for (const n of nodes) {
    if (n.posts !== undefined) continue;
    n.posts = (incident.get(n.id) || []).filter((e) => e.rel === "holds_post")
      .map((e) => `${e.role} · ${byId.get(e.from === n.id ? e.to : e.from).label}`);
  }
  const classOf = new Map(meta.classes.map((c) => [c.key, c]));
  const hidden = new Set();

  // el("li", {class: "x"}, "text", child…): a DOM element whose strings are text nodes
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    for (const c of children) {
      if (c === null || c === undefined || c === "") continue;
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }
  const clsName = (n) => (classOf.get(n.cls) || { zh: n.cls }).zh;
  const relName = (e) => (meta.relations[e.rel] || { zh: e.rel }).zh + (e.role ? `（${e.role}）` : "");
  const article = (i) => meta.articles[i] || ["", "", ""];
  const articleLine = (i) => {
    const [file, title, published] = article(i);
    return el("div", { class: "source" }, `${title || file}`, published ? ` · ${published}` : "", title ? ` · ${file}` : "");
  };

  // header counts and the empty-view message
  document.getElementById("count-nodes").textContent = nodes.length.toLocaleString();
  document.getElementById("count-edges").textContent = edges.length.toLocaleString();
  if (!nodes.length) document.getElementById("empty").hidden = false;
  if (meta.evidence_omitted) {
    document.getElementById("details").append(el("p", { class: "hint" },
      "证据句未收入此文件（图太大）。Evidence sentences are left out of this large page: see kg facts or kg export."));
  }

  // legend: one line per class present, click to hide or show that class
  const legend = document.getElementById("legend");
  for (const c of meta.classes) {
    if (!c.count) continue;
    const li = el("li", { "data-class": c.key, title: c.en },
      el("span", { class: `swatch ${c.shape}`, style: `background:${c.color}` }), `${c.zh} ${c.en}`,
      el("span", { class: "n" }, c.count.toLocaleString()));
    li.addEventListener("click", () => {
      hidden.has(c.key) ? hidden.delete(c.key) : hidden.add(c.key);
      li.classList.toggle("off", hidden.has(c.key));
      adapter.setHidden(hidden);
    });
    legend.append(li);
  }
  const relLegend = document.getElementById("relation-legend");
  for (const [key, r] of Object.entries(meta.relations)) {
    if (!r.count) continue;
    relLegend.append(el("li", { title: r.en }, el("span", { class: "rel-swatch", style: `background:${r.color}` }),
      `${r.zh} ${r.en}`, el("span", { class: "n" }, r.count.toLocaleString())));
  }

  // details panel: everything known about a node or an edge, with evidence and articles
  const details = document.getElementById("details");
  function field(dl, name, value) {
    if (value === undefined || value === null || value === "" || (Array.isArray(value) && !value.length)) return;
    dl.append(el("dt", {}, name), el("dd", {}, Array.isArray(value) ? value.join("；") : value));
  }
  function relationItem(e, from) {
    const other = byId.get(e.from === from ? e.to : e.from);
    const arrow = !e.dir ? "—" : e.from === from ? "→" : "←"; // co-building has no direction
    const li = el("li", {}, el("div", {}, `${relName(e)} ${arrow} `, el("b", {}, other ? other.label : "")),
      e.date ? el("div", { class: "source" }, e.date) : null,
      e.ev >= 0 ? el("div", { class: "evidence" }, meta.strings[e.ev]) : null);
    for (const a of e.arts || []) li.append(articleLine(a));
    return li;
  }
  function showNode(id) {
    const n = byId.get(id);
    if (!n) return;
    const dl = el("dl");
    field(dl, "类别 class", `${clsName(n)} ${n.cls}`);
    field(dl, "英文名 English", n.en);
    field(dl, "别名 aliases", n.aliases);
    field(dl, "区 district", n.district);
    field(dl, "职务 posts", n.posts);
    field(dl, "度 degree", n.deg);
    field(dl, "中介 betweenness", n.btw);
    field(dl, "社区 community", n.com);
    field(dl, "联席会议 joint meetings", n.brg);
    field(dl, "枢纽 broker", n.bro ? "是 yes" : "");
    field(dl, "首见 first seen", n.first);
    field(dl, "末见 last seen", n.last);
    field(dl, "IRI", n.iri ? meta.iri_base + n.iri : "");
    const rels = el("ul", { class: "relations" });
    for (const e of incident.get(id) || []) rels.append(relationItem(e, id));
    const arts = el("div");
    for (const a of n.arts || []) arts.append(articleLine(a));
    details.replaceChildren(el("div", { class: "title" }, n.label), dl,
      el("h2", {}, `关系 relations (${(incident.get(id) || []).length})`), rels, el("h2", {}, "来源 articles"), arts);
  }
  function showEdge(id) {
    const e = edgeById.get(id);
    if (!e) return;
    const a = byId.get(e.from), b = byId.get(e.to);
    const between = edges.filter((x) => (x.from === e.from && x.to === e.to) || (x.from === e.to && x.to === e.from));
    const rels = el("ul", { class: "relations" });
    for (const x of between) rels.append(relationItem(x, e.from));
    details.replaceChildren(el("div", { class: "title" }, `${a.label} — ${b.label}`),
      el("h2", {}, `两者之间的关系 relations between them (${between.length})`), rels);
  }

  // tooltip on hover: a short summary; the details panel has the rest
  const tip = document.getElementById("tooltip");
  function tooltip(kind, id, x, y) {
    const parts = [];
    if (kind === "node") {
      const n = byId.get(id);
      if (!n) return;
      parts.push(el("div", { class: "title" }, n.label), el("div", { class: "muted" }, `${clsName(n)} · ${n.cls}`));
      if (n.en) parts.push(el("div", {}, n.en));
      if (n.aliases && n.aliases.length) parts.push(el("div", {}, `别名：${n.aliases.join("、")}`));
      for (const p of (n.posts || []).slice(0, 4)) parts.push(el("div", {}, p));
      if ((n.posts || []).length > 4) parts.push(el("div", { class: "muted" }, `… ${n.posts.length - 4} more`));
    } else {
      const e = edgeById.get(id);
      if (!e) return;
      parts.push(el("div", { class: "title" }, `${byId.get(e.from).label} ${relName(e)} ${byId.get(e.to).label}`));
      if (e.date) parts.push(el("div", { class: "muted" }, e.date));
      if (e.ev >= 0) parts.push(el("div", {}, meta.strings[e.ev]));
      for (const i of e.arts || []) parts.push(articleLine(i));
    }
    tip.replaceChildren(...parts);
    tip.style.left = `${Math.min(x + 14, window.innerWidth - 390)}px`;
    tip.style.top = `${y + 14}px`;
    tip.hidden = false;
  }
  const hideTooltip = () => { tip.hidden = true; };

  // search: labels, aliases and English names; Enter or a click focuses the first or chosen match
  const input = document.getElementById("search");
  const results = document.getElementById("search-results");
  let matches = [];
  function search(q) {
    q = q.trim().toLowerCase();
    if (!q) return [];
    const hit = (n) => n.label.toLowerCase().includes(q) || (n.en || "").toLowerCase().includes(q)
      || (n.aliases || []).some((a) => a.toLowerCase().includes(q));
    const exact = (n) => n.label.toLowerCase() === q;
    return nodes.filter(hit).sort((a, b) => exact(b) - exact(a) || b.deg - a.deg).slice(0, 30);
  }
  function choose(id) {
    results.replaceChildren();
    adapter.focus(id);
    showNode(id);
  }
  input.addEventListener("input", () => {
    matches = search(input.value);
    results.replaceChildren(...matches.map((n, i) => {
      const li = el("li", { class: i === 0 ? "active" : "" }, n.label, el("span", { class: "cls" }, clsName(n)));
      li.addEventListener("click", () => choose(n.id));
      return li;
    }));
  });
  input.addEventListener("keydown", (ev) => {
    if (ev.key === "Enter" && matches.length) choose(matches[0].id);
    if (ev.key === "Escape") results.replaceChildren();
  });
  document.getElementById("fit").addEventListener("click", () => adapter.fit());

  return { showNode, showEdge, tooltip, hideTooltip, search, byId, edgeById };
}

// Marks the first complete drawing for people and for the tests and benchmark: real clock time
// since navigation start, as window.pbkgDrawnMs and a `pbkg:drawn` event. Called when the
// renderer has issued its drawing; the mark waits for that frame to be painted.
function pbkgDrawn() {
  requestAnimationFrame(() => setTimeout(() => {
    if (window.pbkgDrawnMs !== undefined) return;
    window.pbkgDrawnMs = performance.now();
    document.body.dataset.drawnMs = window.pbkgDrawnMs.toFixed(0);
    document.dispatchEvent(new CustomEvent("pbkg:drawn", { detail: { ms: window.pbkgDrawnMs } }));
  }, 0));
}
