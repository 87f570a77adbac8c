#!/usr/bin/python3
"""The N-Triples export in a real RDF server (ctest -R engines.virtuoso).

Builds a graph from the given articles, starts Virtuoso Open Source
(`virtuoso-t`, Debian's virtuoso-opensource) on free 127.0.0.1 ports with a
database in a temporary directory and an ini file of its own, bulk-loads the
N-Triples export (ld_dir + rdf_loader_run, as docs/exports.md says), then
asks over SPARQL (the server's HTTP endpoint, JSON results):

  - relations per predicate, and entities per type, equal `irkg stats --json`;
  - the offices (holdsPosition: organization or state, and title) of PERSON
    equal those `irkg neighbors PERSON --predicates holdsPosition --json` gives;
  - a property path of `irkg path FROM TO`'s length, over every predicate in
    either direction, joins FROM and TO, and none shorter does.

The server is always shut down and the directory removed, on failure too.
usage: check_virtuoso.py IRKG PERSON FROM TO ARTICLES..."""
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

IRKG_ID = "https://w3id.org/irkg/id/"
VOCAB = "https://w3id.org/irkg/vocab#"
GRAPH = "https://w3id.org/irkg/graph"
PREFIXES = f"PREFIX irkg: <{VOCAB}>\nPREFIX schema: <https://schema.org/>\n" \
           "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def die_with_parent():
    import ctypes

    ctypes.CDLL("libc.so.6").prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG: no server outlives the test


class Virtuoso:
    def __init__(self, root):
        self.root = root
        self.sql_port, self.http_port = free_port(), free_port()
        self.load_dir = os.path.join(root, "load")
        os.mkdir(self.load_dir)
        db = os.path.join(root, "db")
        os.mkdir(db)
        ini = os.path.join(root, "virtuoso.ini")
        with open(ini, "w") as f:
            f.write(f"""[Database]
DatabaseFile = {db}/irkg.db
ErrorLogFile = {db}/irkg.log
LockFile = {db}/irkg.lck
TransactionFile = {db}/irkg.trx
xa_persistent_file = {db}/irkg.pxa
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {db}/irkg-temp.db
TransactionFile = {db}/irkg-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{self.sql_port}
DisableUnixSocket = 1
DirsAllowed = ., {self.load_dir}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
[HTTPServer]
ServerPort = 127.0.0.1:{self.http_port}
ServerThreads = 4
[SPARQL]
ResultSetMaxRows = 100000
""")
        self.log = os.path.join(db, "irkg.log")
        self.proc = subprocess.Popen(["virtuoso-t", "+foreground", "-c", ini], cwd=db, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL, preexec_fn=die_with_parent)
        deadline = time.monotonic() + 60
        while True:
            if self.proc.poll() is not None:
                raise RuntimeError(f"virtuoso-t exited with {self.proc.returncode}: {self.log_tail()}")
            try:
                self.sparql("ASK { ?s ?p ?o }")
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError("virtuoso-t did not answer within 60 s: " + self.log_tail())
                time.sleep(0.3)

    def log_tail(self):
        try:
            return " | ".join(open(self.log, errors="replace").read().splitlines()[-5:])
        except OSError:
            return "(no log)"

    def isql(self, sql):
        p = subprocess.run(["isql-vt", f"127.0.0.1:{self.sql_port}", "dba", "dba", f"exec={sql}"],
                           capture_output=True, text=True, timeout=120)
        if p.returncode != 0 or "*** Error" in p.stdout + p.stderr:
            raise RuntimeError(f"isql-vt: {sql}: {p.stdout}{p.stderr}")
        return p.stdout

    def sparql(self, query):
        url = f"http://127.0.0.1:{self.http_port}/sparql?" + urllib.parse.urlencode(
            {"query": PREFIXES + query, "format": "application/sparql-results+json"})
        try:
            with urllib.request.urlopen(url, timeout=60) as r:
                return json.load(r)
        except urllib.error.HTTPError as e:  # the server's message says what it did not like
            raise RuntimeError(f"SPARQL {e.code}: {e.read().decode(errors='replace')[:500]}\n{query}")

    def rows(self, query):
        return [{k: v["value"] for k, v in b.items()} for b in self.sparql(query)["results"]["bindings"]]

    def load(self, nt):
        shutil.copy(nt, self.load_dir)
        self.isql(f"ld_dir('{self.load_dir}', '{os.path.basename(nt)}', '{GRAPH}'); rdf_loader_run(); checkpoint;")
        out = self.isql("SELECT ll_file, ll_error FROM DB.DBA.LOAD_LIST WHERE ll_error IS NOT NULL;")
        if "0 Rows." not in out:
            raise RuntimeError(f"bulk load errors: {out}")

    def stop(self):
        if self.proc.poll() is None:
            try:
                self.isql("shutdown;")
                self.proc.wait(timeout=30)
            except (RuntimeError, subprocess.TimeoutExpired):
                pass
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


def irkg_json(irkg, *args):
    return json.loads(subprocess.run([irkg, *args], capture_output=True, text=True, check=True).stdout)


def check(condition, what):
    if not condition:
        sys.exit(f"check_virtuoso: {what}")
    print(f"ok: {what.split(':')[0]}")


def main():
    irkg, person, src, dst, *articles = sys.argv[1:]
    # ctest's timeout sends SIGTERM: turn it into an exception so `finally` runs.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("check_virtuoso: terminated"))
    root = tempfile.mkdtemp(prefix="irkg-virtuoso-")
    server = None
    try:
        graph, nt = os.path.join(root, "graph.jsonld"), os.path.join(root, "graph.nt")
        subprocess.run([irkg, "build", "-q", *articles, "-o", graph], check=True)
        subprocess.run([irkg, "export", graph, "--format", "nt", "-o", nt], check=True)
        server = Virtuoso(root)
        server.load(nt)
        total = int(server.rows(f"SELECT (COUNT(*) AS ?n) FROM <{GRAPH}> WHERE {{ ?s ?p ?o }}")[0]["n"])
        lines = sum(1 for _ in open(nt, "rb"))
        check(total == lines, f"loaded: {total} triples in the store, {lines} lines of N-Triples")

        stats = irkg_json(irkg, "stats", graph, "--json")
        rows = server.rows(f"SELECT ?p (COUNT(*) AS ?n) FROM <{GRAPH}> WHERE {{ ?st a rdf:Statement ; "
                           "rdf:predicate ?p } GROUP BY ?p")
        by_predicate = {r["p"][len(VOCAB):]: int(r["n"]) for r in rows}
        check(by_predicate == stats["by_predicate"],
              f"relations per predicate equal irkg stats: {by_predicate} vs {stats['by_predicate']}")
        direct = {p: int(server.rows(f"SELECT (COUNT(*) AS ?n) FROM <{GRAPH}> WHERE {{ ?s irkg:{p} ?o }}")[0]["n"])
                  for p in stats["by_predicate"]}
        check(direct == stats["by_predicate"], f"direct triples per predicate equal irkg stats: {direct}")
        rows = server.rows(f"SELECT ?t (COUNT(DISTINCT ?e) AS ?n) FROM <{GRAPH}> WHERE {{ ?e irkg:entityType ?t }} "
                           "GROUP BY ?t")
        by_type = {r["t"]: int(r["n"]) for r in rows}
        check(by_type == stats["by_type"], f"entities per type equal irkg stats: {by_type} vs {stats['by_type']}")

        ego = irkg_json(irkg, "neighbors", graph, person, "--predicates", "holdsPosition", "--json")
        names = {e["id"]: e["name"] for e in ego["entities"]}
        # the query JSON lists a relation's titles, each with its dates
        expected = sorted((names[r["object"]], t["title"]) for r in ego["relations"]
                          if r["subject"] == ego["center"] for t in (r.get("titles") or [{"title": ""}]))
        rows = server.rows(f"""SELECT ?office ?title FROM <{GRAPH}> WHERE {{
              ?who schema:name {json.dumps(person)} .
              ?st rdf:subject ?who ; rdf:predicate irkg:holdsPosition ; rdf:object ?o .
              ?o schema:name ?office . OPTIONAL {{ ?st irkg:title ?title }} }}""")
        offices = sorted((r["office"], r.get("title", "")) for r in rows)
        check(expected and offices == expected, f"offices of {person} equal irkg neighbors: {offices} vs {expected}")

        path = irkg_json(irkg, "path", graph, src, dst, "--json")
        hops = path["length"]
        a, b = (IRKG_ID + path["entities"][i]["id"] for i in (0, -1))
        step = "(" + "|".join(f"irkg:{p}|^irkg:{p}" for p in stats["by_predicate"]) + ")"

        def joined(n):  # SELECT, not ASK: Virtuoso 7.2 answers ASK in JSON as a SELECT of __ASK_RETVAL
            return bool(server.rows(f"SELECT (1 AS ?hit) FROM <{GRAPH}> WHERE {{ <{a}> {'/'.join([step] * n)} "
                                    f"<{b}> }} LIMIT 1"))

        check(joined(hops) and not any(joined(n) for n in range(1, hops)),
              f"a property path of {hops} hops joins {src} and {dst}, none shorter, as irkg path says")
    finally:
        if server:
            server.stop()
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
