// The viewer in a real browser, on a graph built from a corpus (the dev
// corpus beside the repository when there is one, else examples/): counts
// against `irkg stats`, search and the entity panel, a click on a relation
// drawn on the canvas, filters, expansion, path mode against `irkg path
// --json`, exports, the address fragment and the live layout; no console
// error anywhere.
// Screenshots go to --out for a person to look at.
import fs from "node:fs";
import path from "node:path";
import { expect, irkg, launch, openPage, options } from "./browser.mjs";

const { irkg: binary, corpus, out } = options();
fs.mkdirSync(out, { recursive: true });
const graphFile = path.join(out, "graph.jsonld");
const page1 = path.join(out, "graph.html");
const page2 = path.join(out, "graph-again.html");
irkg(binary, "build", corpus, "-o", graphFile, "--quiet");
irkg(binary, "view", graphFile, "-o", page1, "--title", "irkg viewer test");
irkg(binary, "view", graphFile, "-o", page2, "--title", "irkg viewer test");
expect(fs.readFileSync(page1).equals(fs.readFileSync(page2)), "two runs of irkg view write the same page");

const stats = JSON.parse(irkg(binary, "stats", graphFile, "--json"));
const entities = JSON.parse(irkg(binary, "entities", graphFile, "--json"));
const list = Array.isArray(entities) ? entities : entities.entities;
const degreeOf = new Map(list.map((e) => [e.id, e.degree]));
const shot = (page, name) => page.screenshot({ path: path.join(out, `${name}.png`) });
const counts = (page) => page.$eval("#counts", (e) => ({ ...e.dataset }));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const browser = await launch();
const allProblems = [];
try {
  // --- counts
  let { page, problems } = await openPage(browser, page1);
  allProblems.push(problems);
  let c = await counts(page);
  expect(Number(c.nodes) === stats.entities, `entities shown ${c.nodes} = irkg stats ${stats.entities}`);
  expect(Number(c.edges) === stats.edges, `relations shown ${c.edges} = irkg stats ${stats.edges}`);
  expect(Number(c.hiddenNodes) === 0 && Number(c.hiddenEdges) === 0, "nothing hidden before any filter");
  await shot(page, "01-overview");

  // --- search: part of the best-connected entity's name, pick it, read the panel
  const hub = [...list].sort((a, b) => b.degree - a.degree || (a.id < b.id ? -1 : 1))[0];
  await page.type("#search", hub.name.slice(0, Math.max(3, hub.name.length - 2)));
  await page.waitForSelector(".completions li");
  const picked = await page.$$eval(".completions li .name", (names, want) => {
    const i = names.findIndex((n) => n.textContent === want);
    if (i >= 0) names[i].parentElement.dispatchEvent(new MouseEvent("mousedown", { bubbles: true }));
    return i;
  }, hub.name);
  expect(picked >= 0, `search completes "${hub.name}"`);
  await page.waitForSelector("#node-panel");
  const panel = await page.$eval("#node-panel", (p) => ({
    name: p.querySelector("h2").textContent,
    facts: Object.fromEntries([...p.querySelectorAll("dt")].map((dt) => [dt.textContent, dt.nextElementSibling.textContent])),
    articles: p.querySelectorAll(".articles li").length,
  }));
  expect(panel.name === hub.name, `the panel names ${hub.name}`);
  expect(panel.facts.type.startsWith(hub.type), `the panel gives the type ${hub.type}`);
  expect(panel.facts.id === hub.id, "the panel gives the id");
  expect(panel.facts.degree.startsWith(`${hub.degree} `), `the panel's degree ${panel.facts.degree} is irkg's ${hub.degree}`);
  expect(panel.articles > 0, `the panel lists ${panel.articles} articles`);
  expect((await page.evaluate(() => location.hash)).includes(`node=${encodeURIComponent(hub.id)}`), "the address keeps the selection");
  await sleep(400);
  await shot(page, "02-search");

  // --- expand the neighbourhood: the entity and its neighbours only
  await page.click("#expand");
  c = await counts(page);
  const neighbours = await page.evaluate((id) => {
    const { model } = window.irkgViewer;
    const n = model.byId.get(id);
    return new Set(n.edges.map((e) => (e.s === n.index ? e.t : e.s)).filter((i) => i !== n.index)).size;
  }, hub.id);
  expect(Number(c.nodes) === neighbours + 1, `expanded: ${c.nodes} entities = ${hub.name} and its ${neighbours} neighbours`);
  await page.click("#expand");  // collapse
  c = await counts(page);
  expect(Number(c.nodes) === stats.entities, "collapsed: the whole graph again");

  // --- click a relation on the canvas, where no other relation or entity is near
  // (a fresh page: its camera frames the whole graph and stands still)
  ({ page, problems } = await openPage(browser, page1));
  allProblems.push(problems);
  const candidates = await page.evaluate(() => {
    const { renderer, graph, model } = window.irkgViewer;
    const at = (n) => renderer.framedGraphToViewport(renderer.getNodeDisplayData(n));
    const segments = [];
    graph.forEachEdge((e, a, s, t) => segments.push({ e, p: at(s), q: at(t) }));
    const dist = (m, { p, q }) => {
      const dx = q.x - p.x, dy = q.y - p.y;
      const k = Math.max(0, Math.min(1, ((m.x - p.x) * dx + (m.y - p.y) * dy) / (dx * dx + dy * dy || 1)));
      return Math.hypot(m.x - p.x - k * dx, m.y - p.y - k * dy);
    };
    const nodes = graph.nodes().map(at);
    // The relations by how clear of the others their midpoints stand, the
    // clearest first: how many stand clear depends on the corpus's layout,
    // not on the viewer, so take the best the layout offers.
    const clearance = (seg) => {
      const m = { x: (seg.p.x + seg.q.x) / 2, y: (seg.p.y + seg.q.y) / 2 };
      let c = Math.min(...nodes.map((n) => Math.hypot(n.x - m.x, n.y - m.y) / 2.5));
      for (const o of segments) if (o !== seg) c = Math.min(c, dist(m, o));
      return { seg, m, c };
    };
    const ranked = segments
      .filter((seg) => Math.hypot(seg.q.x - seg.p.x, seg.q.y - seg.p.y) >= 40)
      .map(clearance)
      .filter((r) => r.c >= 4)
      .sort((a, b) => b.c - a.c);
    const found = [];
    for (const { seg, m } of ranked) {
      if (found.length >= 8) break;
      // Where sigma's own picking finds it (thin lines may round away).
      if (renderer.getEdgeAtPoint(m.x, m.y) !== seg.e) continue;
      // and where no overlay (the legend, a label box) covers the canvas
      const frame = document.querySelector("#graph");
      const box = frame.getBoundingClientRect();
      const top = document.elementFromPoint(box.left + m.x, box.top + m.y);
      if (!top || !frame.contains(top)) continue;
      const edge = model.edges[Number(seg.e)];
      found.push({ x: m.x, y: m.y, edge: edge.index, sentence: edge.ev[0].text,
                   title: `${model.nodes[edge.s].name} ${edge.predicate.name} ${model.nodes[edge.t].name}` });
    }
    return found;
  });
  expect(candidates.length > 0, "some relation stands clear of the others on the canvas");
  const box = await (await page.$("#graph")).boundingBox();
  // A real click on the canvas; the first clear relation whose click sigma
  // takes (a label drawn over a line can take it) is the one checked.
  let target = null;
  for (const candidate of candidates) {
    await page.mouse.click(box.x + candidate.x, box.y + candidate.y);
    if (await page.waitForSelector("#edge-panel", { timeout: 3000 }).then(() => true, () => false)) {
      target = candidate;
      break;
    }
  }
  expect(target !== null, "a click on a drawn relation opens its panel");
  const edgePanel = await page.$eval("#edge-panel", (p) => ({
    title: p.querySelector("h3").textContent,
    sentences: [...p.querySelectorAll(".sentence")].map((q) => q.textContent),
    facts: Object.fromEntries([...p.querySelectorAll("dt")].map((dt) => [dt.textContent, dt.nextElementSibling.textContent])),
  }));
  expect(edgePanel.title === target.title, `clicking the canvas opens "${target.title}"`);
  expect(edgePanel.sentences.includes(target.sentence), "the panel quotes its evidence sentence");
  expect("CAMEO" in edgePanel.facts && "Goldstein" in edgePanel.facts && "confidence" in edgePanel.facts,
         "the panel gives CAMEO, Goldstein and confidence");
  await shot(page, "03-edge");
  const edgeHash = await page.evaluate(() => location.hash);
  expect(edgeHash.includes(`edge=${target.edge}`), "the address keeps the relation");

  // --- a shared address opens the same view
  ({ page, problems } = await openPage(browser, page1, edgeHash));
  allProblems.push(problems);
  expect((await page.$eval("#edge-panel h3", (h) => h.textContent)) === target.title, "the address reopens the relation");

  // --- a predicate filter: the relations of that predicate go
  const dropped = Object.entries(stats.by_predicate).sort((a, b) => b[1] - a[1])[0];
  await page.$eval(`#filter-predicates input[value="${dropped[0]}"]`, (i) => i.click());
  c = await counts(page);
  expect(Number(c.edges) === stats.edges - dropped[1], `without ${dropped[0]}: ${c.edges} = ${stats.edges} - ${dropped[1]} relations`);
  expect(Number(c.hiddenEdges) === dropped[1], "the hidden relations are counted");
  // (On a small corpus every entity may keep another relation.)
  expect(Number(c.nodes) <= stats.entities && Number(c.hiddenNodes) === stats.entities - Number(c.nodes),
         `entities left without a relation are hidden (${c.nodes} shown, ${c.hiddenNodes} hidden)`);
  await shot(page, "04-filter");
  const filterHash = await page.evaluate(() => location.hash);
  ({ page, problems } = await openPage(browser, page1, filterHash));
  allProblems.push(problems);
  const again = await counts(page);
  expect(again.edges === c.edges && again.nodes === c.nodes, "the address reopens the filtered view");
  const unchecked = await page.$eval(`#filter-predicates input[value="${dropped[0]}"]`, (i) => !i.checked);
  expect(unchecked, "and its checkboxes");

  // --- types, dates, confidence each narrow the view
  ({ page, problems } = await openPage(browser, page1));
  allProblems.push(problems);
  await page.$eval('#filter-types input[value="Person"]', (i) => i.click());
  c = await counts(page);
  expect(Number(c.nodes) <= stats.entities - stats.by_type.Person, `no Person shown (${c.nodes} entities)`);
  await page.$eval('#filter-types input[value="Person"]', (i) => i.click());
  const setRange = (id, value) => page.$eval(`#${id}`, (i, v) => {
    i.value = v;
    i.dispatchEvent(new Event("input", { bubbles: true }));
  }, value);
  const dates = await page.evaluate(() => window.irkgViewer.model.dates.length);
  if (dates > 2) {
    await setRange("until", Math.floor(dates / 2));
    c = await counts(page);
    expect(Number(c.edges) < stats.edges, `an earlier end date hides relations (${c.edges} shown)`);
    await setRange("until", dates - 1);
  }
  await setRange("confidence", 0.9);
  c = await counts(page);
  expect(Number(c.edges) < stats.edges, `confidence at least 0.9 hides relations (${c.edges} shown)`);
  await setRange("confidence", 0);
  c = await counts(page);
  expect(Number(c.edges) === stats.edges, "back to all relations");

  // --- exports of the current view
  const png = await page.evaluate(() => window.irkgViewer.exportPng());
  expect(png.startsWith("data:image/png;base64,") && png.length > 5000, `PNG export (${png.length} characters)`);
  fs.writeFileSync(path.join(out, "05-export.png"), Buffer.from(png.split(",")[1], "base64"));
  const svg = await page.evaluate(() => window.irkgViewer.exportSvg());
  const circles = (svg.match(/<circle /g) || []).length;
  const legendTypes = Object.keys(stats.by_type).length;
  expect(circles === stats.entities + legendTypes, `SVG export draws ${circles - legendTypes} entities and a legend`);
  fs.writeFileSync(path.join(out, "05-export.svg"), svg);

  // --- the live layout: started, entities move from frame to frame; stopped,
  // they stay; Reset view puts them back where sfdp placed them
  ({ page, problems } = await openPage(browser, page1));
  allProblems.push(problems);
  const positions = () => page.evaluate(() => {
    const { graph } = window.irkgViewer;
    return graph.mapNodes((n, a) => [a.x, a.y]);
  });
  const moved = (a, b) => a.filter(([x, y], i) => x !== b[i][0] || y !== b[i][1]).length;
  const sfdp = await positions();
  await page.evaluate(() => {
    window.irkgFrames = 0;
    window.irkgViewer.renderer.on("afterRender", () => { window.irkgFrames++; });
  });
  await page.click("#layout");
  expect(await page.$eval("#layout", (b) => b.getAttribute("aria-pressed")) === "true", "the live layout starts");
  await page.waitForFunction(() => window.irkgFrames >= 3, { timeout: 20000 });
  const early = await positions();
  await sleep(1000);
  const later = await positions();
  const frames = await page.evaluate(() => window.irkgFrames);
  expect(moved(sfdp, early) > sfdp.length / 2, `entities leave their sfdp place (${moved(sfdp, early)} of ${sfdp.length})`);
  expect(moved(early, later) > sfdp.length / 2, `and go on moving (${moved(early, later)} moved within a second, ${frames} frames drawn)`);
  await shot(page, "07-live-layout");
  await page.click("#layout");
  expect(await page.$eval("#layout", (b) => b.getAttribute("aria-pressed")) === "false", "the live layout stops");
  const stopped = await positions();
  await sleep(800);
  expect(moved(stopped, await positions()) === 0, "stopped, nothing moves");
  await page.click("#reset");
  expect(moved(sfdp, await positions()) === 0, "Reset view puts every entity back");

  // --- path mode against irkg path --json, on pairs of well and less connected entities
  const byDegree = [...list].sort((a, b) => b.degree - a.degree || (a.id < b.id ? -1 : 1));
  const few = byDegree.filter((e) => e.degree > 0);
  const picks = [...few.slice(0, 4), few[Math.floor(few.length / 2)], few[few.length - 1]];
  const pairs = [];
  for (let i = 0; i < picks.length; i++) for (let j = i + 1; j < picks.length; j++) pairs.push([picks[i], picks[j]]);
  ({ page, problems } = await openPage(browser, page1));
  allProblems.push(problems);
  let found = 0;
  let longest = null;  // the connected pair with the most hops, typed in below
  for (const [a, b] of pairs) {
    let expected = null;
    try {
      expected = JSON.parse(irkg(binary, "path", graphFile, a.id, b.id, "--json"));
    } catch {
      expected = null;  // no path within irkg's default 6 hops
    }
    // An address pasted into the open page (hashchange) shows the path.
    const ends = `${a.id},${b.id}`;
    await page.evaluate((e) => { location.hash = `path=${encodeURIComponent(e)}`; }, ends);
    await page.waitForFunction((e) => document.getElementById("path-result")?.dataset.path === e, {}, ends);
    const hops = await page.$$eval("#path-result .hops > li > h3", (hs) => hs.map((h) => h.textContent));
    const none = await page.$("#path-result .none");
    if (!expected) {
      expect(none !== null && hops.length === 0, `${a.name} to ${b.name}: no path, as irkg path says`);
      continue;
    }
    found++;
    if (!longest || expected.hops.length > longest[2]) longest = [a, b, expected.hops.length];
    const want = expected.hops.map((h) => `${h.subjectName} ${h.predicate} ${h.objectName}`);
    expect(JSON.stringify(hops) === JSON.stringify(want), `${a.name} to ${b.name}: ${hops.length} hops as irkg path: ${want.join(" | ")}`);
  }
  expect(found >= 3, `${found} of ${pairs.length} pairs connected`);

  // --- path mode through the panel, typed as a person would
  ({ page, problems } = await openPage(browser, page1));
  allProblems.push(problems);
  const [a, b] = longest;
  await page.click("#path-mode");
  for (const [input, entity] of [["#path-from", a], ["#path-to", b]]) {
    await page.type(input, entity.name);
    await page.waitForSelector(`${input} + .completions li`);
    await page.$$eval(`${input} + .completions li .name`, (names, want) => {
      const hit = names.find((n) => n.textContent === want);
      hit.parentElement.dispatchEvent(new MouseEvent("mousedown", { bubbles: true }));
    }, entity.name);
  }
  await page.click("#path-find");
  const typed = await page.$$eval("#path-result .hops > li > h3", (hs) => hs.map((h) => h.textContent));
  const cli = JSON.parse(irkg(binary, "path", graphFile, a.id, b.id, "--json"));
  expect(typed.length === cli.hops.length && typed.length > 0, `typed path ${a.name} to ${b.name}: ${typed.length} hops`);
  const evidence = await page.$$eval("#path-result .sentence", (qs) => qs.length);
  expect(evidence >= typed.length, "each hop shows its evidence");
  await sleep(400);
  await shot(page, "06-path");
} finally {
  await browser.close();
}
const problems = allProblems.flat();
expect(problems.length === 0, `no console error, page error, dialog or request (${problems.join("; ")})`);
console.log(`screenshots in ${out}`);
