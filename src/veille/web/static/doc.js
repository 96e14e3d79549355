/* veille — document page: hovering or clicking a fact in the side list highlights its span in the text (and the
   reverse); a click pins the highlight and scrolls to it. */
"use strict";
(function () {
  const text = document.getElementById("doc-text");
  if (!text) return;
  const segsOf = (id) => Array.from(text.querySelectorAll("span.seg")).filter(
    (s) => (s.dataset.facts || "").split(" ").includes(id));
  const items = Array.from(document.querySelectorAll("li.doc-fact"));
  let pinned = null;
  const show = (id, on) => {
    segsOf(id).forEach((s) => s.classList.toggle("hl", on));
    const li = document.getElementById(`fact-item-${id}`);
    if (li) li.classList.toggle("active", on);
  };
  const initial = items.find((li) => li.classList.contains("active"));
  if (initial) pinned = initial.dataset.fact;
  for (const li of items) {
    const id = li.dataset.fact;
    li.addEventListener("mouseenter", () => show(id, true));
    li.addEventListener("mouseleave", () => { if (pinned !== id) show(id, false); });
    const pin = (ev) => {
      if (ev.target.closest("a")) return;  // links inside the item keep their meaning
      if (pinned && pinned !== id) show(pinned, false);
      pinned = pinned === id ? null : id;
      show(id, pinned === id);
      const first = segsOf(id)[0];
      if (pinned && first) first.scrollIntoView({ block: "center", behavior: "smooth" });
    };
    li.addEventListener("click", pin);
    li.addEventListener("keydown", (ev) => { if (ev.key === "Enter") pin(ev); });
  }
  text.addEventListener("mouseover", (ev) => {
    const seg = ev.target.closest("span.seg");
    items.forEach((li) => li.classList.toggle("hover", !!seg && (seg.dataset.facts || "").split(" ").includes(li.dataset.fact)));
  });
  if (initial) initial.scrollIntoView({ block: "nearest" });
  const focus = text.querySelector(".focus, .hl");
  if (focus && !location.hash) focus.scrollIntoView({ block: "center" });
})();
