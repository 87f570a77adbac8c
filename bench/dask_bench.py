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

The machine is shared: --reps N runs 1 and 2 workers N times, alternating
which goes first, and reports each pair's ratio and their median, with the
load average around each run. --via files (the LocalCluster default: a
shared scratch directory) or bytes (--no-shared: everything through Dask),
or both, alternating too; `stream` is files with one merge that the
driver feeds as partitions are extracted (--merge stream) instead of the
default tree after the extraction; its last_merge_wall_s is the time after
the last records, streamed_merge_wall_s its whole life; `threads` is files with the last merge on as
many threads as there are workers (--last-merge-jobs N; by default it
takes the machine's cores, in the 1-worker run too); `baseline` in --via runs --baseline-dask with --baseline-irkg
(an earlier version, for before/after in one run).

usage: dask_bench.py IRKG IRKG_BENCH IRKG_DASK WORK_DIR [--mb N] [--partitions N] [--reps N] [--via files,bytes]"""
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
    ap.add_argument("--reps", type=int, default=1)
    ap.add_argument("--via", default="files", help="files, stream, bytes, threads, baseline, or a comma-separated list")
    ap.add_argument("--baseline-dask")
    ap.add_argument("--baseline-irkg")
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

    def run_dask(workers, via):
        out = os.path.join(a.work, f"dask-w{workers}.jsonld")
        load = os.getloadavg()[0]
        dask, irkg = (a.baseline_dask, a.baseline_irkg) if via == "baseline" else (a.dask, a.irkg)
        wall, cpu, log = timed([dask, "--irkg", irkg, "--workers", str(workers), "--partitions",
                                str(a.partitions), "--fan-in", str(a.fan_in),
                                *(["--no-shared"] if via == "bytes" else []),
                                *(["--merge", "stream"] if via == "stream" else []),
                                *(["--last-merge-jobs", str(workers)] if via == "threads" else []), corpus, "-o", out])
        m = re.search(r" in ([0-9.]+) s \(([0-9.]+) MB/s\) after ([0-9.]+) s starting", log)
        if not m:
            sys.exit(f"no timing line in irkg-dask's output:\n{log}")
        cpu_line = re.search(r"irkg CPU: extraction ([0-9.]+) s, merges ([0-9.]+) s; last merge ([0-9.]+) s CPU "
                             r"in ([0-9.]+) s on (\d+) thread", log)
        streamed = re.search(r"\(streamed: ([0-9.]+) s in all\)", log)
        with open(out, "rb") as f1, open(ref, "rb") as f2:
            identical = f1.read() == f2.read()
        os.unlink(out)
        return {"build_s": float(m.group(1)), "mb_per_s": float(m.group(2)), "startup_s": float(m.group(3)),
                "wall_s": round(wall, 2), "cpu_s": round(cpu, 2), "identical_to_build": identical,
                "load1_before": round(load, 2), "load1_after": round(os.getloadavg()[0], 2),
                **({"irkg_extract_cpu_s": float(cpu_line.group(1)), "irkg_merge_cpu_s": float(cpu_line.group(2)),
                    "last_merge_cpu_s": float(cpu_line.group(3)), "last_merge_wall_s": float(cpu_line.group(4)),
                    "last_merge_threads": int(cpu_line.group(5))} if cpu_line else {}),
                **({"streamed_merge_wall_s": float(streamed.group(1))} if streamed else {})}

    modes = a.via.split(",")
    runs = {via: [] for via in modes}
    for rep in range(a.reps):
        for via in (modes if rep % 2 == 0 else modes[::-1]):
            pair = {}
            for workers in ((1, 2) if rep % 2 == 0 else (2, 1)):
                pair[f"w{workers}"] = run_dask(workers, via)
            pair["speedup_2_over_1"] = round(pair["w1"]["build_s"] / pair["w2"]["build_s"], 2)
            runs[via].append(pair)
            print(json.dumps({"rep": rep, "via": via, **pair}), file=sys.stderr, flush=True)
    identical = True
    for via, pairs in runs.items():
        ratios = sorted(p["speedup_2_over_1"] for p in pairs)
        identical = identical and all(p[w]["identical_to_build"] for p in pairs for w in ("w1", "w2"))
        result[via] = {"runs": pairs, "speedups_2_over_1": ratios,
                       "median_speedup_2_over_1": ratios[len(ratios) // 2],
                       "median_w2_over_build_j1": round(result["irkg_build_j1"]["wall_s"] /
                                                        sorted(p["w2"]["build_s"] for p in pairs)[len(pairs) // 2], 2)}
    result["target_met"] = identical and all(result[via]["median_speedup_2_over_1"] >= 1.6 for via in modes[:1])
    result["loadavg_after"] = os.getloadavg()
    print(json.dumps(result))


if __name__ == "__main__":
    main()
