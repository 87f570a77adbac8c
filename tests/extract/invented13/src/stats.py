#!/usr/bin/env python3
"""Tables for README.md from src/annot/*.ann and articles/*.txt, plus a lint.

usage: python3 src/stats.py [--lint]
"""
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ann2json import ANN, ART, parse  # noqa: E402

PREDICATES = ["holdsPosition", "memberOf", "locatedIn", "diplomaticRelations", "hasEmbassyIn",
              "metWith", "visited", "signed", "cooperatesWith", "supports", "supplies",
              "criticizes", "threatens", "sanctions", "attacks"]
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def lint(name, rec, text):
    problems = []
    forms = {}
    for e in rec["entities"]:
        for f in [e["name"], *e["aliases"]]:
            if f in forms and forms[f] != e["name"]:
                problems.append(f"form {f!r} used by {forms[f]!r} and {e['name']!r}")
            forms[f] = e["name"]
        if not any(re.search(r"(?<!\w)" + re.escape(f) + r"(?!\w)", text, re.I) for f in [e["name"], *e["aliases"]]):
            problems.append(f"entity {e['name']!r}: no exact, word-bounded form in text")
        spans = [m.span() for m in re.finditer(re.escape(e["name"]), text, re.I)]
        for a in e["aliases"]:
            found = [m.span() for m in re.finditer(r"(?<!\w)" + re.escape(a) + r"(?!\w)", text, re.I)]
            if not any(not any(s0 <= a0 and a1 <= s1 for s0, s1 in spans) for a0, a1 in found):
                problems.append(f"alias {a!r} of {e['name']!r} not in text outside the name")
    for t in rec["triples"]:
        if t["predicate"] == "holdsPosition" and "title" not in t:
            problems.append(f"holdsPosition without title: {t['subject']}")
        if "date" in t and not all(DATE.match(d) for d in t["date"].split("|")):
            problems.append(f"bad date {t['date']!r}")
    return [f"{name}: {p}" for p in problems]


def main():
    rows, per_pred, problems, negatives = [], Counter(), [], []
    for path in sorted(ANN.glob("*.ann")):
        rec = parse(path)
        m = rec["meta"]
        text = (ART / m["doc"]).read_text(encoding="utf-8")
        words = len(text.split())
        body = len(text.split("\n", 2)[2].split()) if text.count("\n") >= 2 else words
        rows.append((m["doc"], m["date"], words, body, len(rec["entities"]), len(rec["triples"]),
                     m.get("style", ""), m.get("region", "")))
        per_pred.update(t["predicate"] for t in rec["triples"])
        problems += lint(m["doc"], rec, text)
        negatives += [(m["doc"], n) for n in rec["negatives"]]
    if "--lint" in sys.argv:
        print("\n".join(problems) or "lint: no problems")
        return
    print("| article | date | words (all / body) | entities | triples | style | region / subject |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for r in rows:
        print(f"| {r[0]} | {r[1]} | {r[2]} / {r[3]} | {r[4]} | {r[5]} | {r[6]} | {r[7]} |")
    print(f"| **total** | | {sum(r[2] for r in rows)} / {sum(r[3] for r in rows)} | "
          f"{sum(r[4] for r in rows)} | {sum(r[5] for r in rows)} | | |")
    print()
    print("| predicate | gold triples | articles |")
    print("| --- | --- | --- |")
    arts = Counter()
    for path in sorted(ANN.glob("*.ann")):
        for p in {t["predicate"] for t in parse(path)["triples"]}:
            arts[p] += 1
    for p in PREDICATES:
        print(f"| {p} | {per_pred[p]} | {arts[p]} |")
    print(f"| **all** | {sum(per_pred.values())} | |")
    extra = set(per_pred) - set(PREDICATES)
    if extra:
        print("UNKNOWN PREDICATES:", extra)
    if "--negatives" in sys.argv:
        print()
        for d, n in negatives:
            print(f"- {d}: {n}")


if __name__ == "__main__":
    main()
