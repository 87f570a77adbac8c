#!/usr/bin/python3
"""irkg-dask throughput, 1 worker against 2 (issue 15's target: with 2 local
workers on a 2-core machine, >= 1.6x the single-worker throughput, the same
bytes). Not a unit test: it builds a corpus of --mb MB (200 by default) and
takes minutes. Prints one JSON object.

Each irkg-dask run starts its own LocalCluster (--workers N) with the same
partitions; `build_s` is irkg-dask's own figure from the cluster being up to
the graph written (cluster start-up, 3-10 s here, is paid once by a
long-lived cluster), `wall_s` the whole command. `irkg build -j 1` is timed
too, as the one-process reference the graphs are compared with.

usage: dask_bench.py IRKG IRKG_BENCH IRKG_DASK WORK_DIR [--mb N] [--partitions N]"""
import argparse
import json
import os
import re
import subprocess
import sys
import time


def timed(argv):
    """(wall seconds, CPU seconds of the children, stderr)."""
    before = os.times()
    start = time.monotonic()
    p = subprocess.run(argv, capture_output=True, text=True)
    wall = time.monotonic() - start
    after = os.times()
    if p.returncode != 0:
        sys.exit(f"{' '.join(argv)}: exit {p.returncode}\n{p.stderr}")
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    return wall, cpu, p.stderr


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("irkg")
    ap.add_argument("bench")
    ap.add_argument("dask")
    ap.add_argument("work")
    ap.add_argument("--mb", type=int, default=200)
    ap.add_argument("--partitions", type=int, default=16)
    ap.add_argument("--fan-in", type=int, default=16)
    a = ap.parse_args()
    os.makedirs(a.work, exist_ok=True)
    corpus = os.path.join(a.work, f"c{a.mb}.jsonl")
    if not os.path.exists(corpus):
        subprocess.run([a.bench, "corpus", "--mb", str(a.mb), "-o", corpus], check=True, capture_output=True)
    size = os.path.getsize(corpus) / 1e6
    result = {"bench": "dask", "corpus_mb": round(size, 1), "partitions": a.partitions, "fan_in": a.fan_in,
              "loadavg_before": os.getloadavg()}

    ref = os.path.join(a.work, "build-j1.jsonld")
    wall, cpu, _ = timed([a.irkg, "build", "-q", "-j", "1", corpus, "-o", ref])
    result["irkg_build_j1"] = {"wall_s": round(wall, 2), "cpu_s": round(cpu, 2), "mb_per_s": round(size / wall, 2)}

    for workers in (1, 2):
        out = os.path.join(a.work, f"dask-w{workers}.jsonld")
        wall, cpu, log = timed([a.dask, "--irkg", a.irkg, "--workers", str(workers), "--partitions",
                                str(a.partitions), "--fan-in", str(a.fan_in), corpus, "-o", out])
        m = re.search(r" in ([0-9.]+) s \(([0-9.]+) MB/s\) after ([0-9.]+) s starting", log)
        if not m:
            sys.exit(f"no timing line in irkg-dask's output:\n{log}")
        with open(out, "rb") as f1, open(ref, "rb") as f2:
            identical = f1.read() == f2.read()
        result[f"dask_w{workers}"] = {"build_s": float(m.group(1)), "mb_per_s": float(m.group(2)),
                                      "startup_s": float(m.group(3)), "wall_s": round(wall, 2), "cpu_s": round(cpu, 2),
                                      "identical_to_build": identical}
        os.unlink(out)
    w1, w2 = result["dask_w1"], result["dask_w2"]
    result["speedup_2_over_1"] = round(w1["build_s"] / w2["build_s"], 2)
    result["speedup_2_over_1_wall"] = round(w1["wall_s"] / w2["wall_s"], 2)
    result["speedup_2_over_build_j1"] = round(result["irkg_build_j1"]["wall_s"] / w2["build_s"], 2)
    result["target_met"] = result["speedup_2_over_1"] >= 1.6 and w1["identical_to_build"] and w2["identical_to_build"]
    result["loadavg_after"] = os.getloadavg()
    print(json.dumps(result))


if __name__ == "__main__":
    main()
