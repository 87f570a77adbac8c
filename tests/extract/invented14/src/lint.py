#!/usr/bin/env python3
"""Self-checks on the hand annotations (separate from the converter).

usage: python3 src/lint.py

- article length (words, title included) must be 300-400;
- every quoted sentence fragment in an annotation comment ("# ..." lines,
  pieces between double quotes, split at " ... ") must occur in the article;
- every triple must name declared entities;
- prints gold triples per predicate and per article, and the negatives (N lines).
"""
import re
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PREDS = ["holdsPosition", "memberOf", "locatedIn", "diplomaticRelations", "hasEmbassyIn", "metWith",
         "visited", "signed", "cooperatesWith", "supports", "supplies", "criticizes", "threatens",
         "sanctions", "attacks"]


def main():
    total, per_doc, negs, problems = Counter(), {}, [], []
    for ann in sorted((ROOT / "src" / "annot").glob("*.ann")):
        text = (ROOT / "articles" / (ann.stem + ".txt")).read_text(encoding="utf-8")
        flat = " ".join(text.replace('"', "").split())
        n = len(text.split())
        if not 300 <= n <= 400:
            problems.append(f"{ann.stem}: {n} words")
        names, c = set(), Counter()
        for line in ann.read_text(encoding="utf-8").splitlines():
            if line.startswith("E "):
                names.add(line[2:].split(" ; ")[1].strip())
            elif line.startswith("T "):
                s, p, o = [x.strip() for x in line[2:].split(" ; ")[:3]]
                for x in (s, o):
                    if x not in names:
                        problems.append(f"{ann.stem}: undeclared {x!r}")
                if p not in PREDS:
                    problems.append(f"{ann.stem}: bad predicate {p!r}")
                c[p] += 1
            elif line.startswith("N "):
                negs.append((ann.stem, line[2:].strip()))
            elif line.startswith("#"):
                for seg in re.findall(r'"([^"]+)"', line):
                    for frag in seg.split(" ... "):
                        frag = frag.strip().strip('"')
                        if frag and frag not in flat:
                            problems.append(f"{ann.stem}: anchor not in text: {frag[:70]!r}")
        per_doc[ann.stem] = (n, sum(c.values()))
        total += c
    for p in problems:
        print("PROBLEM", p)
    print("per article (words, triples):")
    for d, (n, t) in per_doc.items():
        print(f"  {d}  {n:4d} words  {t:3d} triples")
    print("per predicate:")
    for p in PREDS:
        print(f"  {p:20s} {total[p]:4d}")
    print(f"  {'ALL':20s} {sum(total.values()):4d}")
    print(f"negatives: {len(negs)}")


if __name__ == "__main__":
    main()
