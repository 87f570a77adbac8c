// Hostile text stays text: a graph whose names, aliases, sentences, article
// titles and addresses hold markup, "</script>", quotes and JavaScript
// (all invented here) gives a page where none of it runs and all of it
// reads back literally in the panels.
import fs from "node:fs";
import path from "node:path";
import { expect, irkg, launch, openPage, options } from "./browser.mjs";

const { irkg: binary, out } = options();
fs.mkdirSync(out, { recursive: true });
const corpus = path.join(out, "hostile.jsonl");
const graphFile = path.join(out, "hostile.jsonld");
const page = path.join(out, "hostile.html");

const runs = (n) => `window.__hit=${n}`;
const article = {
  id: "made-up-1",
  title: `</script><script>${runs(1)}</script>`,
  date: "2024-05-03",
  url: `javascript:${runs(2)}`,
  text: "Norway's Foreign Minister Kari Lunde met Chile's Foreign Minister Pablo Rojas in Oslo on Friday. " +
        `Norway criticized Chile over the <img src=x onerror="${runs(3)}"> plan \u2028 and the '</script>' memo.`,
};
fs.writeFileSync(corpus, JSON.stringify(article) + "\n");
irkg(binary, "build", corpus, "-o", graphFile, "--quiet");

// Names can only be this hostile in a graph file: the extractor reads names
// from dictionaries and capitalized words.
const hostileName = `Kari <script>${runs(4)}</script> "Lunde' </SCRIPT><!--`;
const hostileAlias = `<img src=x onerror="${runs(5)}">`;
const graph = JSON.parse(fs.readFileSync(graphFile, "utf8"));
let renamed = 0;
for (const node of graph["@graph"]) {
  if (node.name !== "Kari Lunde") continue;
  node.name = hostileName;
  node.alternateName = [hostileAlias];
  renamed++;
}
expect(renamed === 1, "the invented person is in the graph to rename");
fs.writeFileSync(graphFile, JSON.stringify(graph));
irkg(binary, "view", graphFile, "-o", page, "--title", `<b>${runs(6)}</b>`);

const html = fs.readFileSync(page, "utf8");
expect((html.match(/<script/gi) || []).length === 2, "the page holds its two script elements and no more");
expect(!html.includes("<img"), "no <img> markup in the page's source");

const browser = await launch();
try {
  const { page: p, problems } = await openPage(browser, page);
  const hit = () => p.evaluate(() => window.__hit);
  expect((await hit()) === undefined, "nothing ran on load");
  expect((await p.$$("img")).length === 0 && (await p.$$("script")).length === 2, "no element was made from the data");
  expect((await p.title()) === `<b>${runs(6)}</b>`, "the title reads literally");

  await p.type("#search", "Kari");
  await p.waitForSelector(".completions li");
  const offered = await p.$eval(".completions li .name", (n) => n.textContent);
  expect(offered === hostileName, "the completion shows the name literally");
  await p.keyboard.press("Enter");
  await p.waitForSelector("#node-panel");
  const panel = await p.$eval("#node-panel", (s) => ({
    name: s.querySelector("h2").textContent,
    aliases: [...s.querySelectorAll("dt")].find((dt) => dt.textContent === "aliases")?.nextElementSibling.textContent,
    links: [...s.querySelectorAll(".articles a")].map((a) => a.getAttribute("href")),
    article: s.querySelector(".articles li")?.textContent,
  }));
  expect(panel.name === hostileName, "the panel shows the name literally");
  expect(panel.aliases === hostileAlias, "and the alias");
  expect(panel.links.length === 0, "a javascript: address is no link");
  expect(panel.article.includes(article.title), "the article's title reads literally");

  // Every relation's panel: the sentences read back as written.
  const edges = await p.evaluate(() => window.irkgViewer.model.edges.length);
  let marked = 0;
  for (let i = 0; i < edges; i++) {
    const opened = await openPage(browser, page, `#edge=${i}`);
    problems.push(...opened.problems);
    const sentences = await opened.page.$$eval(".sentence", (qs) => qs.map((q) => q.textContent));
    expect(sentences.length > 0, `relation ${i}: its panel opens from the address`);
    if (sentences.some((s) => s.includes(`<img src=x onerror="${runs(3)}">`))) {
      marked++;
      await opened.page.screenshot({ path: path.join(out, "hostile-edge.png") });
    }
    expect((await opened.page.$$("#edge-panel a[href^='javascript']")).length === 0, `relation ${i}: no javascript: link`);
    expect((await opened.page.evaluate(() => window.__hit)) === undefined, `relation ${i}: nothing ran`);
    await opened.page.close();
  }
  expect(marked > 0, `the sentence with the markup reads as text (${marked} relations)`);
  await p.click("#export-svg");  // a download: nothing may run either
  expect((await hit()) === undefined, "nothing ran after all the panels and an export");
  expect(problems.length === 0, `no console error, page error, dialog or request (${problems.join("; ")})`);
} finally {
  await browser.close();
}
