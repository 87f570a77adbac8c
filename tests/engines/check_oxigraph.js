// Oxigraph loads each RDF export, and a SPARQL query over it returns
// exactly the holdsPosition facts of the fixture's extraction records.
//
// usage: node check_oxigraph.js RECORDS.jsonl FILE:FORMAT...
//   FORMAT: a media type Oxigraph knows (application/n-triples, text/turtle,
//   application/ld+json)
"use strict";
const fs = require("fs");
const oxigraph = require("oxigraph");

const [recordsPath, ...inputs] = process.argv.slice(2);

// The facts as the hand-written records state them, by name.
const expected = new Set();
for (const line of fs.readFileSync(recordsPath, "utf8").split("\n")) {
  if (!line.trim()) continue;
  const record = JSON.parse(line);
  const names = new Map(record.entities.map((e) => [e.id, e.name]));
  for (const t of record.triples)
    if (t.predicate === "holdsPosition") expected.add(JSON.stringify([names.get(t.subject), names.get(t.object)]));
}

const query = `
PREFIX irkg: <https://w3id.org/irkg/vocab#>
PREFIX schema: <https://schema.org/>
SELECT ?person ?body WHERE {
  ?p irkg:holdsPosition ?o .
  ?p schema:name ?person .
  ?o schema:name ?body .
}`;

let failed = false;
for (const input of inputs) {
  const at = input.lastIndexOf(":");
  const [path, format] = [input.slice(0, at), input.slice(at + 1)];
  const store = new oxigraph.Store();
  try {
    store.load(fs.readFileSync(path, "utf8"), { format });
  } catch (e) {
    console.log(`FAIL: ${path}: Oxigraph cannot load it as ${format}: ${e}`);
    failed = true;
    continue;
  }
  const got = new Set();
  for (const row of store.query(query)) got.add(JSON.stringify([row.get("person").value, row.get("body").value]));
  const missing = [...expected].filter((x) => !got.has(x));
  const extra = [...got].filter((x) => !expected.has(x));
  if (missing.length || extra.length) {
    console.log(`FAIL: ${path}: holdsPosition facts differ; missing ${missing.join(" ")}; extra ${extra.join(" ")}`);
    failed = true;
  } else {
    console.log(`ok: ${path} (${format}): ${store.size} quads, ${got.size} holdsPosition facts as expected`);
  }
}
process.exit(failed ? 1 : 0);
