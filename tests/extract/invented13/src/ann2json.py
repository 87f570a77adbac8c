#!/usr/bin/env python3
"""Convert hand annotation files (src/annot/*.ann) into gold/*.json and corpus.jsonl.

usage: python3 src/ann2json.py            (run from anywhere; paths are relative to this file)

The converter only converts: every entity and triple comes from an `E` or `T`
line written by hand; nothing is inferred, added or normalised beyond
stripping whitespace. Title and text come from the article file itself, so
corpus.jsonl text is byte-identical to articles/NAME.txt.

.ann line formats (one per line; '#' starts a comment line):
  doc: h9-NN.txt            the article file name (= gold "doc" = corpus "id")
  date: YYYY-MM-DD          the article's date
  url: https://....invalid/ the article's (invented) address
  style: ... / region: ...  descriptive, used only by stats.py
  E Type | Canonical name | alias1; alias2
  T Subject | predicate | Object | key=value; key=value   (keys: title, date, what)
  N text                    a realistic negative: a statement deliberately given no triple
"""
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ANN, ART, GOLD = ROOT / "src" / "annot", ROOT / "articles", ROOT / "gold"


def parse(path):
    rec = {"entities": [], "triples": [], "negatives": [], "meta": {}}
    for no, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("E "):
            parts = [p.strip() for p in line[2:].split("|")]
            if len(parts) != 3:
                sys.exit(f"{path.name}:{no}: entity line needs 3 fields")
            etype, name, aliases = parts
            rec["entities"].append({"name": name, "type": etype,
                                    "aliases": [a.strip() for a in aliases.split(";") if a.strip()]})
        elif line.startswith("T "):
            parts = [p.strip() for p in line[2:].split("|", 3)]
            if len(parts) < 3:
                sys.exit(f"{path.name}:{no}: triple line needs at least 3 fields")
            t = {"subject": parts[0], "predicate": parts[1], "object": parts[2]}
            if len(parts) == 4 and parts[3]:
                for kv in parts[3].split(";"):
                    k, _, v = kv.partition("=")
                    k, v = k.strip(), v.strip()
                    if k not in ("title", "date", "what") or not v:
                        sys.exit(f"{path.name}:{no}: bad qualifier {kv!r}")
                    t[k] = v
            rec["triples"].append(t)
        elif line.startswith("N "):
            rec["negatives"].append(line[2:].strip())
        elif ":" in line:
            k, _, v = line.partition(":")
            rec["meta"][k.strip()] = v.strip()
        else:
            sys.exit(f"{path.name}:{no}: cannot read {line!r}")
    return rec


def main():
    GOLD.mkdir(exist_ok=True)
    corpus = []
    for path in sorted(ANN.glob("*.ann")):
        rec = parse(path)
        doc = rec["meta"]["doc"]
        text = (ART / doc).read_bytes().decode("utf-8")
        title = text.split("\n", 1)[0]
        gold = {"doc": doc, "date": rec["meta"]["date"],
                "entities": rec["entities"], "triples": rec["triples"]}
        out = GOLD / (Path(doc).stem + ".json")
        lines = ['{"doc": %s, "date": %s,' % (json.dumps(doc), json.dumps(gold["date"])), ' "entities": [']
        lines.append(",\n".join("  " + json.dumps(e, ensure_ascii=False) for e in gold["entities"]))
        lines.append(' ],\n "triples": [')
        lines.append(",\n".join("  " + json.dumps(t, ensure_ascii=False) for t in gold["triples"]))
        lines.append(" ]}\n")
        out.write_text("\n".join(lines), encoding="utf-8")
        corpus.append({"id": doc, "title": title, "date": rec["meta"]["date"],
                       "url": rec["meta"]["url"], "text": text})
    with open(ROOT / "corpus.jsonl", "w", encoding="utf-8") as f:
        for r in corpus:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(corpus)} gold files and corpus.jsonl")


if __name__ == "__main__":
    main()
