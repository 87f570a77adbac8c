// The page `irkg view` writes: reads the graph irkg embedded, draws it with
// sigma.js (WebGL) and wires search, filters, panels, path mode, export and
// the address fragment. Data logic lives in model.js; text from the graph
// only ever reaches the page as textContent, never as markup.
import Graph from "graphology";
import Sigma from "sigma";
import "./style.css";
import { viewAsPng, viewAsSvg, download } from "./export.js";
import { drawLabelsApart } from "./labels.js";
import { liveLayout } from "./layout.js";
import { articlesOf, complete, emptyFilters, filterTests, loadModel, neighbours, offices, shortestPath,
         visibility } from "./model.js";
import { decodeState, encodeState, emptyState } from "./state.js";

const DIM_NODE = "#E4E7EB";
const DIM_EDGE = "#EEF0F2";
const HIGHLIGHT_EDGE = "#1F2933";

// ---------------------------------------------------------------------------
// Small DOM helpers: every text goes in through textContent.

function el(tag, attributes = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attributes)) {
    if (k === "class") e.className = v;
    else if (k === "text") e.textContent = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const c of children) if (c !== null && c !== undefined) e.append(c);
  return e;
}

// Only web addresses become links: a javascript: or data: "url" in a graph
// stays text.
function safeLink(url, text) {
  if (/^https?:\/\//i.test(url || "")) return el("a", { href: url, target: "_blank", rel: "noopener noreferrer", text });
  return el("span", { text });
}

function swatch(color, line) {
  return el("span", { class: line ? "swatch line" : "swatch", style: `background:${color}` });
}

// ---------------------------------------------------------------------------

// Marks of each start-up stage, read by bench/viewer_bench.mjs.
performance.mark("irkg-script");
const data = JSON.parse(document.getElementById("irkg-data").textContent);
performance.mark("irkg-parsed");
const model = loadModel(data);
performance.mark("irkg-model");
let state = decodeState(location.hash, model);
let shown = visibility(model, state.filters);
let highlight = null;  // {nodes: Set, edges: Set} or null
let pathResult = null;

const typeColor = (n) => model.types[n.type].border;
const familyColor = (e) => model.families[e.predicate.family].line;

function buildGraph() {
  const graph = new Graph({ multi: true, type: "directed", allowSelfLoops: true });
  // Sizes are in screen pixels: a crowded graph gets smaller discs.
  const scale = model.nodes.length > 1000 ? 0.5 : 1;
  for (const n of model.nodes)
    graph.addNode(String(n.index), {
      x: n.x, y: n.y, label: n.name, color: typeColor(n),
      size: scale * Math.min(3 + 1.6 * Math.sqrt(n.degree), 16),
    });
  for (const e of model.edges)
    graph.addEdgeWithKey(String(e.index), String(e.s), String(e.t), {
      color: familyColor(e), size: Math.min(1 + Math.log2(Math.max(e.articles, 1)), 4),
      type: e.predicate.symmetric ? "line" : "arrow",
    });
  return graph;
}

// ---------------------------------------------------------------------------
// Layout of the page

const counts = el("div", { id: "counts", "aria-live": "polite" });
const search = el("input", { id: "search", type: "search", placeholder: "Search names and aliases…", autocomplete: "off" });
const pathButton = el("button", { id: "path-mode", type: "button", text: "Path…" });
const pngButton = el("button", { id: "export-png", type: "button", text: "PNG" });
const svgButton = el("button", { id: "export-svg", type: "button", text: "SVG" });
const resetButton = el("button", { id: "reset", type: "button", text: "Reset view" });
const layoutButton = el("button", { id: "layout", type: "button", text: "Live layout", "aria-pressed": "false",
                                    title: "Move the entities with ForceAtlas2 until stopped; Reset view puts them back" });
const header = el("header", {},
  el("h1", { text: model.title || "irkg graph" }),
  el("div", { class: "search-box" }, search),
  pathButton, layoutButton, resetButton, el("span", { class: "export", text: "Export:" }), pngButton, svgButton, counts);
const filtersPane = el("aside", { id: "filters" });
const container = el("div", { id: "graph" });
const legend = el("div", { id: "legend" });
const panel = el("aside", { id: "panel" });
document.body.append(header, el("div", { id: "main" }, filtersPane, el("div", { id: "stage" }, container, legend), panel));

// ---------------------------------------------------------------------------
// Search with completion; used for the main search and the path's ends.

function searchBox(input, onPick) {
  const list = el("ul", { class: "completions", role: "listbox" });
  input.parentElement.append(list);
  let hits = [];
  let active = -1;
  const close = () => { list.replaceChildren(); hits = []; active = -1; };
  const pick = (hit) => { input.value = model.nodes[hit.node].name; close(); onPick(hit.node); };
  const show = () => {
    hits = complete(model, input.value);
    active = hits.length ? 0 : -1;
    list.replaceChildren(...hits.map((h, i) => {
      const n = model.nodes[h.node];
      const item = el("li", { role: "option", class: i === active ? "active" : "" },
        swatch(typeColor(n)), el("span", { class: "name", text: n.name }),
        h.alias ? el("span", { class: "alias", text: `also ${h.text}` }) : null,
        el("span", { class: "type", text: model.types[n.type].name }));
      item.addEventListener("mousedown", (ev) => { ev.preventDefault(); pick(h); });
      return item;
    }));
  };
  input.addEventListener("input", show);
  input.addEventListener("blur", close);
  input.addEventListener("keydown", (ev) => {
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      if (!hits.length) return;
      active = (active + (ev.key === "ArrowDown" ? 1 : hits.length - 1)) % hits.length;
      [...list.children].forEach((li, i) => li.classList.toggle("active", i === active));
      ev.preventDefault();
    } else if (ev.key === "Enter" && active >= 0) {
      pick(hits[active]);
      ev.preventDefault();
    } else if (ev.key === "Escape") {
      close();
    }
  });
}

// ---------------------------------------------------------------------------
// Filters

function presentPredicates() {
  const count = new Map();
  for (const e of model.edges) count.set(e.p, (count.get(e.p) || 0) + 1);
  return model.predicates.map((p, i) => ({ ...p, index: i, count: count.get(i) || 0 })).filter((p) => p.count);
}

function checkList(name, items, selected, onChange) {
  const box = el("fieldset", { id: `filter-${name}` }, el("legend", { text: name }));
  for (const item of items) {
    const input = el("input", { type: "checkbox", value: item.name });
    input.checked = !selected || selected.includes(item.name);
    input.addEventListener("change", () => {
      const on = [...box.querySelectorAll("input:checked")].map((i) => i.value);
      onChange(on.length === items.length ? null : on);
    });
    box.append(el("label", {}, input, swatch(item.color, item.line), ` ${item.name} `, el("small", { text: `${item.count}` })));
  }
  return box;
}

function rangeRow(id, label, min, max, step, value, format, onInput) {
  const input = el("input", { id, type: "range", min, max, step });
  input.value = value;
  const out = el("output", { text: format(Number(input.value)) });
  input.addEventListener("input", () => { out.textContent = format(Number(input.value)); onInput(Number(input.value)); });
  return el("label", { class: "range" }, `${label} `, out, input);
}

// irkg writes a decade as its first three digits ("195": the 1950s).
function readableDate(date) {
  return date.length === 3 ? `${date}0s` : date;
}

function renderFilters() {
  const f = state.filters;
  const predicates = presentPredicates().map((p) => ({ name: p.name, count: p.count, color: model.families[p.family].line, line: true }));
  const typeCount = model.types.map((t, i) => model.nodes.filter((n) => n.type === i).length);
  const types = model.types.map((t, i) => ({ name: t.name, count: typeCount[i], color: t.border })).filter((t) => t.count);
  const countrySelect = el("select", { id: "filter-countries", multiple: "", size: "6" });
  for (const c of [...model.countries].sort((a, b) => a.name.localeCompare(b.name))) {
    const o = el("option", { value: c.id, text: c.name });
    o.selected = f.countries.includes(c.id);
    countrySelect.append(o);
  }
  countrySelect.addEventListener("change", () => update({ countries: [...countrySelect.selectedOptions].map((o) => o.value) }));
  const dates = model.dates;
  const dateIndex = (d, fallback) => (d ? Math.max(0, dates.findIndex((x) => x >= d)) : fallback);
  const last = Math.max(dates.length - 1, 0);
  let since = dateIndex(f.since, 0);
  let until = f.until ? dates.reduce((acc, x, i) => (x <= f.until ? i : acc), last) : last;
  const setDates = () => update({ since: since > 0 ? dates[since] : "", until: until < last ? dates[until] : "" });
  filtersPane.replaceChildren(
    el("h2", { text: "Filters" }),
    checkList("predicates", predicates, f.predicates, (on) => update({ predicates: on })),
    checkList("types", types, f.types, (on) => update({ types: on })),
    el("fieldset", {}, el("legend", { text: "countries" }), countrySelect,
       el("small", { text: "relations of these states and of their people, places and bodies" })),
    el("fieldset", { id: "filter-dates" }, el("legend", { text: "dates" }),
       dates.length ? rangeRow("since", "from", 0, last, 1, since, (i) => readableDate(dates[i]), (i) => { since = Math.min(i, until); setDates(); }) : el("small", { text: "no dated evidence" }),
       dates.length ? rangeRow("until", "to", 0, last, 1, until, (i) => readableDate(dates[i]), (i) => { until = Math.max(i, since); setDates(); }) : null),
    el("fieldset", {}, el("legend", { text: "confidence" }),
       rangeRow("confidence", "at least", 0, 1, 0.05, f.minConfidence, (x) => x.toFixed(2), (x) => update({ minConfidence: x }))));
}

function renderLegend() {
  const items = [];
  const typesUsed = new Set(model.nodes.map((n) => n.type));
  model.types.forEach((t, i) => { if (typesUsed.has(i)) items.push({ name: t.name, color: t.border }); });
  const familiesUsed = new Set(model.edges.map((e) => e.predicate.family));
  model.families.forEach((f, i) => { if (familiesUsed.has(i)) items.push({ name: f.name, color: f.line, line: true }); });
  legend.replaceChildren(...items.map((i) => el("span", { class: "key" }, swatch(i.color, i.line), ` ${i.name}`)));
  return items;
}

// ---------------------------------------------------------------------------
// Panels

function nodeLink(n) {
  return el("a", { href: "#", class: "entity", text: n.name, onclick: (ev) => { ev.preventDefault(); selectNode(n.index); } });
}

function edgeTitle(e) {
  return el("span", {}, nodeLink(model.nodes[e.s]), ` ${e.predicate.name} `, nodeLink(model.nodes[e.t]));
}

function definition(list, term, value) {
  if (value === null || value === undefined || value === "") return;
  list.append(el("dt", { text: term }), el("dd", {}, value));
}

function evidenceItem(ev) {
  const article = ev.a >= 0 ? model.articles[ev.a] : null;
  const meta = el("div", { class: "meta" });
  if (article) meta.append(safeLink(article.url, article.title || article.id));
  if (ev.date) meta.append(el("span", { class: "date", text: ev.date }));
  meta.append(el("span", { text: `confidence ${ev.conf.toFixed(2)}` }));
  if (ev.title) meta.append(el("span", { text: `title: ${ev.title}` }));
  if (ev.what) meta.append(el("span", { text: `what: ${ev.what}` }));
  if (ev.bg) meta.append(el("span", { text: "background knowledge" }));
  return el("li", { class: "evidence" }, el("q", { class: "sentence", text: ev.text }), meta);
}

function edgeDetails(e) {
  const facts = el("dl", {});
  definition(facts, "CAMEO", e.predicate.cameo || "none");
  definition(facts, "Goldstein", e.predicate.cameo ? String(e.predicate.goldstein) : "none");
  definition(facts, "confidence", e.conf.toFixed(2));
  definition(facts, "articles", String(e.articles));
  return [el("h3", {}, edgeTitle(e)), facts,
          el("ol", { class: "evidence-list" }, ...e.ev.map(evidenceItem))];
}

function showEdge(e) {
  panel.replaceChildren(el("section", { id: "edge-panel" }, el("h2", { text: "Relation" }), ...edgeDetails(e)));
}

function showNode(n) {
  const facts = el("dl", {});
  definition(facts, "type", model.types[n.type].name + (n.subtype ? ` · ${n.subtype}` : ""));
  definition(facts, "code", n.code);
  definition(facts, "id", n.id);
  definition(facts, "aliases", n.aliases.join(", "));
  definition(facts, "degree", `${n.degree} (${neighbours(model, n.index, shown.edgeShown).size} neighbours shown)`);
  const held = offices(model, n);
  const expanded = state.filters.expanded.includes(n.id);
  const section = el("section", { id: "node-panel" },
    el("h2", { class: "name", text: n.name }), facts,
    el("div", { class: "actions" },
      el("button", { type: "button", id: "expand", text: expanded ? "Collapse neighbourhood" : "Expand neighbourhood",
                     onclick: () => toggleExpanded(n.id) }),
      el("button", { type: "button", text: "Path from here", onclick: () => openPath(n.index, null) }),
      el("button", { type: "button", text: "Path to here", onclick: () => openPath(null, n.index) })));
  if (held.length)
    section.append(el("h3", { text: "Offices" }), el("ul", { class: "offices" }, ...held.map((o) =>
      el("li", {}, `${o.titles.join(" / ") || "office"} of `, nodeLink(o.of),
         o.first ? ` (${o.first}${o.last !== o.first ? ` – ${o.last}` : ""})` : ""))));
  const relations = n.edges.slice(0, 60);
  section.append(el("h3", { text: `Relations (${n.edges.length})` }), el("ul", { class: "relations" }, ...relations.map((e) =>
    el("li", {}, el("a", { href: "#", text: `${model.nodes[e.s].name} ${e.predicate.name} ${model.nodes[e.t].name}`,
                          onclick: (ev) => { ev.preventDefault(); selectEdge(e.index); } })))));
  const articles = articlesOf(model, n);
  section.append(el("h3", { text: `Articles (${articles.length})` }), el("ul", { class: "articles" }, ...articles.map((a) =>
    el("li", {}, a.date ? el("span", { class: "date", text: `${a.date} ` }) : null, safeLink(a.url, a.title || a.id)))));
  panel.replaceChildren(section);
}

function showOverview() {
  panel.replaceChildren(el("section", { id: "overview" },
    el("h2", { text: "Explore" }),
    el("p", { text: `${model.nodes.length} entities, ${model.edges.length} relations from ${model.articles.length} articles.` }),
    el("p", { text: "Search a name, click an entity or a relation for its evidence, filter on the left, " +
                    "or find how two entities connect with Path…. The address keeps the view: copy it to share." })));
}

// ---------------------------------------------------------------------------
// Path mode

let pathEnds = [null, null];

function openPath(from, to) {
  if (from !== null) pathEnds[0] = from;
  if (to !== null) pathEnds[1] = to;
  const fromInput = el("input", { id: "path-from", type: "search", placeholder: "from…", autocomplete: "off" });
  const toInput = el("input", { id: "path-to", type: "search", placeholder: "to…", autocomplete: "off" });
  if (pathEnds[0] !== null) fromInput.value = model.nodes[pathEnds[0]].name;
  if (pathEnds[1] !== null) toInput.value = model.nodes[pathEnds[1]].name;
  const result = el("div", { id: "path-result" });
  panel.replaceChildren(el("section", { id: "path-panel" }, el("h2", { text: "Path" }),
    el("p", { text: "The fewest-hop chain of shown relations, walked in either direction (as irkg path)." }),
    el("div", { class: "search-box" }, fromInput), el("div", { class: "search-box" }, toInput),
    el("div", { class: "actions" }, el("button", { type: "button", id: "path-find", text: "Find path", onclick: () => findPath() }),
       el("button", { type: "button", text: "Clear", onclick: () => { pathEnds = [null, null]; setState({ path: null }); openPath(null, null); } })),
    result));
  searchBox(fromInput, (i) => { pathEnds[0] = i; });
  searchBox(toInput, (i) => { pathEnds[1] = i; });
  if (pathEnds[0] !== null && pathEnds[1] !== null) findPath();
}

function findPath() {
  const [from, to] = pathEnds;
  if (from === null || to === null) return;
  setState({ path: [model.nodes[from].id, model.nodes[to].id], selected: null, edge: null });
  const result = document.getElementById("path-result");
  if (!result) return;
  result.dataset.path = state.path.join(",");
  if (!pathResult) {
    result.replaceChildren(el("p", { class: "none", text: "No path within 6 hops through the shown relations." }));
    return;
  }
  result.replaceChildren(el("p", { text: `${pathResult.hops.length} hop${pathResult.hops.length === 1 ? "" : "s"}` }),
    el("ol", { class: "hops" }, ...pathResult.hops.map((h) => el("li", {}, ...edgeDetails(h.edge)))));
}

function computePath() {
  pathResult = null;
  if (!state.path) return;
  const [from, to] = state.path.map((id) => model.byId.get(id).index);
  const { edgeOk, nodeOk } = filterTests(model, state.filters);
  pathResult = shortestPath(model, from, to, { edgeOk, nodeOk });
}

// ---------------------------------------------------------------------------
// State, drawing and events

const graph = buildGraph();
performance.mark("irkg-graph");
const renderer = new Sigma(graph, container, {
  enableEdgeEvents: true,
  renderEdgeLabels: false,
  labelRenderedSizeThreshold: 7,
  labelFont: "DejaVu Sans, sans-serif",
  zIndex: true,
  nodeReducer: (key, attributes) => {
    const i = Number(key);
    if (!shown.nodeShown[i] && !(highlight && highlight.nodes.has(i))) return { ...attributes, hidden: true };
    if (!highlight) return attributes;
    if (highlight.nodes.has(i)) return { ...attributes, forceLabel: true, highlighted: highlight.focus === i, zIndex: 1 };
    return { ...attributes, color: DIM_NODE, label: "", zIndex: 0 };
  },
  edgeReducer: (key, attributes) => {
    const i = Number(key);
    if (!shown.edgeShown[i] && !(highlight && highlight.edges.has(i))) return { ...attributes, hidden: true };
    if (!highlight) return attributes;
    if (highlight.edges.has(i)) return { ...attributes, color: highlight.path ? HIGHLIGHT_EDGE : attributes.color,
                                         size: attributes.size + 1, zIndex: 1 };
    return { ...attributes, color: DIM_EDGE, zIndex: 0 };
  },
});

drawLabelsApart(renderer);
performance.mark("irkg-sigma");

function computeHighlight() {
  highlight = null;
  if (pathResult) {
    highlight = { nodes: new Set(pathResult.nodes), edges: new Set(pathResult.hops.map((h) => h.edge.index)), path: true };
  } else if (state.edge !== null) {
    const e = model.edges[state.edge];
    highlight = { nodes: new Set([e.s, e.t]), edges: new Set([e.index]) };
  } else if (state.selected) {
    const n = model.byId.get(state.selected);
    const edges = new Set(n.edges.filter((e) => shown.edgeShown[e.index]).map((e) => e.index));
    highlight = { nodes: new Set([n.index, ...neighbours(model, n.index, shown.edgeShown)]), edges, focus: n.index };
  }
}

function showCounts() {
  const c = shown.counts;
  counts.dataset.nodes = c.nodes;
  counts.dataset.edges = c.edges;
  counts.dataset.hiddenNodes = c.hiddenNodes;
  counts.dataset.hiddenEdges = c.hiddenEdges;
  counts.textContent = `entities ${c.nodes} shown, ${c.hiddenNodes} hidden · relations ${c.edges} shown, ${c.hiddenEdges} hidden`;
}

function setState(change) {
  state = { ...state, ...change };
  shown = visibility(model, state.filters);
  computePath();
  computeHighlight();
  showCounts();
  renderer.refresh();
  const fragment = encodeState(state);
  history.replaceState(null, "", fragment ? `#${fragment}` : location.pathname + location.search);
}

function update(filterChange) {
  setState({ filters: { ...state.filters, ...filterChange } });
}

function centreOn(index) {
  const d = renderer.getNodeDisplayData(String(index));
  if (d) renderer.getCamera().animate({ x: d.x, y: d.y, ratio: Math.min(renderer.getCamera().ratio, 0.5) }, { duration: 300 });
}

function selectNode(index) {
  setState({ selected: model.nodes[index].id, edge: null, path: null });
  showNode(model.nodes[index]);
  centreOn(index);
}

function selectEdge(index) {
  setState({ edge: index, selected: null, path: null });
  showEdge(model.edges[index]);
}

function toggleExpanded(id) {
  const expanded = state.filters.expanded.includes(id)
    ? state.filters.expanded.filter((x) => x !== id) : [...state.filters.expanded, id];
  update({ expanded });
  showNode(model.byId.get(id));
}

renderer.on("clickNode", ({ node }) => selectNode(Number(node)));
renderer.on("clickEdge", ({ edge }) => selectEdge(Number(edge)));
renderer.on("clickStage", () => { setState({ selected: null, edge: null }); if (!state.path) showOverview(); });
renderer.on("enterNode", () => container.classList.add("pointing"));
renderer.on("leaveNode", () => container.classList.remove("pointing"));
renderer.on("enterEdge", () => container.classList.add("pointing"));
renderer.on("leaveEdge", () => container.classList.remove("pointing"));

searchBox(search, (i) => selectNode(i));
pathButton.addEventListener("click", () => openPath(null, null));
const layout = liveLayout(graph);
function showLayoutRunning() {
  layoutButton.textContent = layout.running() ? "Stop layout" : "Live layout";
  layoutButton.setAttribute("aria-pressed", String(layout.running()));
}
layoutButton.addEventListener("click", () => {
  if (layout.running()) layout.stop();
  else layout.start();
  showLayoutRunning();
});
resetButton.addEventListener("click", () => {
  layout.restore();
  showLayoutRunning();
  pathEnds = [null, null];
  search.value = "";
  state = emptyState();
  setState({ filters: emptyFilters() });
  renderFilters();
  showOverview();
  renderer.getCamera().animatedReset({ duration: 300 });
});
const legendItems = renderLegend();
const stamp = () => new Date().toISOString().slice(0, 19).replace(/[:T]/g, "-");
const exportPng = () => viewAsPng(renderer);
const exportSvg = () => viewAsSvg(renderer, graph, legendItems);
pngButton.addEventListener("click", () => download(exportPng(), `irkg-view-${stamp()}.png`));
svgButton.addEventListener("click", () => {
  const url = URL.createObjectURL(new Blob([exportSvg()], { type: "image/svg+xml" }));
  download(url, `irkg-view-${stamp()}.svg`);
  setTimeout(() => URL.revokeObjectURL(url), 1000);
});

// The view the address names: on load, and when the fragment is edited
// or pasted into an open page (the page's own updates replace the address
// without raising hashchange).
function applyFragment() {
  state = decodeState(location.hash, model);
  pathEnds = state.path ? state.path.map((id) => model.byId.get(id).index) : [null, null];
  renderFilters();
  setState({});
  if (state.path) openPath(null, null);
  else if (state.edge !== null) showEdge(model.edges[state.edge]);
  else if (state.selected) {
    showNode(model.byId.get(state.selected));
    centreOn(model.byId.get(state.selected).index);
  } else showOverview();
}
applyFragment();
window.addEventListener("hashchange", applyFragment);

// The first frame with every shown entity drawn (sigma draws all in one
// pass): what bench/viewer_bench.mjs times, and what the tests wait for.
renderer.once("afterRender", () => {
  window.irkgFirstFrame = performance.now();
  document.body.dataset.ready = "1";
});
renderer.refresh();

// For the browser tests and the bench: the page's objects, read-only use.
window.irkgViewer = { model, graph, renderer, layout, state: () => state, exportPng, exportSvg };
