// The timeline: a histogram of events per day (or week) with a brush that picks a date range.
// Dragging across the bars selects; a click without a drag clears the selection.

const SVG = "http://www.w3.org/2000/svg";
const DAY = 86400000;
const MARGIN = { left: 34, right: 10, top: 8, bottom: 20 };

function el(name, attrs = {}) {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
  return node;
}

function day(iso) {
  return Date.parse(iso + "T00:00:00Z");
}

export function isoDay(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}

export class Timeline {
  constructor(svg, { onBrush }) {
    this.svg = svg;
    this.onBrush = onBrush;
    this.range = null; // [first ms, last ms] inclusive, or null for everything
    this.domain = null;
    this.bindBrush();
    new ResizeObserver(() => this.render()).observe(svg);
  }

  setEvents(events) {
    this.events = events.filter((e) => e.date);
    const days = this.events.map((e) => day(e.date));
    this.domain = days.length ? [Math.min(...days), Math.max(...days) + DAY] : null;
    if (this.domain) {
      const span = this.domain[1] - this.domain[0];
      const pad = Math.max(DAY, span * 0.03);
      this.domain = [this.domain[0] - pad, this.domain[1] + pad];
    }
    this.range = null;
    this.render();
  }

  // Show a brushed range of ISO days ([first, last]) or none, without calling onBrush.
  setRange(range) {
    this.range = range ? [day(range[0]), day(range[1])] : null;
    this.render();
  }

  width() {
    return this.svg.getBoundingClientRect().width || 600;
  }

  height() {
    return this.svg.getBoundingClientRect().height || 90;
  }

  x(ms) {
    const [d0, d1] = this.domain;
    return MARGIN.left + ((ms - d0) / (d1 - d0)) * (this.width() - MARGIN.left - MARGIN.right);
  }

  ms(x) {
    const [d0, d1] = this.domain;
    const inner = this.width() - MARGIN.left - MARGIN.right;
    return d0 + ((Math.max(MARGIN.left, Math.min(x, this.width() - MARGIN.right)) - MARGIN.left) / inner) * (d1 - d0);
  }

  render() {
    const nodes = [];
    if (!this.domain) {
      const empty = el("text", { x: 12, y: 30, class: "empty" });
      empty.textContent = "No dated events.";
      this.svg.replaceChildren(empty);
      return;
    }
    const [d0, d1] = this.domain;
    const binDays = (d1 - d0) / DAY > 180 ? 7 : 1;
    const bin = binDays * DAY;
    const counts = new Map();
    for (const e of this.events) {
      const start = Math.floor(day(e.date) / bin) * bin;
      counts.set(start, (counts.get(start) || 0) + 1);
    }
    const most = Math.max(1, ...counts.values());
    const base = this.height() - MARGIN.bottom;
    const tall = base - MARGIN.top;
    for (const [start, n] of counts) {
      const x0 = this.x(start);
      const w = Math.max(2, this.x(start + bin) - x0 - 1);
      const h = Math.max(2, (n / most) * tall);
      const inRange = !this.range || (start + bin > this.range[0] && start <= this.range[1]);
      const bar = el("rect", { x: x0, y: base - h, width: w, height: h, class: inRange ? "bar" : "bar out" });
      const title = el("title");
      title.textContent = `${isoDay(start)}: ${n}`;
      bar.append(title);
      nodes.push(bar);
    }
    nodes.push(el("line", { x1: MARGIN.left, x2: this.width() - MARGIN.right, y1: base, y2: base, class: "axis" }));
    const ticks = 5;
    let previous = null;
    for (let i = 0; i <= ticks; i++) {
      const ms = d0 + ((d1 - d0) * i) / ticks;
      if (isoDay(ms) === previous) continue;
      previous = isoDay(ms);
      const anchor = i === 0 ? "start" : i === ticks ? "end" : "middle";
      const label = el("text", { x: this.x(ms), y: base + 14, "text-anchor": anchor, class: "tick" });
      label.textContent = previous;
      nodes.push(label);
    }
    const peak = el("text", { x: MARGIN.left - 4, y: MARGIN.top + 8, "text-anchor": "end", class: "tick" });
    peak.textContent = String(most);
    nodes.push(peak);
    if (this.range) {
      const x0 = this.x(this.range[0]);
      const x1 = this.x(this.range[1] + DAY);
      nodes.push(el("rect", { x: x0, y: MARGIN.top - 4, width: Math.max(1, x1 - x0), height: tall + 4, class: "brush" }));
    }
    this.svg.replaceChildren(...nodes);
  }

  bindBrush() {
    let start = null;
    const local = (event) => event.clientX - this.svg.getBoundingClientRect().left;
    this.svg.addEventListener("pointerdown", (event) => {
      if (!this.domain) return;
      start = local(event);
      this.svg.setPointerCapture(event.pointerId);
    });
    this.svg.addEventListener("pointermove", (event) => {
      if (start === null) return;
      const a = Math.min(start, local(event));
      const b = Math.max(start, local(event));
      if (b - a >= 3) {
        this.range = [Math.floor(this.ms(a) / DAY) * DAY, Math.floor(this.ms(b) / DAY) * DAY];
        this.render();
      }
    });
    this.svg.addEventListener("pointerup", (event) => {
      if (start === null) return;
      const moved = Math.abs(local(event) - start) >= 3;
      start = null;
      if (!moved) this.range = null;
      this.render();
      this.onBrush(this.range ? [isoDay(this.range[0]), isoDay(this.range[1])] : null);
    });
  }
}
