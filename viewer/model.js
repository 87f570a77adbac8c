// The page's data logic, with no DOM and no drawing: the graph as irkg wrote
// it (export/viewer.cpp), what the filters let through, the neighbourhood
// of an entity and the fewest-hop path, decided exactly as `irkg path` does.

const HOLDS_POSITION = "holdsPosition";
// Relations that tie an entity to a state, for the country filter: a
// person's office, a place's or a body's location, a membership.
const COUNTRY_TIES = new Set(["holdsPosition", "locatedIn", "memberOf"]);

// Compared without case or accents, as irkg's NameKey does.
export function searchKey(text) {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

// -1, 0 or 1 as irkg's CompareDates: dates name periods, compared on the
// precision both have, so "2023" overlaps "2023-06-12" and "195" (the
// 1950s) overlaps "1956".
export function compareDates(a, b) {
  const n = Math.min(a.length, b.length);
  const x = a.slice(0, n);
  const y = b.slice(0, n);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function loadModel(data) {
  const predicates = data.predicates;
  const nodes = data.nodes.map((n, index) => ({ ...n, index, degree: 0, edges: [], countries: new Set() }));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const countryType = data.types.findIndex((t) => t.name === "Country");
  const dateSet = new Set();
  const edges = data.edges.map((e, index) => {
    const predicate = predicates[e.p];
    const dates = e.ev.map((ev) => ev.date).filter((d) => d);
    dates.forEach((d) => dateSet.add(d));
    return { ...e, index, predicate, dates };
  });
  for (const e of edges) {
    nodes[e.s].degree++;
    nodes[e.t].degree++;
    nodes[e.s].edges.push(e);
    if (e.t !== e.s) nodes[e.t].edges.push(e);
  }
  for (const n of nodes) {
    if (n.type === countryType) n.countries.add(n.index);
    for (const e of n.edges)
      if (e.s === n.index && COUNTRY_TIES.has(e.predicate.name) && nodes[e.t].type === countryType)
        n.countries.add(e.t);
  }
  const searchable = [];
  for (const n of nodes) {
    searchable.push({ key: searchKey(n.name), text: n.name, node: n.index, alias: false });
    for (const a of n.aliases) searchable.push({ key: searchKey(a), text: a, node: n.index, alias: true });
  }
  return {
    title: data.title,
    types: data.types,
    families: data.families,
    predicates,
    articles: data.articles,
    nodes,
    edges,
    byId,
    searchable,
    countries: nodes.filter((n) => n.type === countryType),
    dates: [...dateSet].sort(),
  };
}

// Names and aliases that contain `text`, those that start with it first,
// then canonical names before aliases, then shorter, then by name.
export function complete(model, text, limit = 12) {
  const key = searchKey(text.trim());
  if (!key) return [];
  const hits = [];
  const seen = new Set();
  for (const entry of model.searchable) {
    const at = entry.key.indexOf(key);
    if (at < 0) continue;
    hits.push({ ...entry, rank: [at === 0 ? 0 : 1, entry.alias ? 1 : 0, entry.key.length, entry.key] });
  }
  hits.sort((a, b) => {
    for (let i = 0; i < a.rank.length; i++) if (a.rank[i] !== b.rank[i]) return a.rank[i] < b.rank[i] ? -1 : 1;
    return a.node - b.node;
  });
  const out = [];
  for (const h of hits) {
    if (seen.has(h.node)) continue;
    seen.add(h.node);
    out.push(h);
    if (out.length === limit) break;
  }
  return out;
}

// The filter state every view starts from: everything shown.
export function emptyFilters() {
  return { predicates: null, types: null, countries: [], since: "", until: "", minConfidence: 0, expanded: [] };
}

// Tests on one relation or entity alone, before neighbourhoods and paths.
export function filterTests(model, filters) {
  const predicateOk = filters.predicates ? new Set(filters.predicates) : null;
  const typeOk = filters.types ? new Set(filters.types) : null;
  const countries = new Set(filters.countries.map((id) => model.byId.get(id)?.index).filter((i) => i !== undefined));
  const dated = filters.since || filters.until;
  const nodeOk = (i) => !typeOk || typeOk.has(model.types[model.nodes[i].type].name);
  const tiedToCountry = (i) => [...model.nodes[i].countries].some((c) => countries.has(c));
  const edgeOk = (e) =>
    (!predicateOk || predicateOk.has(e.predicate.name)) &&
    e.conf >= filters.minConfidence &&
    (!dated || e.dates.some((d) => (!filters.since || compareDates(d, filters.since) >= 0) &&
                                   (!filters.until || compareDates(d, filters.until) <= 0))) &&
    (countries.size === 0 || tiedToCountry(e.s) || tiedToCountry(e.t));
  return { nodeOk, edgeOk, countries, tiedToCountry, narrowed: countries.size > 0 };
}

// What the view shows: flags per entity and relation, and the counts.
// A relation is shown when it passes the filters and both its ends do; an
// entity when it passes and keeps a shown relation, or never had one (a
// filter that hides its relations hides it too). With entities expanded,
// only they and their neighbours through shown relations are.
export function visibility(model, filters) {
  const { nodeOk, edgeOk, countries, tiedToCountry } = filterTests(model, filters);
  const nodeCount = model.nodes.length;
  const nodeShown = new Uint8Array(nodeCount);
  const edgeShown = new Uint8Array(model.edges.length);
  const passes = (e) => nodeOk(e.s) && nodeOk(e.t) && edgeOk(e);
  let within = null;
  const expanded = filters.expanded.map((id) => model.byId.get(id)).filter((n) => n);
  if (expanded.length) {
    within = new Uint8Array(nodeCount);
    for (const n of expanded) {
      within[n.index] = 1;
      for (const e of n.edges) if (passes(e)) within[e.s === n.index ? e.t : e.s] = 1;
    }
  }
  for (const e of model.edges) {
    if (!passes(e) || (within && !(within[e.s] && within[e.t]))) continue;
    edgeShown[e.index] = 1;
    nodeShown[e.s] = 1;
    nodeShown[e.t] = 1;
  }
  for (const n of model.nodes) {
    const loneOk = n.degree === 0 && !within && (countries.size === 0 || tiedToCountry(n.index));
    if (nodeOk(n.index) && (loneOk || (within && within[n.index] && expanded.includes(n)))) nodeShown[n.index] = 1;
  }
  let nodes = 0;
  let edges = 0;
  for (const f of nodeShown) nodes += f;
  for (const f of edgeShown) edges += f;
  return {
    nodeShown,
    edgeShown,
    counts: { nodes, edges, hiddenNodes: nodeCount - nodes, hiddenEdges: model.edges.length - edges },
  };
}

// The entities one shown relation away from `index`.
export function neighbours(model, index, edgeShown) {
  const out = new Set();
  for (const e of model.nodes[index].edges) if (edgeShown[e.index]) out.add(e.s === index ? e.t : e.s);
  return out;
}

// The fewest-hop path from `from` to `to` (entity indices) within maxHops,
// walking relations in either direction, as `irkg path` finds it: among
// equally short paths, each step goes to the neighbour one hop nearer the
// goal with the smallest id (an entity's index is its rank by id), then
// the smaller predicate, then the relation walked forward. `edgeOk` and
// `nodeOk` say what may be walked; the two ends always may. Returns
// {nodes: [indices], hops: [{edge, forward}]} or null.
export function shortestPath(model, from, to, { edgeOk = () => true, nodeOk = () => true, maxHops = 6 } = {}) {
  const steps = (v, visit) => {
    for (const e of model.nodes[v].edges) {
      for (const forward of [true, false]) {
        const [a, b] = forward ? [e.s, e.t] : [e.t, e.s];
        if (a !== v) continue;
        if (b !== from && b !== to && !nodeOk(b)) continue;
        if (!edgeOk(e)) continue;
        visit(b, e, forward);
        if (e.s === e.t) break;
      }
    }
  };
  // Hops to the goal, breadth-first from it.
  const toGoal = new Map([[to, 0]]);
  let layer = [to];
  for (let depth = 1; depth <= maxHops && layer.length && !toGoal.has(from); depth++) {
    const next = [];
    for (const v of layer)
      steps(v, (w) => {
        if (toGoal.has(w)) return;
        toGoal.set(w, depth);
        next.push(w);
      });
    layer = next;
  }
  if (!toGoal.has(from)) return null;
  const path = { nodes: [from], hops: [] };
  for (let v = from; v !== to; ) {
    const nearer = toGoal.get(v) - 1;
    let best = null;
    steps(v, (w, e, forward) => {
      if (toGoal.get(w) !== nearer) return;
      const order = [w, e.p, forward ? 0 : 1];
      if (!best || order[0] < best.order[0] || (order[0] === best.order[0] && (order[1] < best.order[1] ||
          (order[1] === best.order[1] && order[2] < best.order[2]))))
        best = { w, e, forward, order };
    });
    path.nodes.push(best.w);
    path.hops.push({ edge: best.e, forward: best.forward });
    v = best.w;
  }
  return path;
}

// The offices an entity's evidence shows it holding: title, where, dates.
export function offices(model, node) {
  const out = [];
  for (const e of node.edges) {
    if (e.s !== node.index || e.predicate.name !== HOLDS_POSITION) continue;
    const titles = [...new Set(e.ev.map((ev) => ev.title).filter((t) => t))].sort();
    const dates = [...e.dates].sort();
    out.push({ edge: e, titles, of: model.nodes[e.t], first: dates[0] || "", last: dates[dates.length - 1] || "" });
  }
  return out;
}

// The articles behind an entity's relations, by date then id.
export function articlesOf(model, node) {
  const seen = new Set();
  for (const e of node.edges) for (const ev of e.ev) if (ev.a >= 0) seen.add(ev.a);
  return [...seen]
    .map((a) => model.articles[a])
    .sort((x, y) => (x.date === y.date ? (x.id < y.id ? -1 : 1) : x.date < y.date ? -1 : 1));
}
