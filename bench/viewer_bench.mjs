// How fast the viewer opens a large graph, in headless chromium (issue 14's
// target: 5,000 entities and 20,000 relations drawn and interactive within
// 3 s of navigation, in a page of at most 15 MB).
//
//   node bench/viewer_bench.mjs --irkg build/irkg --out build/viewer-bench [--runs 5]
//
// Writes a synthetic graph (invented names and sentences, a fixed seed),
// has `irkg view` write its page, then opens the page --runs times, each in
// a fresh tab, and reads the time from navigation start to the page's first
// frame (sigma draws every shown entity in one pass; the page records
// performance.now() after it). Prints the median and a JSON line.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { launch, openPage, options } from "../tests/viewer/browser.mjs";

const opts = options();
const binary = opts.irkg || "build/irkg";
const out = opts.out || "build/viewer-bench";
const runs = Number(opts.runs || 5);
const ENTITIES = Number(opts.entities || 5000);
const RELATIONS = Number(opts.relations || 20000);
fs.mkdirSync(out, { recursive: true });

// A small 32-bit generator (mulberry32) with a fixed seed: the same graph
// on every machine.
let seed = 14;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

// The JSON-LD context irkg writes, taken from a graph of one invented article.
const seedCorpus = path.join(out, "seed.jsonl");
fs.writeFileSync(seedCorpus, JSON.stringify({ id: "seed", text: "Norway criticized Chile." }) + "\n");
const seedGraph = path.join(out, "seed.jsonld");
execFileSync(binary, ["build", seedCorpus, "-o", seedGraph, "--quiet"]);
const context = JSON.parse(fs.readFileSync(seedGraph, "utf8"))["@context"];

const base = "https://w3id.org/irkg/id/";
const types = ["Person", "Organization"];
const predicates = ["supports", "criticizes", "threatens", "sanctions", "attacks"];
const nodes = [];
for (let i = 0; i < ENTITIES; i++) {
  const type = types[i % types.length];
  const name = `Synthetic ${type} ${String(i).padStart(4, "0")}`;
  nodes.push({ "@id": `${base}${type.toLowerCase()}/synthetic-${i}`, "@type": type, name, entityType: type });
}
const ARTICLES = 1000;
const articles = [];
for (let a = 0; a < ARTICLES; a++)
  articles.push({ "@id": `${base}article/synthetic-${a}`, "@type": "Article", doc: `synthetic-${a}`,
                  datePublished: `20${10 + (a % 15)}-0${1 + (a % 9)}-1${a % 10}`, headline: `Synthetic article ${a}` });
const seen = new Set();
const statements = [];
while (statements.length < RELATIONS) {
  // Preferential pairs: a few hubs and a long tail, as news graphs have.
  const s = Math.floor(ENTITIES * random() ** 2);
  const o = Math.floor(ENTITIES * random());
  const p = predicates[Math.floor(random() * predicates.length)];
  const key = `${s} ${p} ${o}`;
  if (s === o || seen.has(key)) continue;
  seen.add(key);
  const sentence = `${nodes[s].name} ${p} ${nodes[o].name} in a synthetic sentence.`;
  const article = Math.floor(random() * ARTICLES);
  statements.push({ "@type": "Statement", subject: nodes[s]["@id"], predicate: p, object: nodes[o]["@id"],
                    confidence: 0.8, articleCount: 1,
                    evidence: [{ article: articles[article]["@id"], text: sentence, start: 0, end: sentence.length,
                                 confidence: 0.8, rule: "synthetic" }] });
}
const graphFile = path.join(out, "synthetic.jsonld");
fs.writeFileSync(graphFile, JSON.stringify({ "@context": context, "@graph": [...nodes, ...statements, ...articles] }));

const page = path.join(out, "synthetic.html");
const viewStart = process.hrtime.bigint();
execFileSync(binary, ["view", graphFile, "-o", page, "--title", "synthetic"]);
const viewSeconds = Number(process.hrtime.bigint() - viewStart) / 1e9;
const bytes = fs.statSync(page).size;

const browser = await launch();
const times = [];
try {
  for (let r = 0; r < runs; r++) {
    const { page: tab, problems } = await openPage(browser, page);
    const { frame, counts, stages } = await tab.evaluate(() => ({
      frame: window.irkgFirstFrame,
      counts: { ...document.getElementById("counts").dataset },
      stages: Object.fromEntries([
        ["html parsed", performance.getEntriesByType("navigation")[0].domInteractive],
        ...performance.getEntriesByType("mark").filter((m) => m.name.startsWith("irkg-")).map((m) => [m.name, m.startTime]),
      ].map(([k, v]) => [k, Math.round(v)])),
    }));
    console.log(`run ${r + 1}: ${Math.round(frame)} ms; stages (ms after navigation): ${JSON.stringify(stages)}`);
    if (Number(counts.nodes) !== ENTITIES || Number(counts.edges) !== RELATIONS)
      throw new Error(`the page shows ${counts.nodes} entities and ${counts.edges} relations`);
    if (problems.length) throw new Error(problems.join("; "));
    if (r === 0) await tab.screenshot({ path: path.join(out, "synthetic.png") });
    times.push(frame);
    await tab.close();
  }
} finally {
  await browser.close();
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
console.log(`viewer: ${ENTITIES} entities, ${RELATIONS} relations; page ${(bytes / 1e6).toFixed(1)} MB, ` +
            `irkg view ${viewSeconds.toFixed(1)} s; first frame after navigation: median ${(median / 1000).toFixed(2)} s ` +
            `over ${runs} runs (${times.map((t) => (t / 1000).toFixed(2)).join(", ")})`);
console.log(JSON.stringify({ entities: ENTITIES, relations: RELATIONS, page_bytes: bytes, irkg_view_s: viewSeconds,
                             first_frame_ms: times, median_first_frame_ms: median }));
