#!/usr/bin/python3
"""Tests of scripts/irkg-dask (ctest -R dask), each against `irkg build` of
the same inputs on one machine:

  identical  the partitions' sizes (the last ones, one a worker, halved);
             the graph is byte-identical for 1, 2 and 3 workers and several
             partition counts, streaming the records into one merge as
             they come or with merge fan-ins (one- to three-level trees),
             the last merge on one thread or two (--last-merge-jobs),
             against a running scheduler and with a LocalCluster of its own,
             with bytes through Dask and through a shared directory
             (--shared-dir; a LocalCluster's own default), which is left
             empty;
  fault      a worker process of a 2-worker LocalCluster is killed while it
             runs an extraction: its task runs again and the graph is still
             identical, in both ways of moving the data and with the
             streaming merge; irkg-dask stopped
             by SIGTERM while it extracts and streams records into its merge
             exits 143 and leaves no file and no irkg process behind;
  bad        a malformed record, a record without "text" and a duplicate id in
             a shard cut into partitions are named with shard and line, the
             same message as irkg's; under --keep-going they are skipped and
             counted, and the graph equals `irkg build --keep-going`'s
             (bytes, files, files with the streaming merge); a
             missing shard and a bad command line give exit 1 and 2.

usage: dask_test.py CASE IRKG IRKG_BENCH IRKG_DASK WORK_DIR
Runs under /usr/bin/python3 (Debian's python3-distributed)."""
import contextlib
import filecmp
import os
import shutil
import signal
import subprocess
import sys
import time

from distributed.diagnostics.plugin import SchedulerPlugin


def run(argv, expect=0):
    p = subprocess.run(argv, capture_output=True, text=True, timeout=300)
    if p.returncode != expect:
        sys.exit(f"{' '.join(argv)}: exit {p.returncode}, expected {expect}\n{p.stderr}")
    return p.stderr


def same(a, b, what):
    if not filecmp.cmp(a, b, shallow=False):
        sys.exit(f"{what}: {a} differs from {b}")
    print(f"ok: {what}")


def make_shards(bench, work, mb, shards):
    """A generated corpus cut into `shards` .jsonl files in work/shards/, plus
    one .txt article and a shard in a subdirectory."""
    corpus = os.path.join(work, "corpus.jsonl")
    run([bench, "corpus", "--mb", str(mb), "--seed", "11", "-o", corpus])
    lines = open(corpus, "rb").read().splitlines(keepends=True)
    d = os.path.join(work, "shards")
    os.makedirs(os.path.join(d, "later"))
    step = -(-len(lines) // shards)
    for s in range(shards):
        sub = "later" if s == shards - 1 else ""
        with open(os.path.join(d, sub, f"day-{s:02d}.jsonl"), "wb") as f:
            f.writelines(lines[s * step:(s + 1) * step])
    with open(os.path.join(d, "note.txt"), "w") as f:
        f.write("The Foreign Minister of Chile met the Foreign Minister of Peru in Lima on Monday.\n")
    return d


def shards_and_reference(irkg, bench, work, mb, shards):
    """Shards of a generated corpus, and the graph `irkg build` makes of them."""
    shards = make_shards(bench, work, mb, shards)
    ref = os.path.join(work, "build.jsonld")
    run([irkg, "build", "-q", shards, "-o", ref])
    return shards, ref


@contextlib.contextmanager
def local_cluster(workers):
    import logging

    from distributed import Client, LocalCluster

    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                           dashboard_address="127.0.0.1:0", worker_dashboard_address="127.0.0.1:0",
                           silence_logs=logging.CRITICAL)
    client = Client(cluster)
    try:
        yield cluster, client
    finally:
        client.close()
        cluster.close()


def check_partition_sizes(dask, work):
    """The last partitions, one a worker, are half the others' size, and
    the partitions hold every byte of the shard in order."""
    import importlib.util
    from importlib.machinery import SourceFileLoader

    spec = importlib.util.spec_from_loader("irkg_dask", SourceFileLoader("irkg_dask", dask))
    driver = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(driver)
    for total, count, workers in ((1000, 8, 2), (1000, 8, 3), (1000, 8, 1), (1000, 2, 2)):
        sizes = driver.partition_sizes(total, count, workers)
        full, half = sizes[0], sizes[-1]
        if len(sizes) != count or sum(sizes) < total or (count > workers and sizes[-workers:] != [half] * workers) \
                or (count > workers and not full / 2 <= half <= full / 2 + 1):
            sys.exit(f"partition_sizes({total}, {count}, {workers}) = {sizes}")
    shard = os.path.join(work, "lines.jsonl")
    with open(shard, "wb") as f:
        f.write(b"".join(b'{"id": "n%d", "text": "x"}\n' % i for i in range(400)))
    size = os.path.getsize(shard)
    parts = driver.cut_pieces([shard], driver.partition_sizes(size, 8, 2))
    spans = [(p.start, p.end) for part in parts for p in part]
    if len(parts) != 8 or spans[0][0] != 0 or spans[-1][1] != size or any(a[1] != b[0] for a, b in zip(spans, spans[1:])):
        sys.exit(f"cut_pieces: {len(parts)} partitions, spans {spans}")
    lengths = [sum(p.end - p.start for p in part) for part in parts]
    if not max(lengths[-2:]) < min(lengths[:-2]):
        sys.exit(f"the last two partitions are not the smaller: {lengths}")
    print(f"ok: partitions of {lengths} bytes, the last two halved")


def case_identical(irkg, bench, dask, work):
    check_partition_sizes(dask, work)
    shards, ref = shards_and_reference(irkg, bench, work, 2, 4)

    shared = os.path.join(work, "shared")
    os.mkdir(shared)

    def check(address, workers, partitions, fan_in, via, last_jobs=1):
        out = os.path.join(work, f"w{workers}-p{partitions}-f{fan_in}-j{last_jobs}-{'-'.join(via) or 'bytes'}.jsonld"
                           .replace("/", "_"))
        run([dask, "-q", "--irkg", irkg, "--scheduler", address, "--partitions", str(partitions),
             "--fan-in", str(fan_in), "--last-merge-jobs", str(last_jobs), *via, shards, "-o", out])
        same(out, ref, f"{workers} workers, {partitions} partitions, fan-in {fan_in}, last merge on {last_jobs} "
                       f"thread(s), {via or 'bytes'}")

    tree, stream = ["--shared-dir", shared], ["--shared-dir", shared, "--merge", "stream"]  # a tree by default
    with local_cluster(2) as (cluster, client):
        for partitions, fan_in in ((1, 8), (13, 3)):  # one merge; three levels of merges
            for via in ([], tree, stream):
                check(cluster.scheduler_address, 2, partitions, fan_in, via)
        for partitions, fan_in in ((13, 16), (13, 3)):  # the last merge of records, of graphs
            check(cluster.scheduler_address, 2, partitions, fan_in, tree, last_jobs=2)
        check(cluster.scheduler_address, 2, 13, 16, stream, last_jobs=2)
        cluster.scale(3)
        client.wait_for_workers(3, timeout=120)
        check(cluster.scheduler_address, 3, 4, 2, tree)  # two levels
        check(cluster.scheduler_address, 3, 7, 2, stream)
    if os.listdir(shared):
        sys.exit(f"--shared-dir left files behind: {os.listdir(shared)}")
    for via in ([], ["--no-shared"]):
        out = os.path.join(work, "own", "w1.jsonld")
        os.makedirs(os.path.dirname(out), exist_ok=True)
        log = run([dask, "--irkg", irkg, "--workers", "1", *via, shards, "-o", out])
        if "dashboard:" not in log or "LocalCluster of 1 worker" not in log:
            sys.exit(f"no cluster or dashboard line in the progress output:\n{log}")
        if ("data: bytes through Dask" if via else "data: files in") not in log:
            sys.exit(f"{via}: not the expected way of moving the data:\n{log}")
        same(out, ref, f"own LocalCluster of 1 worker, default partitions, {via or 'shared files'}")
        if os.listdir(os.path.dirname(out)) != ["w1.jsonld"]:
            sys.exit(f"scratch files left beside the graph: {os.listdir(os.path.dirname(out))}")


class KillWhileRunning(SchedulerPlugin):
    """A scheduler plugin: once an extraction has finished, SIGKILLs the
    process of a worker that is running another one, and records which tasks
    that worker had; the test then checks they were done again elsewhere."""

    def __init__(self, scheduler, pids):
        self.scheduler, self.pids = scheduler, pids
        self.killed = None         # worker address
        self.lost = []             # keys it was processing
        self.finished_after = set()

    def transition(self, key, start, finish, *args, **kwargs):
        if finish == "memory" and self.killed is not None:
            self.finished_after.add(key)
        if self.killed is not None or finish != "memory" or not key.startswith("irkg-extract-"):
            return
        for ws in self.scheduler.workers.values():
            running = [ts.key for ts in ws.processing if ts.key.startswith("irkg-extract-")]
            if running:
                self.killed, self.lost = ws.address, running
                os.kill(self.pids[ws.address], signal.SIGKILL)
                return


def case_fault(irkg, bench, dask, work):
    shards, ref = shards_and_reference(irkg, bench, work, 6, 2)
    shared = os.path.join(work, "shared")
    os.mkdir(shared)
    for via in ([], ["--shared-dir", shared], ["--shared-dir", shared, "--merge", "stream"]):
        kill_one_worker(irkg, dask, work, shards, ref, via)
    if os.listdir(shared):
        sys.exit(f"--shared-dir left files behind: {os.listdir(shared)}")
    stop_while_streaming(irkg, dask, work, shards)


def stop_while_streaming(irkg, dask, work, shards):
    """SIGTERM once the streaming merge has taken records: the merge, the
    cluster and the scratch directory beside the graph all go."""
    d = os.path.join(work, "stopped")
    os.mkdir(d)
    p = subprocess.Popen([dask, "--irkg", irkg, "--workers", "2", "--partitions", "24", "--merge", "stream", shards,
                          "-o", os.path.join(d, "graph.jsonld")], stderr=subprocess.PIPE, text=True)
    log = []
    for line in p.stderr:
        log.append(line)
        if line.startswith("irkg-dask: merge: one irkg merge"):
            break
    scratch = [n for n in os.listdir(d) if n.startswith(".irkg-dask-")]
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and p.poll() is None:  # until the merge holds a records file
        if scratch and any(n.startswith("records-") for n in os.listdir(os.path.join(d, scratch[0]))):
            break
        time.sleep(0.05)
    ours = [pid for pid in os.listdir("/proc") if pid.isdigit() and int(pid) != p.pid and d.encode() in _cmdline(pid)]
    merging = [pid for pid in ours if b"\0merge\0" in _cmdline(pid)]
    p.send_signal(signal.SIGTERM)
    log.extend(p.stderr)
    if p.wait(timeout=120) != 143:
        sys.exit(f"SIGTERM: exit {p.returncode}, expected 143:\n{''.join(log)}")
    if not merging:
        sys.exit(f"no streaming merge was running when SIGTERM came:\n{''.join(log)}")
    if os.listdir(d):
        sys.exit(f"SIGTERM left files behind: {os.listdir(d)}")
    left = [pid for pid in ours if d.encode() in _cmdline(pid)]
    if left:
        sys.exit(f"SIGTERM left irkg running: pids {left}")
    print(f"ok: SIGTERM while streaming (merge pid {merging}): exit 143, nothing left")


def _cmdline(pid):
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return f.read()
    except OSError:
        return b""


def kill_one_worker(irkg, dask, work, shards, ref, via):
    with local_cluster(2) as (cluster, client):
        pids = client.run(os.getpid)
        plugin = KillWhileRunning(cluster.scheduler, pids)
        cluster.scheduler.add_plugin(plugin, name="kill-while-running")
        out = os.path.join(work, "graph.jsonld")
        run([dask, "-q", "--irkg", irkg, "--scheduler", cluster.scheduler_address, "--partitions", "12",
             *via, shards, "-o", out])
        if plugin.killed is None:
            sys.exit("no worker was killed: the run ended before a second extraction started")
        redone = [k for k in plugin.lost if k in plugin.finished_after]
        if not redone:
            sys.exit(f"the killed worker's tasks {plugin.lost} did not finish afterwards")
        print(f"ok ({via or 'bytes'}): killed {plugin.killed} (pid {pids[plugin.killed]}) while it ran "
              f"{plugin.lost}; done again: {redone}")
        same(out, ref, "graph after a worker was killed")


def case_bad(irkg, bench, dask, work):
    shards = make_shards(bench, work, 1, 2)
    day0 = os.path.join(shards, "day-00.jsonl")
    lines = open(day0, "rb").read().splitlines(keepends=True)
    n = len(lines)
    # Late in the shard, so it is not in the shard's first partition: the
    # messages must still name the shard and its own line numbers.
    bad_json, no_text, dup = n - 30, n - 20, n - 10
    first_id = lines[0].split(b'"')[3]
    lines[bad_json - 1] = b'{"id": "talk-x", "text": "Brazil signed an accord with Ghana"\n'
    lines[no_text - 1] = b'{"id": "talk-y", "title": "Japan criticizes Russia"}\n'
    lines[dup - 1] = b'{"id": "' + first_id + b'", "text": "Kenya and Uganda signed a trade agreement."}\n'
    open(day0, "wb").writelines(lines)

    with local_cluster(2) as (cluster, client):
        common = [dask, "--irkg", irkg, "--scheduler", cluster.scheduler_address, "--partitions", "5"]
        err = run([irkg, "build", "-q", shards, "-o", os.path.join(work, "never.jsonld")], expect=1)
        expected = err.strip().splitlines()[0].split("error: ", 1)[1]
        if f"day-00.jsonl:{bad_json}:" not in expected:
            sys.exit(f"irkg build's error does not name line {bad_json}: {expected}")
        out = os.path.join(work, "graph.jsonld")
        ref = os.path.join(work, "build-k.jsonld")
        run([irkg, "build", "-q", "-k", shards, "-o", ref], expect=1)
        shared = os.path.join(work, "shared")
        os.mkdir(shared)
        for via in ([], ["--shared-dir", shared], ["--shared-dir", shared, "--merge", "stream"]):
            err = run(common + via + ["-q", shards, "-o", out], expect=1)
            if f"irkg-dask: error: {expected}" not in err or os.path.exists(out):
                sys.exit(f"{via}: expected irkg's error '{expected}' and no graph, got:\n{err}")
            print(f"ok ({via or 'bytes'}): bad record named: {expected}")

            err = run(common + via + ["-k", shards, "-o", out], expect=1)
            for line in (bad_json, no_text, dup):
                if f"day-00.jsonl:{line}:" not in err:
                    sys.exit(f"{via} --keep-going: line {line} not named:\n{err}")
            if "3 bad input(s) skipped" not in err:
                sys.exit(f"{via} --keep-going: expected 3 skipped:\n{err}")
            same(out, ref, f"{via} --keep-going graph against irkg build --keep-going")
            os.unlink(out)
        if os.listdir(shared):
            sys.exit(f"--shared-dir left files behind: {os.listdir(shared)}")

        # Only the duplicate left: its first occurrence is in another partition.
        lines[bad_json - 1] = lines[bad_json - 2]
        lines[bad_json - 2] = b"\n"
        lines[no_text - 1] = b"\n"
        open(day0, "wb").writelines(lines)
        err = run([irkg, "build", "-q", shards, "-o", ref], expect=1)
        expected = err.strip().splitlines()[0].split("error: ", 1)[1]
        err = run(common + ["-q", shards, "-o", out], expect=1)
        if f"irkg-dask: error: {expected}" not in err or f":{dup}: duplicate id" not in err:
            sys.exit(f"expected '{expected}', got:\n{err}")
        print(f"ok: duplicate id across partitions named: {expected}")

        missing = os.path.join(work, "no-such-day.jsonl")
        err = run(common + ["-q", shards, missing, "-o", out], expect=1)
        if f"{missing}: no such file or directory" not in err:
            sys.exit(f"missing shard not named:\n{err}")
        err = run(common + ["-q", "-k", shards, missing, "-o", out], expect=1)
        if "2 bad input(s) skipped" not in err:
            sys.exit(f"--keep-going: missing shard and duplicate not counted:\n{err}")
        print("ok: missing shard named, and counted under --keep-going")
    for argv in ([dask], [dask, shards], [dask, shards, "-o", out, "--fan-in", "1"],
                 [dask, shards, "-o", out, "--last-merge-jobs", "0"], [dask, "--bogus"],
                 [dask, shards, "-o", out, "--merge", "stream", "--no-shared"]):
        err = run(argv, expect=2)
        if "Run 'irkg-dask --help'" not in err:
            sys.exit(f"{argv}: no usage hint:\n{err}")
    if "--scheduler" not in subprocess.run([dask, "--help"], capture_output=True, text=True, check=True).stdout:
        sys.exit("--help does not describe --scheduler")
    print("ok: usage errors exit 2, --help")


def main():
    case, irkg, bench, dask, work = sys.argv[1:6]
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    start = time.monotonic()
    {"identical": case_identical, "fault": case_fault, "bad": case_bad}[case](irkg, bench, dask, work)
    print(f"{case}: passed in {time.monotonic() - start:.1f} s")


if __name__ == "__main__":
    main()
