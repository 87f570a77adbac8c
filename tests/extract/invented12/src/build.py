#!/usr/bin/env python3
"""Convert the hand-written annotation files src/annot/t-NN.ann into
gold/t-NN.json and corpus.jsonl.  It infers nothing: every entity, alias,
triple and qualifier is written by hand in the .ann file.

.ann line format
  date: YYYY-MM-DD          article date
  url: https://....invalid/ corpus url
  voice: ...                (README table only)
  region: ...               (README table only)
  E Type | Canonical name | alias; alias; ...
  T Subject | predicate | Object [| title=A | second wording] [| date=...] [| what=...] [| c=construction-id]
  C construction-id         a threat construction used in the text that adds no new triple
  N sentence                a look-alike that is NOT a threat (README negatives list)
  # comment
"""
import json, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def parse(path):
    rec = {"meta": {}, "entities": [], "triples": [], "constr": [], "neg": []}
    for no, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line[:2] in ("E ", "T ", "C ", "N "):
            kind, body = line[0], line[2:].strip()
        elif ":" in line:
            k, v = line.split(":", 1)
            rec["meta"][k.strip()] = v.strip()
            continue
        else:
            sys.exit(f"{path}:{no}: cannot parse {raw!r}")
        if kind == "E":
            parts = [p.strip() for p in body.split("|")]
            aliases = [a.strip() for a in parts[2].split(";")] if len(parts) > 2 and parts[2] else []
            rec["entities"].append({"name": parts[1], "type": parts[0], "aliases": aliases})
        elif kind == "T":
            parts = [p.strip() for p in body.split("|")]
            t = {"subject": parts[0], "predicate": parts[1], "object": parts[2]}
            quals, last = [], None
            for q in parts[3:]:
                if "=" in q:
                    last = q.split("=", 1)
                    quals.append(last)
                else:  # a second wording of the previous qualifier: title=A | B
                    last[1] += "|" + q
            for k, v in quals:
                if k == "c":
                    rec["constr"].append((v, t))
                else:
                    t[k] = v
            rec["triples"].append(t)
        elif kind == "C":
            rec["constr"].append((body, None))
        elif kind == "N":
            rec["neg"].append(body)
    return rec


def main():
    corpus = []
    for ann in sorted((ROOT / "src" / "annot").glob("t-*.ann")):
        stem = ann.stem
        rec = parse(ann)
        art = ROOT / "articles" / f"{stem}.txt"
        text = art.read_text(encoding="utf-8")
        title = text.split("\n", 1)[0]
        gold = {"doc": f"{stem}.txt", "date": rec["meta"]["date"],
                "entities": rec["entities"], "triples": rec["triples"]}
        lines = ['{"doc": %s, "date": %s,' % (json.dumps(gold["doc"]), json.dumps(gold["date"])), ' "entities": [']
        lines.append(",\n".join("  " + json.dumps(e, ensure_ascii=False) for e in gold["entities"]))
        lines.append(' ],')
        lines.append(' "triples": [')
        lines.append(",\n".join("  " + json.dumps(t, ensure_ascii=False) for t in gold["triples"]))
        lines.append(' ]}')
        (ROOT / "gold" / f"{stem}.json").write_text("\n".join(lines) + "\n", encoding="utf-8")
        corpus.append({"id": f"{stem}.txt", "title": title, "date": rec["meta"]["date"],
                       "url": rec["meta"]["url"], "text": text})
    with open(ROOT / "corpus.jsonl", "w", encoding="utf-8") as f:
        for r in corpus:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(corpus)} articles converted")


if __name__ == "__main__":
    main()
