#!/usr/bin/python3
"""The same input gives the same bytes: extract records and graphs, run after
run and whatever the thread count.

The corpus has enough articles (several batches' worth at -j 2) that
records could be reordered if threads were allowed to finish out of order.
"""

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from run_case import ARTICLE, ARTICLE2  # noqa: E402

VARIANTS = [
    "Russian President Vladimir Putin criticized NATO and threatened Ukraine.",
    "The European Union imposed sanctions on Iran; Germany supported the decision.",
    "Chinese Foreign Minister Wang Yi visited Moscow on 3 March 2023 and met Sergey Lavrov.",
    "Japan and South Korea established diplomatic relations in 1965.",
    "Azerbaijan opened an embassy in Rome. SOCAR cooperates with Eni on the Southern Gas Corridor.",
]


def corpus(directory):
    os.makedirs(directory)
    os.makedirs(os.path.join(directory, "sub"))
    lines = []
    for i in range(700):
        text = f"{VARIANTS[i % len(VARIANTS)]} {ARTICLE if i % 3 else ARTICLE2}" * (1 + i % 4)
        if i % 10 == 0:
            with open(os.path.join(directory, "sub", f"a{i:04}.txt"), "w", encoding="utf-8") as f:
                f.write(text)
        else:
            lines.append('{"id": "doc-%d", "text": %s}\n' % (i, __import__("json").dumps(text)))
    with open(os.path.join(directory, "corpus.jsonl"), "w", encoding="utf-8") as f:
        f.writelines(lines)


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def main():
    irkg = os.path.abspath(sys.argv[1])
    work = tempfile.mkdtemp(prefix="irkg-determinism-")
    os.chdir(work)
    corpus("in")
    runs = [("extract", "1", "a"), ("extract", "1", "b"), ("extract", "2", "c"), ("extract", "3", "d"),
            ("build", "1", "a"), ("build", "2", "b"), ("build", "2", "c")]
    digests = {}
    for command, jobs, tag in runs:
        out = f"{command}-{jobs}-{tag}.out"
        p = subprocess.run([irkg, command, "-q", "-j", jobs, "in", "-o", out], capture_output=True)
        if p.returncode != 0:
            print(f"irkg {command} -j {jobs} failed: {p.stderr.decode(errors='replace')}")
            return 1
        digests.setdefault(command, {})[out] = digest(out)
    # Exports of the graph, too, run twice.
    for fmt in ("jsonld", "dot"):
        for tag in ("a", "b"):
            out = f"export-{fmt}-{tag}.out"
            p = subprocess.run([irkg, "export", "build-1-a.out", "-f", fmt, "-o", out], capture_output=True)
            if p.returncode != 0:
                print(f"irkg export -f {fmt} failed: {p.stderr.decode(errors='replace')}")
                return 1
            digests.setdefault("export-" + fmt, {})[out] = digest(out)
    failed = False
    for command, outs in digests.items():
        if len(set(outs.values())) != 1:
            failed = True
            print(f"FAIL: {command} output differs between runs: {outs}")
    if failed:
        print(f"(left in {work})")
        return 1
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
