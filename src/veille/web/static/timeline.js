/* veille — the actor timeline: dated facts on a time axis drawn in SVG from /api/actor/ID/timeline.
   A year or month is a span, a day a point; an interval the text leaves open fades out towards the axis end.
   All text goes through textContent (never innerHTML): names and relations are untrusted data. */
"use strict";
(function () {
  const NS = "http://www.w3.org/2000/svg";
  const el = (name, attrs, parent) => {
    const n = document.createElementNS(NS, name);
    for (const [k, v] of Object.entries(attrs || {})) n.setAttribute(k, String(v));
    if (parent) parent.appendChild(n);
    return n;
  };
  const html = (name, text, cls) => {
    const n = document.createElement(name);
    if (text !== undefined) n.textContent = text;
    if (cls) n.className = cls;
    return n;
  };
  // [lower, upper) bounds of an ISO value at its precision, in ms
  function bounds(v) {
    const p = v.split("-").map(Number);
    if (p.length === 1) return [Date.UTC(p[0], 0, 1), Date.UTC(p[0] + 1, 0, 1)];
    if (p.length === 2) return [Date.UTC(p[0], p[1] - 1, 1), Date.UTC(p[0], p[1], 1)];
    return [Date.UTC(p[0], p[1] - 1, p[2]), Date.UTC(p[0], p[1] - 1, p[2] + 1)];
  }
  const isDay = (v) => v && v.length >= 10;
  const label = (it) => {
    const other = it.other ? it.other.name : "";
    return it.role === "subject" ? `${it.relation} → ${other}` : `${other} → ${it.relation}`;
  };

  function draw(box, data) {
    box.textContent = "";
    const items = data.items.filter((it) => it.dated);
    const undated = data.items.filter((it) => !it.dated);
    if (!items.length) box.appendChild(html("p", "No dated fact.", "muted"));
    else {
      let lo = Infinity, hi = -Infinity, anyOpen = false;
      for (const it of items) {
        for (const v of [it.start, it.end]) if (v) { const [a, b] = bounds(v); lo = Math.min(lo, a); hi = Math.max(hi, b); }
        anyOpen = anyOpen || it.open_start || it.open_end;
      }
      const pad = Math.max((hi - lo) * 0.08, 86400000 * 20);
      lo -= pad; hi += pad;
      if (anyOpen) { lo -= pad; hi += pad; }
      const W = Math.max((box.clientWidth || 900) - 24, 600), LW = 250, ROW = 24, TOP = 28;
      const H = TOP + items.length * ROW + 10;
      const x = (t) => LW + (t - lo) / (hi - lo) * (W - LW - 20);
      const svg = el("svg", { width: W, height: H, viewBox: `0 0 ${W} ${H}`, class: "tl-svg", role: "img" }, box);
      el("title", {}, svg).textContent = "Timeline of dated facts";
      const defs = el("defs", {}, svg);
      for (const [id, x1, x2] of [["fade-r", 0, 1], ["fade-l", 1, 0]]) {
        const g = el("linearGradient", { id, x1, x2, y1: 0, y2: 0 }, defs);
        el("stop", { offset: 0, class: "tl-stop-a" }, g);
        el("stop", { offset: 1, class: "tl-stop-b" }, g);
      }
      // ticks: years, or months on short ranges
      const y0 = new Date(lo).getUTCFullYear(), y1 = new Date(hi).getUTCFullYear();
      const ticks = [];
      if (y1 - y0 >= 3) {
        const step = Math.max(1, Math.ceil((y1 - y0 + 1) / 12));
        for (let y = y0 + 1; y <= y1; y += step) ticks.push([Date.UTC(y, 0, 1), String(y)]);
      } else {
        const months = (y1 - y0) * 12 + 12, step = Math.max(1, Math.ceil(months / 12));
        for (let m = 0; m < months; m += step) {
          const t = Date.UTC(y0, m, 1);
          if (t > lo && t < hi) ticks.push([t, new Date(t).toISOString().slice(0, 7)]);
        }
      }
      for (const [t, txt] of ticks) {
        el("line", { x1: x(t), x2: x(t), y1: TOP - 6, y2: H, class: "tl-grid" }, svg);
        el("text", { x: x(t), y: 14, class: "tl-tick", "text-anchor": "middle" }, svg).textContent = txt;
      }
      items.forEach((it, i) => {
        const y = TOP + i * ROW + ROW / 2;
        const row = el("a", { href: `#fact-${it.id}`, class: `tl-row${it.event ? " tl-event" : ""}` }, svg);
        el("title", {}, row).textContent =
          `${it.subject.name} ${it.relation} ${it.object ? it.object.name : ""} — ${it.start || "…"} → ${it.end || "…"}` +
          `${it.quantity ? " (" + it.quantity + ")" : ""} · ${it.sources} source(s)`;
        el("rect", { x: 0, y: y - ROW / 2, width: W, height: ROW, class: "tl-hit" }, row);
        const t = el("text", { x: LW - 8, y: y + 4, "text-anchor": "end", class: "tl-label" }, row);
        t.textContent = label(it).slice(0, 38);
        const mark = (v) => {
          const [a, b] = bounds(v);
          if (isDay(v)) el("circle", { cx: x(a), cy: y, r: 5, class: "tl-point" }, row);
          else el("rect", { x: x(a), y: y - 5, width: Math.max(3, x(b) - x(a)), height: 10, rx: 3, class: "tl-span" }, row);
        };
        if (it.start && it.end) {
          const a = bounds(it.start)[0], b = bounds(it.end)[1];
          if (it.start === it.end && isDay(it.start)) mark(it.start);
          else el("rect", { x: x(a), y: y - 5, width: Math.max(3, x(b) - x(a)), height: 10, rx: 3, class: "tl-span" }, row);
        } else if (it.start) {
          if (it.open_end) {
            const a = bounds(it.start)[isDay(it.start) ? 0 : 1];
            el("rect", { x: x(a), y: y - 3, width: Math.max(0, x(hi) - x(a)), height: 6, class: "tl-open", fill: "url(#fade-r)" }, row);
          }
          mark(it.start);
        } else if (it.end) {
          const b = bounds(it.end)[0];
          el("rect", { x: x(lo), y: y - 3, width: Math.max(0, x(b) - x(lo)), height: 6, class: "tl-open", fill: "url(#fade-l)" }, row);
          mark(it.end);
        }
      });
    }
    if (undated.length) {
      const p = html("p", `Undated (${undated.length}): `, "tl-undated");
      undated.slice(0, 40).forEach((it, i) => {
        const a = html("a", label(it));
        a.href = `#fact-${it.id}`;
        if (i) p.appendChild(document.createTextNode(" · "));
        p.appendChild(a);
      });
      box.appendChild(p);
    }
    if (data.truncated) box.appendChild(html("p", "Only the first facts are drawn.", "muted"));
  }

  const box = document.getElementById("timeline");
  if (box) {
    fetch(box.dataset.src, { headers: { Accept: "application/json" } })
      .then((r) => { if (!r.ok) throw new Error(`HTTP ${r.status}`); return r.json(); })
      .then((data) => draw(box, data))
      .catch((e) => { box.textContent = `Timeline unavailable: ${e.message}`; });
  }
})();
