// The view's state in the address's fragment, so that a view can be shared
// or bookmarked: the selection, the filters, the expanded entities and the
// path's ends. Only what differs from the default is written.
import { emptyFilters } from "./model.js";

const LIST = ",";

export function emptyState() {
  return { selected: null, edge: null, filters: emptyFilters(), path: null };
}

function list(text) {
  return text ? text.split(LIST).filter((s) => s) : [];
}

// Entity ids hold no comma ("country/AZE", "person/a-b"), names may: ids
// are what the fragment keeps.
export function encodeState(state) {
  const p = new URLSearchParams();
  const f = state.filters;
  if (state.selected) p.set("node", state.selected);
  if (state.edge !== null) p.set("edge", String(state.edge));
  if (f.predicates) p.set("predicates", f.predicates.join(LIST));
  if (f.types) p.set("types", f.types.join(LIST));
  if (f.countries.length) p.set("countries", f.countries.join(LIST));
  if (f.since) p.set("since", f.since);
  if (f.until) p.set("until", f.until);
  if (f.minConfidence > 0) p.set("confidence", String(f.minConfidence));
  if (f.expanded.length) p.set("expanded", f.expanded.join(LIST));
  if (state.path) p.set("path", state.path.join(LIST));
  return p.toString();
}

// Reads a fragment back; what names nothing in `model` is dropped.
export function decodeState(fragment, model) {
  const p = new URLSearchParams(fragment.replace(/^#/, ""));
  const state = emptyState();
  const f = state.filters;
  const known = (id) => model.byId.has(id);
  if (p.has("node") && known(p.get("node"))) state.selected = p.get("node");
  const edge = Number.parseInt(p.get("edge") ?? "", 10);
  if (Number.isInteger(edge) && edge >= 0 && edge < model.edges.length) state.edge = edge;
  const predicateNames = new Set(model.predicates.map((x) => x.name));
  const typeNames = new Set(model.types.map((x) => x.name));
  if (p.has("predicates")) f.predicates = list(p.get("predicates")).filter((x) => predicateNames.has(x));
  if (p.has("types")) f.types = list(p.get("types")).filter((x) => typeNames.has(x));
  f.countries = list(p.get("countries")).filter(known);
  f.since = p.get("since") ?? "";
  f.until = p.get("until") ?? "";
  const confidence = Number.parseFloat(p.get("confidence") ?? "0");
  f.minConfidence = confidence >= 0 && confidence <= 1 ? confidence : 0;
  f.expanded = list(p.get("expanded")).filter(known);
  const path = list(p.get("path")).filter(known);
  if (path.length === 2) state.path = path;
  return state;
}
