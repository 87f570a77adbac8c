#!/usr/bin/env python3
"""Smoke test of irkg-bench (ctest bench_smoke): each command runs and prints
one JSON object with its figures, and the corpus generator gives the same
bytes for the same seed (and other bytes for another seed).

usage: smoke_test.py IRKG_BENCH WORK_DIR"""
import json
import os
import subprocess
import sys


def run(bench, *args):
    out = subprocess.run([bench, *args], check=True, capture_output=True, text=True).stdout
    lines = [l for l in out.splitlines() if l.strip()]
    assert len(lines) == 1, f"{args[0]}: expected one JSON line, got {out!r}"
    return json.loads(lines[0])


def main():
    bench, work = sys.argv[1], sys.argv[2]
    os.makedirs(work, exist_ok=True)
    g = run(bench, "graph", "--entities", "1000", "--edges", "5000", "--queries", "50")
    for key in ("build_s", "bytes_per_edge", "path_p50_ms", "path_p99_ms", "neighbors_p50_ms"):
        assert isinstance(g[key], (int, float)), f"graph: {key} missing"
    assert g["relations"] == 5000 and g["path_found"] > 0, g

    paths = [os.path.join(work, n) for n in ("a.jsonl", "b.jsonl", "c.jsonl")]
    for path, seed in zip(paths, ("3", "3", "4")):
        c = run(bench, "corpus", "--mb", "1", "--seed", seed, "-o", path)
        assert c["bytes"] >= 1_000_000, c
    data = [open(p, "rb").read() for p in paths]
    assert data[0] == data[1], "same seed gave different corpora"
    assert data[0] != data[2], "different seeds gave the same corpus"
    for line in data[0].decode("utf-8").splitlines():
        record = json.loads(line)
        assert set(record) == {"id", "title", "date", "text"}, record.keys()
        assert 300 <= len(record["text"].split()) <= 900, len(record["text"].split())

    e = run(bench, "extract", "--input", paths[0], "-j", "2")
    assert e["articles"] == data[0].count(b"\n") and e["mb_per_s"] > 0 and e["sentences"] > 0, e
    assert 0 < e["load_s"] < e["seconds"] and e["mb_per_s_after_load"] >= e["mb_per_s"], e
    assert e["triples"] > 0, e
    print("bench smoke test passed")


if __name__ == "__main__":
    main()
