// The escalation chart: one stacked bar per day, material conflict (red) under verbal conflict (orange).
// Built with createElementNS and textContent only; a click on a day calls onDay(day).

const SVG = "http://www.w3.org/2000/svg";

function el(name, attrs = {}) {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
  return node;
}

// days: [{day, material, verbal, event_ids}] (days missing from the list count as zero), since..until ISO days.
export function hostilityChart(days, { since, until, width = 140, height = 28, onDay = null, axis = false } = {}) {
  const byDay = new Map(days.map((d) => [d.day, d]));
  const first = Date.parse(since + "T00:00:00Z");
  const count = Math.max(1, Math.round((Date.parse(until + "T00:00:00Z") - first) / 86400000) + 1);
  const bottom = axis ? 14 : 0;
  const top = Math.max(1, ...days.map((d) => Math.max(0, d.material) + Math.max(0, d.verbal)));
  const svg = el("svg", { class: axis ? "chart large" : "chart", width, height, viewBox: `0 0 ${width} ${height}`, role: "img" });
  const label = el("title");
  label.textContent = `hostility per day, ${since} to ${until} (red: material, orange: verbal conflict)`;
  svg.append(label);
  const step = width / count;
  const tall = height - bottom - 2;
  for (let i = 0; i < count; i++) {
    const day = new Date(first + i * 86400000).toISOString().slice(0, 10);
    const point = byDay.get(day);
    const material = point ? Math.max(0, point.material) : 0;
    const verbal = point ? Math.max(0, point.verbal) : 0;
    const group = el("g", { class: point && point.event_ids.length ? "day has-events" : "day" });
    group.dataset.day = day;
    group.append(el("rect", { x: i * step, y: 0, width: step, height: height - bottom, class: "hit" }));
    const hm = (material / top) * tall;
    const hv = (verbal / top) * tall;
    const base = height - bottom;
    if (hm > 0) group.append(el("rect", { x: i * step + 0.5, y: base - hm, width: Math.max(1, step - 1), height: hm, class: "material" }));
    if (hv > 0) group.append(el("rect", { x: i * step + 0.5, y: base - hm - hv, width: Math.max(1, step - 1), height: hv, class: "verbal" }));
    const tip = el("title");
    tip.textContent = `${day}: material ${material.toFixed(1)}, verbal ${verbal.toFixed(1)}, ${point ? point.event_ids.length : 0} events`;
    group.append(tip);
    if (onDay && point && point.event_ids.length) {
      group.addEventListener("click", (event) => {
        event.stopPropagation();
        onDay(point);
      });
    }
    svg.append(group);
  }
  if (axis) {
    for (const [x, text, anchor] of [[0, since, "start"], [width, until, "end"]]) {
      const tick = el("text", { x, y: height - 2, "text-anchor": anchor, class: "tick" });
      tick.textContent = text;
      svg.append(tick);
    }
  }
  return svg;
}
