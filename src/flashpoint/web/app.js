// The analyst's page: filters → /api/events → map, timeline and list; a click opens the event panel.
// Text from the data is only ever set with textContent (never innerHTML): articles may carry markup.

import { EventMap, QUAD_COLOURS } from "./map.js";
import { Timeline, isoDay } from "./timeline.js";
import { hostilityChart } from "./chart.js";

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
const DAY_MS = 86400000;
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
    timeline.setEvents(state.events);
    timeline.setRange(state.range);
    if (fit) map.fit(visibleEvents());
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

// The place this report gives the event, its outlet, claimants and stance, on one line.
function reportPlace(report, event) {
  const line = node("div", null, "report-place");
  const place = report.place_name || report.place_surface || "no place";
  const name = node("span", place, "place");
  if (report.place_id && report.place_id !== event.place_id) name.classList.add("elsewhere");
  const claimants = [...new Set((report.claims || []).map((c) => c.claimant || c.channel || "the author"))];
  line.append(
    node("span", "Place: "),
    name,
    node("span", ` · ${report.publisher || report.origin || "unknown outlet"} · ${claimants.join(", ") || "the author"} · ${report.stance || "-"}`),
  );
  return line;
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
      section.append(reportPlace(report, e));
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
}

// The brushed timeframe as API parameters: its end is "as of", its span the window (none: everything).
function timeframeParams() {
  const params = new URLSearchParams();
  if (!state.range) return params;
  const [first, last] = state.range;
  params.set("as_of", last);
  params.set("window", String(Math.round((Date.parse(last) - Date.parse(first)) / DAY_MS) + 1));
  return params;
}

function describeTimeframe(frame) {
  if (!frame || !frame.as_of) return "no dated events";
  const now = frame.basis === "given" ? "as of" : "as of the latest event day,";
  return `${now} ${frame.as_of} · ${frame.window} day${frame.window === 1 ? "" : "s"} from ${frame.since}`;
}

function seriesRange(f) {
  const days = f.series || [];
  return days.length ? [days[0].day, days[days.length - 1].day] : [f.as_of, f.as_of];
}

function renderFlashpoints(body) {
  const items = body.flashpoints.map((f) => {
    const item = node("li", null, `flashpoint ${f.severity}`);
    item.dataset.flashpoint = f.id;
    item.tabIndex = 0;
    item.append(node("div", f.title || f.id, "title"));
    const [since, until] = seriesRange(f);
    item.append(hostilityChart(f.series || [], { since, until }));
    item.append(node("div", `as of ${f.as_of} · ${f.evidence.length} events`, "meta"));
    item.title = [f.severity_reason, f.trend_reason].filter(Boolean).join("\n");
    item.addEventListener("click", () => openFlashpoint(f));
    item.addEventListener("keydown", (event) => {
      if (event.key === "Enter") openFlashpoint(f);
    });
    return item;
  });
  $("#flashpoints").replaceChildren(...(items.length ? items : [node("li", "No flashpoints detected in this timeframe.", "none")]));
  $("#flashpoints").dataset.asOf = body.timeframe ? body.timeframe.as_of || "" : "";
}

// The flashpoint panel: why it is flagged, the larger escalation chart, and a clicked day's events.
function openFlashpoint(f) {
  const body = $("#panel-body");
  const [since, until] = seriesRange(f);
  const dayEvents = node("ol", null, "day-events");
  const dayTitle = node("h4", "Click a day of the chart to list its events.", "day-title");
  const chart = hostilityChart(f.series || [], {
    since,
    until,
    width: 400,
    height: 130,
    axis: true,
    onDay: (point) => showDay(point, dayTitle, dayEvents),
  });
  const facts = node("dl");
  field(facts, "Severity", f.severity_reason || f.severity);
  field(facts, "Trend", f.trend_reason || f.trend);
  field(facts, "As of", f.as_of);
  field(facts, "Evidence", `${f.evidence.length} events, ${f.evidence.filter((e) => e.single_source).length} single-source`);
  body.replaceChildren(node("h3", f.title || f.id), facts, chart, dayTitle, dayEvents);
  body.dataset.flashpoint = f.id;
  $("#panel").hidden = false;
  if (f.lat !== null && f.lon !== null) requestAnimationFrame(() => requestAnimationFrame(() => map.reveal(f.lon, f.lat)));
}

async function showDay(point, title, list) {
  title.textContent = `${point.day}: ${point.event_ids.length} event${point.event_ids.length === 1 ? "" : "s"}`;
  list.replaceChildren();
  const details = await Promise.all(point.event_ids.map((id) => getJSON(`/api/events/${encodeURIComponent(id)}`).catch(() => null)));
  list.replaceChildren(...details.filter(Boolean).map((detail) => {
    const e = detail.event;
    const kind = (point.material_ids || []).includes(e.id) ? "material" : (point.verbal_ids || []).includes(e.id) ? "verbal" : "other";
    const item = node("li", null, `day-event ${kind}`);
    item.dataset.event = e.id;
    item.append(node("strong", e.type), document.createTextNode(` ${actorLabel(e.actor_code, e.actor_name, e.actor_text)}`));
    if (e.recipient_code || e.recipient_text) item.append(document.createTextNode(` → ${actorLabel(e.recipient_code, e.recipient_name, e.recipient_text)}`));
    item.append(node("div", `${e.place_name || e.place_surface || "no place"} · ${e.outlet || ""} · ${kind}`, "meta"));
    item.addEventListener("click", () => openEvent(e.id));
    return item;
  }));
}

function renderAlerts(body) {
  const items = body.alerts.map((a) => {
    const item = node("li", `${a.actors.join("–")} near ${a.place_name || "?"} (${a.status}, ${a.severity})`);
    item.dataset.alert = a.id;
    return item;
  });
  $("#alerts").replaceChildren(...(items.length ? items : [node("li", "No alerts in this timeframe.", "none")]));
}

function count(n, noun) {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

function renderCounts(stats) {
  const parts = [count(stats.events, "event"), count(stats.reports, "report"), count(stats.documents, "document")];
  $("#counts").textContent = `${parts.join(" · ")} · ${describeTimeframe(stats.timeframe)}`;
}

// Flashpoints, alerts and counts follow the brush; a later brush wins over a slower earlier answer.
let timeframeRequest = 0;
async function loadTimeframe() {
  const ticket = ++timeframeRequest;
  updateBrief();
  const params = timeframeParams();
  const [flashpoints, alerts, stats] = await Promise.allSettled([
    getJSON(`/api/flashpoints?${params}`),
    getJSON(`/api/alerts?${params}`),
    getJSON(`/api/stats?${params}`),
  ]);
  if (ticket !== timeframeRequest) return;
  if (flashpoints.status === "fulfilled") renderFlashpoints(flashpoints.value);
  else $("#flashpoints").replaceChildren(node("li", flashpoints.reason.message, "none"));
  if (alerts.status === "fulfilled") renderAlerts(alerts.value);
  if (stats.status === "fulfilled") renderCounts(stats.value);
  $("aside").dataset.timeframe = params.toString();
}

// The Brief link names the brushed window (the API's default, the last 30 days, without a brush).
function updateBrief() {
  const params = timeframeParams();
  params.set("format", "html");
  $("#brief").href = `/api/brief?${params}`;
}

// URL state: the filters and the brushed timeframe live in the fragment, so a view can be bookmarked.
function saveURL() {
  const params = filterParams();
  params.delete("limit");
  for (const [key, value] of timeframeParams()) params.set(key, value);
  const hash = params.toString();
  if (location.hash.slice(1) !== hash) history.replaceState(null, "", hash ? `#${hash}` : location.pathname + location.search);
}

function readURL() {
  const params = new URLSearchParams(location.hash.slice(1));
  const form = $("#filters");
  for (const element of form.elements) {
    if (!element.name) continue;
    element.value = params.get(element.name) ?? (element.name === "min_origins" ? "1" : "");
  }
  const asOf = params.get("as_of");
  const span = Number(params.get("window") || "0");
  state.range = null;
  if (asOf && /^\d{4}-\d{2}-\d{2}$/.test(asOf) && !Number.isNaN(Date.parse(asOf)) && span >= 1) {
    state.range = [isoDay(Date.parse(asOf) - (Math.floor(span) - 1) * DAY_MS), asOf];
  }
}

function setRange(range) {
  state.range = range;
  timeline.setRange(range);
  redraw();
  saveURL();
  loadTimeframe();
}

// Keyboard on the timeline: ←/→ move the brush a day, Shift+←/→ a whole window, Alt+←/→ widen or
// narrow it by a day (from its start), Escape shows all dates.
function onTimelineKey(event) {
  const keys = ["ArrowLeft", "ArrowRight", "Escape"];
  if (!keys.includes(event.key)) return;
  event.preventDefault();
  if (event.key === "Escape") return setRange(null);
  const direction = event.key === "ArrowRight" ? 1 : -1;
  let [first, last] = state.range || [null, null];
  if (!first) {
    const dated = state.events.filter((e) => e.date).map((e) => e.date).sort();
    if (!dated.length) return;
    first = last = dated[dated.length - 1];
    return setRange([first, last]);
  }
  const span = Math.round((Date.parse(last) - Date.parse(first)) / DAY_MS) + 1;
  if (event.altKey) {
    const start = Date.parse(first) - direction * DAY_MS;
    if (start > Date.parse(last)) return;
    return setRange([isoDay(start), last]);
  }
  const step = (event.shiftKey ? span : 1) * direction * DAY_MS;
  setRange([isoDay(Date.parse(first) + step), isoDay(Date.parse(last) + step)]);
}

async function start() {
  const config = await getJSON("/api/config").catch(() => ({ tile_url: null }));
  map = new EventMap($("#map"), { tileUrl: config.tile_url, onSelect: (events) => openEvent(events[0].id) });
  map.selected = () => state.selected;
  timeline = new Timeline($("#timeline"), { onBrush: (range) => setRange(range) });
  $("#timeline").addEventListener("keydown", onTimelineKey);
  $("#zoom-in").addEventListener("click", () => map.zoomBy(1.6));
  $("#zoom-out").addEventListener("click", () => map.zoomBy(1 / 1.6));
  $("#zoom-fit").addEventListener("click", () => map.fit(visibleEvents()));
  $("#panel-close").addEventListener("click", () => {
    $("#panel").hidden = true;
  });
  $("#brush-clear").addEventListener("click", () => setRange(null));
  $("#filters").addEventListener("submit", (event) => {
    event.preventDefault();
    saveURL();
    loadEvents();
  });
  $("#filters").addEventListener("change", () => {
    saveURL();
    loadEvents();
  });
  window.addEventListener("hashchange", () => {
  
    loadEvents();
    loadTimeframe();
  });

  fetch("/static/vendor/world-atlas/countries-110m.json")
    .then((r) => r.json())
    .then((topology) => map.setOutlines(topology))
    .catch(() => status("country outlines unavailable"));
  await loadSide(); // the type options exist before the URL picks one
  readURL();
  await Promise.all([loadEvents(), loadTimeframe()]);
  document.body.dataset.ready = "true";
}

start();
