#!/usr/bin/env python3
"""Print the article table and per-predicate counts (Markdown) for README.md."""
import json, re
from collections import Counter
from pathlib import Path
root = Path(__file__).resolve().parent.parent
STYLE = {
 "01": ("wire report with dateline", "Africa: DR Congo-Rwanda shelling, Luanda talks"),
 "02": ("bylined regional newspaper", "Pacific: Japan embassy in Vanuatu, security pacts"),
 "03": ("government press release", "Central Asia: Kazakhstan-Uzbekistan FM visit"),
 "04": ("presidential readout", "Latin America: Chile-Colombia call, Venezuela"),
 "05": ("joint statement, numbered paragraphs", "Southeast Asia: Viet Nam-Philippines state visit"),
 "06": ("interview (Q&A)", "Arctic: Norway's Arctic ambassador on Russia, NATO"),
 "07": ("interview-based piece with long quotations", "Middle East: Iraq-Turkey water and air strikes"),
 "08": ("headline-heavy roundup of briefs", "World: Belarus, Mali, Izmail, Maldives, Kenya, ..."),
 "09": ("analysis / op-ed", "South Asia: Bangladesh between India and China"),
 "10": ("translated state-media style", "East Asia: North Korea on US-ROK drills, Russia"),
 "11": ("ministry spokesperson comment answering a question", "Caucasus: Georgia on Russian 'borderization'"),
 "12": ("parliamentary assembly report", "Europe: PACE debate on Moldova energy"),
 "13": ("think-tank brief", "Caucasus/Central Asia: Middle Corridor"),
 "14": ("live-blog, timestamped updates", "Middle East: Red Sea, Israel/US/UK strikes in Yemen"),
 "15": ("wire report with dateline", "Europe/Baltic: Estonia expels Russian envoy"),
 "16": ("government press release", "Caribbean: Guyana on Venezuelan naval incursion"),
 "17": ("joint communique, numbered paragraphs", "Africa: Kenya-Ethiopia state visit"),
 "18": ("presidential readout", "Middle East/SE Asia: Indonesia-Egypt in Cairo"),
 "19": ("headline-heavy roundup of briefs", "Latin America & Caribbean briefs"),
 "20": ("interview (Q&A)", "South Asia: Sri Lanka FM on India, China, UNHRC"),
 "21": ("bylined regional newspaper", "East Asia: South Korean president in Mongolia"),
 "22": ("translated state-media style", "Central Asia: Turkmenistan receives Pakistan PM"),
}
PRED = ["holdsPosition", "memberOf", "locatedIn", "diplomaticRelations", "hasEmbassyIn", "metWith",
        "visited", "signed", "cooperatesWith", "supports", "supplies", "criticizes", "threatens",
        "sanctions", "attacks"]
tot = Counter(); rows = []; ne = nt = nw = 0
for g in sorted((root / "gold").glob("*.json")):
    d = json.loads(g.read_text())
    n = g.stem.split("-")[1]
    words = len((root / "articles" / d["doc"]).read_text().split())
    c = Counter(t["predicate"] for t in d["triples"]); tot += c
    ne += len(d["entities"]); nt += len(d["triples"]); nw += words
    rows.append(f"| {g.stem} | {d['date']} | {words} | {len(d['entities'])} | {len(d['triples'])} | {STYLE[n][0]} | {STYLE[n][1]} |")
print("| article | date | words | entities | triples | style | region / subject |")
print("| --- | --- | ---: | ---: | ---: | --- | --- |")
print("\n".join(rows))
print(f"| **total** | | {nw} | {ne} | {nt} | | |")
print()
print("| predicate | gold triples | articles |")
print("| --- | ---: | ---: |")
arts = Counter()
for g in (root / "gold").glob("*.json"):
    for p in {t["predicate"] for t in json.loads(g.read_text())["triples"]}:
        arts[p] += 1
for p in PRED:
    print(f"| {p} | {tot[p]} | {arts[p]} |")
print(f"| **all** | {sum(tot.values())} | |")
