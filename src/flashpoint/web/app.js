// The analyst's page: filters → /api/events → map, timeline and list; a click opens the event panel.
// Text from the data is only ever set with textContent (never innerHTML): articles may carry markup.

import { EventMap, QUAD_COLOURS } from "./map.js";
import { Timeline } from "./timeline.js";

const PAGE = 5000;
const $ = (selector) => document.querySelector(selector);

function node(tag, text, className) {
  const element = document.createElement(tag);
  if (text !== undefined && text !== null) element.textContent = String(text);
  if (className) element.className = className;
  return element;
}

async function getJSON(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  if (!response.ok) {
    let detail = response.statusText;
    try {
      detail = (await response.json()).detail;
    } catch (_) {
      /* not JSON */
    }
    throw new Error(`${url}: ${response.status} ${typeof detail === "string" ? detail : JSON.stringify(detail)}`);
  }
  return response.json();
}

const state = { events: [], range: null, selected: null };
let map;
let timeline;

function status(text) {
  $("#status").textContent = text;
}

function filterParams() {
  const params = new URLSearchParams();
  for (const [key, value] of new FormData($("#filters"))) {
    if (value !== "" && !(key === "min_origins" && value === "1")) params.set(key, value);
  }
  params.set("limit", PAGE);
  return params;
}

function visibleEvents() {
  if (!state.range) return state.events;
  const [first, last] = state.range;
  return state.events.filter((e) => e.date && e.date >= first && e.date <= last);
}

function actorLabel(code, name, text) {
  return name || text || code || "?";
}

// "Manbij Military Council [SYRREB]", or just "TURMIL" when the code is all we know.
function actorWithCode(code, name, text) {
  const label = actorLabel(code, name, text);
  return code && label !== code ? `${label} [${code}]` : label;
}

function renderList(events) {
  const items = events.map((e) => {
    const item = node("li");
    item.dataset.event = e.id;
    const dot = node("span", null, "quad");
    dot.style.background = QUAD_COLOURS[e.quad_class] || "#868e96";
    const head = node("div");
    head.append(dot, node("strong", e.type), document.createTextNode(` ${actorLabel(e.actor_code, e.actor_name, e.actor_text)}`));
    if (e.recipient_code || e.recipient_text) head.append(document.createTextNode(` → ${actorLabel(e.recipient_code, e.recipient_name, e.recipient_text)}`));
    item.append(head, node("div", `${e.date || "undated"} · ${e.place_name || e.place_surface || "no place"} · ${e.outlet || ""}`, "meta"));
    if (state.selected === e.id) item.classList.add("selected");
    item.addEventListener("click", () => openEvent(e.id));
    return item;
  });
  $("#events").replaceChildren(...items);
  $("#event-count").textContent = `(${events.length})`;
}

function redraw() {
  const events = visibleEvents();
  map.setEvents(events);
  renderList(events);
}

async function loadEvents({ fit = true } = {}) {
  status("loading…");
  try {
    const page = await getJSON(`/api/events?${filterParams()}`);
    state.events = page.events;
    state.range = null;
    timeline.setEvents(state.events);
    if (fit) map.fit(state.events);
    redraw();
    status(page.next_offset !== null ? `first ${page.count} events (narrow the filters)` : `${page.count} events`);
  } catch (error) {
    status(error.message);
  }
}

function chain(claim) {
  const row = node("div", null, "chain");
  for (const outer of claim.chain || []) row.append(node("span", outer, "link"), node("span", "›"));
  row.append(node("span", claim.claimant || (claim.anonymous ? "unnamed source" : "the author"), "link claimant"));
  row.append(node("span", claim.stance, "stance"));
  if (claim.channel) row.append(node("span", `via ${claim.channel}`));
  return row;
}

// The document text with the reporting sentence marked and the trigger in bold, all as text nodes.
function documentView(doc, report) {
  const box = node("div", null, "document");
  const sentence = (doc.sentences || []).find((s) => s.index === report.sentence_index);
  const text = doc.text || "";
  if (!sentence) {
    box.textContent = text;
    return box;
  }
  const mark = node("mark");
  const { start, end } = sentence;
  const t0 = Math.max(start, Math.min(report.trigger_start, end));
  const t1 = Math.max(t0, Math.min(report.trigger_end, end));
  mark.append(document.createTextNode(text.slice(start, t0)), node("strong", text.slice(t0, t1)), document.createTextNode(text.slice(t1, end)));
  box.append(document.createTextNode(text.slice(0, start)), mark, document.createTextNode(text.slice(end)));
  requestAnimationFrame(() => mark.scrollIntoView({ block: "center" }));
  return box;
}

function field(list, label, value) {
  if (value === null || value === undefined || value === "") return;
  list.append(node("dt", label), node("dd", value));
}

async function openEvent(id) {
  state.selected = id;
  map.render();
  for (const item of document.querySelectorAll("#events li")) item.classList.toggle("selected", item.dataset.event === id);
  const body = $("#panel-body");
  body.replaceChildren(node("p", "loading…"));
  $("#panel").hidden = false;
  const chosen = state.events.find((e) => e.id === id);
  if (chosen && chosen.lat !== null && chosen.lon !== null) {
    // Wait for the layout (the panel takes room from the map), then bring the event into view.
    requestAnimationFrame(() => requestAnimationFrame(() => map.reveal(chosen.lon, chosen.lat)));
  }
  try {
    const detail = await getJSON(`/api/events/${encodeURIComponent(id)}`);
    const e = detail.event;
    const facts = node("dl");
    field(facts, "When", e.date ? `${e.date} (${e.date_precision || "?"})` : "undated");
    field(facts, "Where", e.place_name ? `${e.place_name}${e.place_country ? ", " + e.place_country : ""} (precision ${e.precision ?? "?"})` : e.place_surface);
    field(facts, "Actor", actorWithCode(e.actor_code, e.actor_name, e.actor_text));
    field(facts, "Recipient", e.recipient_code || e.recipient_text ? actorWithCode(e.recipient_code, e.recipient_name, e.recipient_text) : null);
    field(facts, "Mode", e.mode);
    field(facts, "Happened", e.happened ? "yes" : `no (${[e.negated ? "negated" : null, ...(e.aux_modes || [])].filter(Boolean).join(", ")})`);
    field(facts, "Origins", e.origins);
    const parts = [node("h3", `${e.type}${e.acled_event_type ? " · " + e.acled_event_type : ""}`), facts];
    for (const report of detail.reports) {
      const section = node("section", null, "report");
      section.append(node("h4", [report.publisher || report.origin, report.published, report.document_title].filter(Boolean).join(" · ")));
      for (const claim of report.claims) section.append(chain(claim));
      if (!report.claims.length) section.append(node("p", "No claim recorded: stated by the author."));
      const doc = await getJSON(`/api/documents/${encodeURIComponent(report.document_id)}`);
      section.append(documentView(doc, report));
      parts.push(section);
    }
    body.replaceChildren(...parts);
  } catch (error) {
    body.replaceChildren(node("p", error.message));
  }
}

async function loadSide() {
  try {
    const stats = await getJSON("/api/stats");
    const select = $("#filters select[name=type]");
    select.append(...Object.keys(stats.events_by_type || {}).sort().map((type) => node("option", type)));
  } catch (error) {
    status(error.message);
  }
  getJSON("/api/actors?limit=500").then((body) => {
    $("#actor-codes").replaceChildren(...body.actors.map((a) => {
      const option = node("option");
      option.value = a.code;
      option.label = a.name ? `${a.code} — ${a.name}` : a.code;
      return option;
    }));
  }).catch(() => {});
  getJSON("/api/flashpoints").then((body) => {
    const items = body.flashpoints.map((f) => node("li", f.title || f.id || JSON.stringify(f)));
    $("#flashpoints").replaceChildren(...(items.length ? items : [node("li", body.detail || "No flashpoints detected.", "none")]));
  }).catch((error) => $("#flashpoints").replaceChildren(node("li", error.message, "none")));
}

async function start() {
  const config = await getJSON("/api/config").catch(() => ({ tile_url: null }));
  map = new EventMap($("#map"), { tileUrl: config.tile_url, onSelect: (events) => openEvent(events[0].id) });
  map.selected = () => state.selected;
  timeline = new Timeline($("#timeline"), {
    onBrush: (range) => {
      state.range = range;
      redraw();
    },
  });
  $("#zoom-in").addEventListener("click", () => map.zoomBy(1.6));
  $("#zoom-out").addEventListener("click", () => map.zoomBy(1 / 1.6));
  $("#zoom-fit").addEventListener("click", () => map.fit(visibleEvents()));
  $("#panel-close").addEventListener("click", () => {
    $("#panel").hidden = true;
  });
  $("#brush-clear").addEventListener("click", () => {
    timeline.range = null;
    timeline.render();
    state.range = null;
    redraw();
  });
  $("#filters").addEventListener("submit", (event) => {
    event.preventDefault();
    loadEvents();
  });
  $("#filters").addEventListener("change", () => loadEvents());
  fetch("/static/vendor/world-atlas/countries-110m.json")
    .then((r) => r.json())
    .then((topology) => map.setOutlines(topology))
    .catch(() => status("country outlines unavailable"));
  await Promise.all([loadSide(), loadEvents()]);
  document.body.dataset.ready = "true";
}

start();
