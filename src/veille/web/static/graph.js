/* veille — the actor's relation graph: neighbours around the actor, edges coloured by relation type, nodes
   clickable, relation types toggled from the legend. Drawn in SVG from /api/actor/ID/graph; text via textContent. */
"use strict";
(function () {
  const NS = "http://www.w3.org/2000/svg";
  const el = (name, attrs, parent) => {
    const n = document.createElementNS(NS, name);
    for (const [k, v] of Object.entries(attrs || {})) n.setAttribute(k, String(v));
    if (parent) parent.appendChild(n);
    return n;
  };
  const PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf",
    "#bcbd22", "#7f7f7f", "#393b79", "#637939", "#843c39", "#7b4173"];

  function draw(box, data) {
    box.textContent = "";
    if (data.nodes.length < 2) {
      const p = document.createElement("p");
      p.className = "muted";
      p.textContent = "No related actor yet.";
      box.appendChild(p);
      return;
    }
    const color = {};
    data.relations.forEach((r, i) => { color[r] = PALETTE[i % PALETTE.length]; });
    const legend = document.createElement("div");
    legend.className = "graph-legend";
    box.appendChild(legend);
    const W = Math.max((box.clientWidth || 900) - 24, 500), H = 420, cx = W / 2, cy = H / 2;
    const svg = el("svg", { width: W, height: H, viewBox: `0 0 ${W} ${H}`, class: "graph-svg", role: "img" }, box);
    el("title", {}, svg).textContent = "Relation graph";
    const pos = {};
    const center = data.nodes.find((n) => n.center);
    const others = data.nodes.filter((n) => !n.center);
    pos[center.id] = [cx, cy];
    const rings = others.length > 18 ? 2 : 1;
    others.forEach((n, i) => {
      const ring = rings === 2 ? i % 2 : 0;
      const r = (Math.min(W, H) / 2 - 40) * (ring ? 0.62 : 1);
      const a = (2 * Math.PI * i) / others.length - Math.PI / 2;
      pos[n.id] = [cx + r * Math.cos(a) * (W > H ? 1.5 : 1), cy + r * Math.sin(a)];
    });
    const edgeLayer = el("g", {}, svg), nodeLayer = el("g", {}, svg);
    const seen = {};
    for (const e of data.edges) {
      const [x1, y1] = pos[e.source] || [cx, cy], [x2, y2] = pos[e.target] || [cx, cy];
      const key = [e.source, e.target].sort().join("|");
      const k = (seen[key] = (seen[key] || 0) + 1) - 1;
      // parallel edges between the same pair bend apart
      const mx = (x1 + x2) / 2, my = (y1 + y2) / 2, dx = x2 - x1, dy = y2 - y1, len = Math.hypot(dx, dy) || 1;
      const bend = k ? (k % 2 ? 1 : -1) * Math.ceil(k / 2) * 22 : 0;
      const qx = mx - (dy / len) * bend, qy = my + (dx / len) * bend;
      const g = el("g", { class: "edge", "data-relation": e.relation }, edgeLayer);
      el("path", { d: `M${x1},${y1} Q${qx},${qy} ${x2},${y2}`, stroke: color[e.relation], class: "edge-line" }, g);
      // arrow head near the target
      const t = 0.78, ax = (1 - t) * (1 - t) * x1 + 2 * (1 - t) * t * qx + t * t * x2;
      const ay = (1 - t) * (1 - t) * y1 + 2 * (1 - t) * t * qy + t * t * y2;
      const ang = Math.atan2(y2 - qy, x2 - qx);
      const p = (d, s) => `${ax + 9 * Math.cos(ang + s * d)},${ay + 9 * Math.sin(ang + s * d)}`;
      el("polygon", { points: `${ax},${ay} ${p(Math.PI - 0.4, 1)} ${p(Math.PI + 0.4, 1)}`, fill: color[e.relation] }, g);
      const lbl = el("text", { x: (mx + qx) / 2, y: (my + qy) / 2 - 3, class: "edge-label", fill: color[e.relation] }, g);
      lbl.textContent = e.relation + (e.count > 1 ? ` ×${e.count}` : "");
    }
    for (const n of data.nodes) {
      const [x, y] = pos[n.id];
      const a = el("a", { href: `/actor/${encodeURIComponent(n.id)}`, class: `node t-${n.type}${n.center ? " center" : ""}` }, nodeLayer);
      el("title", {}, a).textContent = `${n.name} (${n.type})`;
      el("circle", { cx: x, cy: y, r: n.center ? 12 : 8, class: "node-dot" }, a);
      const t = el("text", { x, y: y + (n.center ? 28 : 22), "text-anchor": "middle", class: "node-label" }, a);
      t.textContent = n.name.length > 28 ? n.name.slice(0, 27) + "…" : n.name;
    }
    for (const r of data.relations) {
      const lab = document.createElement("label");
      const cb = document.createElement("input");
      cb.type = "checkbox";
      cb.checked = true;
      cb.addEventListener("change", () => {
        edgeLayer.querySelectorAll("g.edge").forEach((g) => {
          if (g.getAttribute("data-relation") === r) g.classList.toggle("hidden", !cb.checked);
        });
      });
      const sw = document.createElement("span");
      sw.className = "swatch";
      sw.style.background = color[r];
      lab.append(cb, sw, document.createTextNode(r));
      legend.appendChild(lab);
    }
    if (data.truncated) {
      const p = document.createElement("p");
      p.className = "muted";
      p.textContent = "Only the most connected neighbours are shown.";
      box.appendChild(p);
    }
  }

  const box = document.getElementById("graph");
  if (box) {
    fetch(box.dataset.src, { headers: { Accept: "application/json" } })
      .then((r) => { if (!r.ok) throw new Error(`HTTP ${r.status}`); return r.json(); })
      .then((data) => draw(box, data))
      .catch((e) => { box.textContent = `Graph unavailable: ${e.message}`; });
  }
})();
