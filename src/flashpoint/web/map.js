// The event map: a Web-Mercator SVG with pan and zoom, country outlines from the bundled
// TopoJSON, optional raster tiles, and markers clustered on a screen grid.
// Every element is built with createElementNS and textContent: no data is ever parsed as HTML.

const SVG = "http://www.w3.org/2000/svg";
const WORLD = 256; // world size in Mercator units at scale 1
const MAX_LAT = 85.05112878;
const EARTH_M = 40075016.686; // equator length in metres
const CLUSTER_PX = 36;
// Radius of the circle of uncertainty, in km, per ACLED-style geo precision.
const PRECISION_KM = { 1: 3, 2: 25, 3: 150 };
export const QUAD_COLOURS = { 1: "#2f9e44", 2: "#1971c2", 3: "#e8590c", 4: "#c92a2a" };
const NO_QUAD = "#868e96";

function el(name, attrs = {}) {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
  return node;
}

export function project(lon, lat) {
  const clamped = Math.max(-MAX_LAT, Math.min(MAX_LAT, lat));
  const phi = (clamped * Math.PI) / 180;
  const x = ((lon + 180) / 360) * WORLD;
  const y = ((1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2) * WORLD;
  return [x, y];
}

function decodeArcs(topology) {
  const [sx, sy] = topology.transform.scale;
  const [tx, ty] = topology.transform.translate;
  return topology.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([dx, dy]) => {
      x += dx;
      y += dy;
      return project(x * sx + tx, y * sy + ty);
    });
  });
}

function ringPath(arcs, indexes) {
  const points = [];
  for (const index of indexes) {
    const arc = index < 0 ? arcs[~index].slice().reverse() : arcs[index];
    points.push(...(points.length ? arc.slice(1) : arc));
  }
  // A ring crossing the antimeridian (Chukotka, Fiji) jumps across the whole map: unwrap it so it
  // continues past the edge instead of drawing a line around the world.
  let shift = 0;
  let previous = null;
  const drawn = points.map(([x, y]) => {
    if (previous !== null && x - previous > WORLD / 2) shift -= WORLD;
    else if (previous !== null && previous - x > WORLD / 2) shift += WORLD;
    previous = x;
    return `${(x + shift).toFixed(2)},${y.toFixed(2)}`;
  });
  return "M" + drawn.join("L") + "Z";
}

export function outlinePath(topology) {
  const arcs = decodeArcs(topology);
  const parts = [];
  for (const geometry of topology.objects.countries.geometries) {
    const polygons = geometry.type === "Polygon" ? [geometry.arcs] : geometry.type === "MultiPolygon" ? geometry.arcs : [];
    for (const polygon of polygons) for (const ring of polygon) parts.push(ringPath(arcs, ring));
  }
  return parts.join("");
}

export class EventMap {
  constructor(svg, { onSelect, tileUrl }) {
    this.svg = svg;
    this.onSelect = onSelect;
    this.tileUrl = tileUrl || null;
    this.k = 3;
    this.tx = 0;
    this.ty = 0;
    this.events = [];
    this.tiles = el("g", { class: "tiles" });
    this.land = el("g", { class: "land" });
    this.halos = el("g", { class: "halos" });
    this.markers = el("g", { class: "markers" });
    svg.append(this.tiles, this.land, this.halos, this.markers);
    this.bindPanZoom();
    this.selected = () => null;
    // Keep the centre where it was when the map is resized (the event panel opening, a window resize).
    this.lastSize = null;
    new ResizeObserver(() => {
      const [width, height] = this.size();
      if (this.lastSize) {
        this.tx += (width - this.lastSize[0]) / 2;
        this.ty += (height - this.lastSize[1]) / 2;
      }
      this.lastSize = [width, height];
      this.render();
    }).observe(svg);
  }

  size() {
    const box = this.svg.getBoundingClientRect();
    return [box.width || 800, box.height || 500];
  }

  setOutlines(topology) {
    const path = el("path", { d: outlinePath(topology), class: "country" });
    this.land.replaceChildren(path);
    this.render();
  }

  setEvents(events) {
    this.events = events;
    this.render();
  }

  fit(events) {
    const located = events.filter((e) => e.lat !== null && e.lon !== null);
    const [width, height] = this.size();
    if (!located.length) {
      this.k = width / WORLD;
      this.tx = 0;
      this.ty = (height - WORLD * this.k) / 2;
      this.render();
      return;
    }
    const xs = [];
    const ys = [];
    for (const e of located) {
      const [x, y] = project(e.lon, e.lat);
      xs.push(x);
      ys.push(y);
    }
    const pad = 0.6; // world units, about 1.5 degrees around the events
    const margin = 60; // pixels kept free around the events, so no marker sits on the edge
    const [x0, x1] = [Math.min(...xs) - pad, Math.max(...xs) + pad];
    const [y0, y1] = [Math.min(...ys) - pad, Math.max(...ys) + pad];
    const room = [Math.max(100, width - 2 * margin), Math.max(100, height - 2 * margin)];
    this.k = Math.max(width / WORLD, Math.min(room[0] / (x1 - x0), room[1] / (y1 - y0), 4096));
    this.tx = width / 2 - ((x0 + x1) / 2) * this.k;
    this.ty = height / 2 - ((y0 + y1) / 2) * this.k;
    this.render();
  }

  // Pan so that the place is on screen (used when the event panel narrows the map).
  reveal(lon, lat) {
    const [width, height] = this.size();
    const [x, y] = this.screen(lon, lat);
    const margin = 40;
    if (x < margin || y < margin || x > width - margin || y > height - margin) {
      this.tx += width / 2 - x;
      this.ty += height / 2 - y;
      this.render();
    }
  }

  zoomBy(factor, cx, cy) {
    const [width, height] = this.size();
    const x = cx ?? width / 2;
    const y = cy ?? height / 2;
    const k = Math.max(0.5, Math.min(1 << 16, this.k * factor));
    this.tx = x - ((x - this.tx) * k) / this.k;
    this.ty = y - ((y - this.ty) * k) / this.k;
    this.k = k;
    this.render();
  }

  bindPanZoom() {
    let drag = null;
    this.svg.addEventListener("pointerdown", (event) => {
      if (event.target.closest(".marker")) return;
      drag = { x: event.clientX, y: event.clientY, tx: this.tx, ty: this.ty };
      this.svg.setPointerCapture(event.pointerId);
    });
    this.svg.addEventListener("pointermove", (event) => {
      if (!drag) return;
      this.tx = drag.tx + event.clientX - drag.x;
      this.ty = drag.ty + event.clientY - drag.y;
      this.render();
    });
    const stop = () => {
      drag = null;
    };
    this.svg.addEventListener("pointerup", stop);
    this.svg.addEventListener("pointercancel", stop);
    this.svg.addEventListener(
      "wheel",
      (event) => {
        event.preventDefault();
        const box = this.svg.getBoundingClientRect();
        this.zoomBy(event.deltaY < 0 ? 1.25 : 0.8, event.clientX - box.left, event.clientY - box.top);
      },
      { passive: false },
    );
  }

  screen(lon, lat) {
    const [x, y] = project(lon, lat);
    return [x * this.k + this.tx, y * this.k + this.ty];
  }

  render() {
    const transform = `translate(${this.tx},${this.ty}) scale(${this.k})`;
    this.land.setAttribute("transform", transform);
    this.renderTiles();
    this.renderMarkers();
  }

  renderTiles() {
    if (!this.tileUrl) return;
    const [width, height] = this.size();
    const z = Math.max(0, Math.min(18, Math.round(Math.log2(this.k))));
    const n = 1 << z;
    const tile = WORLD / n; // world units per tile
    const x0 = Math.max(0, Math.floor(-this.tx / this.k / tile));
    const y0 = Math.max(0, Math.floor(-this.ty / this.k / tile));
    const x1 = Math.min(n - 1, Math.floor((width - this.tx) / this.k / tile));
    const y1 = Math.min(n - 1, Math.floor((height - this.ty) / this.k / tile));
    const images = [];
    for (let x = x0; x <= x1 && images.length < 100; x++) {
      for (let y = y0; y <= y1 && images.length < 100; y++) {
        const href = this.tileUrl
          .replace("{z}", z)
          .replace("{x}", x)
          .replace("{y}", y)
          .replace("{s}", "abc"[(x + y) % 3]);
        const size = tile * this.k;
        images.push(el("image", { href, x: x * size + this.tx, y: y * size + this.ty, width: size + 0.5, height: size + 0.5 }));
      }
    }
    this.tiles.replaceChildren(...images);
  }

  // Events at one place form a place marker; a place within CLUSTER_PX of a cluster's first place
  // joins that cluster (greedy, busiest places first, neighbours found through a grid of cells).
  groups() {
    const byPlace = new Map();
    for (const e of this.events) {
      if (e.lat === null || e.lon === null) continue;
      const key = `${e.lat.toFixed(4)},${e.lon.toFixed(4)}`;
      if (!byPlace.has(key)) byPlace.set(key, { lat: e.lat, lon: e.lon, events: [] });
      byPlace.get(key).events.push(e);
    }
    const places = [...byPlace.values()].sort((a, b) => b.events.length - a.events.length);
    const cells = new Map();
    const clusters = [];
    for (const place of places) {
      const [x, y] = this.screen(place.lon, place.lat);
      const cx = Math.floor(x / CLUSTER_PX);
      const cy = Math.floor(y / CLUSTER_PX);
      let home = null;
      for (let i = -1; i <= 1 && !home; i++) {
        for (let j = -1; j <= 1 && !home; j++) {
          for (const cluster of cells.get(`${cx + i},${cy + j}`) || []) {
            if (Math.hypot(cluster[0].x - x, cluster[0].y - y) <= CLUSTER_PX) {
              home = cluster;
              break;
            }
          }
        }
      }
      if (home) {
        home.push({ ...place, x, y });
      } else {
        const cluster = [{ ...place, x, y }];
        clusters.push(cluster);
        const key = `${cx},${cy}`;
        if (!cells.has(key)) cells.set(key, []);
        cells.get(key).push(cluster);
      }
    }
    return clusters;
  }

  renderMarkers() {
    const [width, height] = this.size();
    const halos = [];
    const markers = [];
    for (const places of this.groups()) {
      const events = places.flatMap((p) => p.events);
      const x = places.reduce((s, p) => s + p.x, 0) / places.length;
      const y = places.reduce((s, p) => s + p.y, 0) / places.length;
      if (x < -50 || y < -50 || x > width + 50 || y > height + 50) continue;
      const origins = events.reduce((s, e) => s + (e.origins || 1), 0);
      const radius = 6 + 3 * Math.sqrt(origins);
      const quad = Math.max(...events.map((e) => e.quad_class || 0));
      const names = [...new Set(events.map((e) => e.place_name || e.place_surface || "?"))];
      const classes = ["marker"];
      if (places.length > 1) classes.push("cluster");
      if (events.some((e) => e.id === this.selected())) classes.push("selected");
      const group = el("g", { class: classes.join(" "), transform: `translate(${x},${y})`, tabindex: 0 });
      group.dataset.place = names.join("|");
      group.dataset.events = events.map((e) => e.id).join(" ");
      const title = el("title");
      title.textContent = `${names.join(", ")}: ${events.length} event${events.length > 1 ? "s" : ""}`;
      group.append(title, el("circle", { r: radius, fill: QUAD_COLOURS[quad] || NO_QUAD }));
      if (events.length > 1) {
        const label = el("text", { "text-anchor": "middle", dy: "0.35em" });
        label.textContent = String(events.length);
        group.append(label);
      }
      if (places.length === 1) {
        const precision = Math.max(...events.map((e) => e.precision || 1));
        const metres = (PRECISION_KM[precision] || 3) * 1000;
        const lat = (places[0].lat * Math.PI) / 180;
        const r = ((metres / (EARTH_M * Math.cos(lat))) * WORLD) * this.k;
        if (r > radius) halos.push(el("circle", { class: "halo", cx: x, cy: y, r }));
      }
      group.addEventListener("click", () => {
        if (places.length > 1) this.zoomBy(2.5, x, y);
        else this.onSelect(events);
      });
      markers.push(group);
    }
    this.halos.replaceChildren(...halos);
    this.markers.replaceChildren(...markers);
  }
}
