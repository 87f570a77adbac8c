#!/usr/bin/env python3
"""Convert hand-written annotation files (src/annot/*.ann) to gold JSON and
corpus.jsonl. Pure format conversion: it infers nothing. Lines:
  @doc NAME.txt / @date YYYY-MM-DD / @url URL
  E Type | canonical name | alias; alias   (fields separated by " | ")
  T subject | predicate | object [| title=..|date=..|what=..]
"""
import json, re, sys
from pathlib import Path

root = Path(__file__).resolve().parent.parent
records = []
for ann in sorted((root / "src" / "annot").glob("*.ann")):
    meta, ents, trips = {}, [], []
    for no, line in enumerate(ann.read_text(encoding="utf-8").splitlines(), 1):
        line = line.rstrip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("@"):
            k, v = line[1:].split(" ", 1)
            meta[k] = v.strip()
            continue
        kind, rest = line.split(" ", 1)
        parts = [p.strip() for p in re.split(r" \|(?: |$)", rest)]
        if kind == "E":
            aliases = [a.strip() for a in parts[2].split(";") if a.strip()] if len(parts) > 2 else []
            ents.append({"name": parts[1], "type": parts[0], "aliases": aliases})
        elif kind == "T":
            t = {"subject": parts[0], "predicate": parts[1], "object": parts[2]}
            for q in parts[3:]:
                k, v = q.split("=", 1)
                t[k.strip()] = v.strip()
            trips.append(t)
        else:
            sys.exit(f"{ann}:{no}: bad line")
    doc = meta["doc"]
    out = ['{"doc": %s, "date": %s,' % (json.dumps(doc), json.dumps(meta.get("date"))), ' "entities": [']
    out.append(",\n".join("  " + json.dumps(e, ensure_ascii=False) for e in ents))
    out.append(" ],")
    out.append(' "triples": [')
    out.append(",\n".join("  " + json.dumps(t, ensure_ascii=False) for t in trips))
    out.append(" ]}")
    (root / "gold" / (Path(doc).stem + ".json")).write_text("\n".join(out) + "\n", encoding="utf-8")
    art = (root / "articles" / doc).read_text(encoding="utf-8")
    records.append({"id": doc, "title": art.split("\n", 1)[0], "date": meta.get("date"),
                    "url": meta["url"], "text": art})
with open(root / "corpus.jsonl", "w", encoding="utf-8") as f:
    for r in records:
        f.write(json.dumps(r, ensure_ascii=False) + "\n")
print(f"{len(records)} article(s) converted")
