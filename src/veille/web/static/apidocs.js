/* veille — offline API documentation: lists the endpoints of /openapi.json (no Swagger UI, no CDN). */
"use strict";
(function () {
  const box = document.getElementById("endpoints");
  if (!box) return;
  const add = (parent, name, text, cls) => {
    const n = document.createElement(name);
    if (text !== undefined) n.textContent = text;
    if (cls) n.className = cls;
    parent.appendChild(n);
    return n;
  };
  fetch(box.dataset.src).then((r) => r.json()).then((spec) => {
    box.textContent = "";
    for (const [path, ops] of Object.entries(spec.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const sec = add(box, "section", undefined, "endpoint");
        const h = add(sec, "h2");
        add(h, "code", method.toUpperCase() + " " + path);
        if (op.summary) add(sec, "p", op.summary, "summary");
        if (op.description) add(sec, "p", op.description, "muted");
        const params = op.parameters || [];
        if (params.length) {
          const t = add(sec, "table", undefined, "params");
          const hr = add(add(t, "thead"), "tr");
          ["parameter", "in", "required", "type", "description"].forEach((x) => add(hr, "th", x));
          const tb = add(t, "tbody");
          for (const p of params) {
            const tr = add(tb, "tr");
            add(add(tr, "td"), "code", p.name);
            add(tr, "td", p.in);
            add(tr, "td", p.required ? "yes" : "no");
            const s = p.schema || {};
            add(tr, "td", s.type || (s.anyOf || []).map((x) => x.type).join(" | "));
            add(tr, "td", p.description || "");
          }
        }
      }
    }
  }).catch((e) => { box.textContent = `Cannot load /openapi.json: ${e.message}`; });
})();
