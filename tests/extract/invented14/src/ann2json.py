#!/usr/bin/env python3
"""Convert hand annotations (src/annot/*.ann) into gold/*.json and corpus.jsonl.

usage: python3 src/ann2json.py            (run from anywhere; paths are relative to this repo)

This script only converts. It reads nothing but the .ann files and the article
files they belong to, and makes no annotation decision of its own.

.ann line format (one statement per line, fields separated by " ; "):
  date: YYYY-MM-DD                      article date (gold "date", corpus "date")
  url: https://....invalid/...          corpus "url"
  E Type ; Canonical name [; alias | alias ...]
  T subject ; predicate ; object [; title=... | date=... | what=...]
  N free text                            a deliberate negative (ignored here)
  # free text                            a comment, e.g. the sentence being annotated
Blank lines are ignored.
"""
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUALS = ("title", "date", "what")


def parse(path):
    meta, ents, trips = {}, [], []
    for no, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#") or line.startswith("N "):
            continue
        if line.startswith("date:") or line.startswith("url:"):
            k, v = line.split(":", 1)
            meta[k] = v.strip()
        elif line.startswith("E "):
            parts = [p.strip() for p in line[2:].split(" ; ")]
            aliases = [a.strip() for a in parts[2].split("|")] if len(parts) > 2 and parts[2] else []
            ents.append({"name": parts[1], "type": parts[0], "aliases": aliases})
        elif line.startswith("T "):
            parts = [p.strip() for p in line[2:].split(" ; ")]
            t = {"subject": parts[0], "predicate": parts[1], "object": parts[2]}
            for q in parts[3:]:
                k, v = q.split("=", 1)
                if k not in QUALS:
                    raise SystemExit(f"{path.name}:{no}: unknown qualifier {k!r}")
                t[k] = v
            trips.append(t)
        else:
            raise SystemExit(f"{path.name}:{no}: cannot read line: {raw!r}")
    return meta, ents, trips


def dump_gold(doc, meta, ents, trips):
    out = ['{"doc": %s, "date": %s,' % (json.dumps(doc), json.dumps(meta.get("date"))), ' "entities": [']
    out.append(",\n".join("  " + json.dumps(e, ensure_ascii=False) for e in ents))
    out.append(" ],")
    out.append(' "triples": [')
    out.append(",\n".join("  " + json.dumps(t, ensure_ascii=False) for t in trips))
    out.append(" ]}")
    return "\n".join(out) + "\n"


def main():
    records = []
    for ann in sorted((ROOT / "src" / "annot").glob("*.ann")):
        doc = ann.stem + ".txt"
        text = (ROOT / "articles" / doc).read_bytes().decode("utf-8")
        meta, ents, trips = parse(ann)
        (ROOT / "gold" / (ann.stem + ".json")).write_text(dump_gold(doc, meta, ents, trips), encoding="utf-8")
        records.append({"id": doc, "title": text.split("\n", 1)[0], "date": meta.get("date"),
                        "url": meta.get("url"), "text": text})
    with open(ROOT / "corpus.jsonl", "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"converted {len(records)} annotation files")


if __name__ == "__main__":
    main()
