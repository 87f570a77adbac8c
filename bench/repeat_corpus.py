#!/usr/bin/env python3
"""Writes a JSON Lines corpus N times over, each copy's articles under new ids.

Resolution must not depend on article ids: the graph of the repeated corpus
should hold exactly the entities and offices of the graph of one copy
(docs/benchmarks.md, "Resolution"). Usage:
    repeat_corpus.py CORPUS.jsonl N OUT.jsonl
"""
import json
import sys


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    source, copies, out_path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    with open(source, encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    with open(out_path, "w", encoding="utf-8") as out:
        for copy in range(copies):
            for record in records:
                renamed = dict(record, id=f"copy{copy}-{record['id']}")
                out.write(json.dumps(renamed, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
