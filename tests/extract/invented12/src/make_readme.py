#!/usr/bin/env python3
"""Assemble README.md from the hand-written parts (README.head.md,
README.decisions.md), the .ann files (voice, region, negatives, construction
ids), constructions.tsv and the gold files.  Formatting only."""
import json, subprocess, sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
from build import parse  # noqa: E402

PRED = ["holdsPosition", "memberOf", "locatedIn", "diplomaticRelations", "hasEmbassyIn", "metWith",
        "visited", "signed", "cooperatesWith", "supports", "supplies", "criticizes", "threatens",
        "sanctions", "attacks"]


def run(cmd):
    p = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    return (p.stdout + p.stderr).strip()


def main():
    out = [(ROOT / "src" / "README.head.md").read_text(encoding="utf-8").rstrip(), ""]
    # checks
    chk = run(["python3", "/work/shared/eval/check_gold.py", "articles", "gold"])
    files = sorted(str(p.relative_to(ROOT)) for p in [*ROOT.glob("articles/*.txt"), *ROOT.glob("gold/*.json"),
                                                        ROOT / "corpus.jsonl", *ROOT.glob("src/annot/*.ann"),
                                                        ROOT / "src/constructions.tsv", ROOT / "src/README.head.md",
                                                        ROOT / "src/README.decisions.md",
                                                        *([ROOT / "README.md"] if (ROOT / "README.md").exists() else [])])
    quo = run(["python3", "/work/shared/eval/quotes.py", *files])
    same = 0
    recs = [json.loads(l) for l in (ROOT / "corpus.jsonl").read_text(encoding="utf-8").splitlines()]
    for r in recs:
        same += (ROOT / "articles" / r["id"]).read_text(encoding="utf-8") == r["text"]
    out += ["## Check outputs", "",
            "```", "$ python3 /work/shared/eval/check_gold.py /tmp/devthreat/articles /tmp/devthreat/gold", chk,
            "$ python3 /work/shared/eval/quotes.py " + " ".join(files),
            quo, f"corpus.jsonl: {len(recs)} records, {same} texts byte-identical to articles/<id>", "```", ""]
    # per article
    rows, preds, allneg, cons = [], Counter(), [], {}
    for ann in sorted((ROOT / "src" / "annot").glob("t-*.ann")):
        rec = parse(ann)
        g = json.loads((ROOT / "gold" / f"{ann.stem}.json").read_text(encoding="utf-8"))
        text = (ROOT / "articles" / f"{ann.stem}.txt").read_text(encoding="utf-8")
        body = text.split("\n", 2)[2] if text.count("\n") >= 2 else text
        c = Counter(t["predicate"] for t in g["triples"])
        preds.update(c)
        rows.append(f"| {ann.stem} | {g['date']} | {len(body.split())} | {len(g['entities'])} | {len(g['triples'])} "
                    f"| {c['threatens']} | {len(rec['neg'])} | {rec['meta']['voice']} | {rec['meta']['region']} |")
        for n in rec["neg"]:
            allneg.append((ann.stem, n))
        for cid, t in rec["constr"]:
            cons.setdefault(cid, []).append((ann.stem, t))
    out += ["## Articles", "",
            "Words = body words (title line excluded).", "",
            "| doc | date | words | entities | triples | threatens | negatives | voice | region |",
            "| --- | --- | --- | --- | --- | --- | --- | --- | --- |", *rows, ""]
    out += ["## Gold triples per predicate", "", "| predicate | triples |", "| --- | --- |"]
    out += [f"| {p} | {preds[p]} |" for p in PRED if preds[p]]
    out += [f"| **all** | **{sum(preds.values())}** |", ""]
    # constructions
    tsv = [l.split("\t") for l in (ROOT / "src" / "constructions.tsv").read_text(encoding="utf-8").splitlines() if l]
    out += ["## Threat constructions used", "",
            f"{len(tsv)} distinct constructions over {preds['threatens']} `threatens` triples (some "
            "constructions name two or three targets at once; a few, marked *no new triple*, restate a threat "
            "whose pair is already annotated). The example after each is invented for this list and does not occur in "
            "the articles.", "",
            "| # | id | where | construction | invented example |", "| --- | --- | --- | --- | --- |"]
    for i, (cid, desc, ex) in enumerate(tsv, 1):
        where = []
        for doc, t in cons[cid]:
            where.append(f"{doc}: {t['subject']} → {t['object']}" if t else f"{doc}: *no new triple*")
        out.append(f"| {i} | `{cid}` | {'; '.join(where)} | {desc} | {ex} |")
    out += ["", "## Negatives: threat look-alikes that get no `threatens` triple", "",
            f"{len(allneg)} sentences, quoted from the articles (for t-19, headline / summary line); the bracket says why.", ""]
    out += [f"{i}. {doc}: {n}" for i, (doc, n) in enumerate(allneg, 1)]
    out += ["", (ROOT / "src" / "README.decisions.md").read_text(encoding="utf-8").rstrip(), ""]
    (ROOT / "README.md").write_text("\n".join(out), encoding="utf-8")
    print("README.md written")


if __name__ == "__main__":
    main()
