#!/usr/bin/python3
"""Runs one case of cases.tsv against the irkg program.

A case is one line of cases.tsv, tab-separated:

    NAME  EXIT  STDERR-REGEX  CHECKS  COMMAND

COMMAND is a bash command line run in a fresh directory; `{irkg}` is the
program, `@NAME` a fixture from FIXTURES below, written into that directory
first (big ones are generated here, never committed). CHECKS is `-` or a
comma-separated list:

    unchanged=F   F is created with known content first and must keep it
    absent=F      F must not exist afterwards
    exists=F      F must exist afterwards
    jsonl=F       every non-blank line of F (- for stdout) is a JSON object
    json=F        F (- for stdout) is one JSON document
    lines=F:N     F (- for stdout) has N lines
    usage         stderr may be the multi-line usage text

Every case also checks what any failure must look like: stderr lines all
start with "irkg: " (plus "Run 'irkg help' ..." after a usage error), at
most one of them is an error, no sanitizer report, no crash, and no
temporary output file is left behind.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))

ARTICLE = (
    "Italian Foreign Minister Antonio Tajani met Azerbaijani Foreign Minister "
    "Jeyhun Bayramov in Rome on 5 May 2023. The two ministers discussed energy "
    "cooperation and the Southern Gas Corridor.\n\n"
    "Azerbaijan supplies natural gas to Italy through the Trans Adriatic Pipeline. "
    "Tajani praised Azerbaijan for its role in European energy security.\n")
ARTICLE2 = (
    "Turkish President Recep Tayyip Erdogan visited Baku on 12 June 2023 and held "
    "talks with Azerbaijani President Ilham Aliyev. Turkey and Azerbaijan signed "
    "the Shusha Declaration.\n")


def jsonl(*records):
    return "".join(json.dumps(r) + "\n" for r in records).encode()


def huge(unit, size=20 << 20):
    return (unit * (size // len(unit) + 1))[:size]


def graph_of(run, name):
    """A graph built by irkg itself from the sample article."""
    with open("article-for-graph.txt", "wb") as f:
        f.write(ARTICLE.encode() + ARTICLE2.encode())
    run(["build", "-q", "-j", "1", "article-for-graph.txt", "-o", name])
    os.remove("article-for-graph.txt")
    with open(name, "rb") as f:
        return f.read()


def bad_dictionary():
    with open(os.path.join(HERE, "..", "..", "data", "countries.tsv"), "rb") as f:
        first = f.read().split(b"\n")[:3]
    return b"\n".join(first[:2]) + b"\nthis line has no tab\n"


FIXTURES = {
    "good.txt": lambda run: ARTICLE.encode(),
    "good2.txt": lambda run: ARTICLE2.encode(),
    "empty.txt": lambda run: b"",
    "blank.txt": lambda run: b"  \n\r\n\t\n",
    "binary.txt": lambda run: b"\x7fELF\x02\x01\x01\x00\x00\x00" + bytes(range(256)) * 8,
    "binary-nonul.txt": lambda run: bytes((i * 131 + 7) % 255 + 1 for i in range(4096)),
    "invalid-utf8.txt": lambda run: ARTICLE.encode()[:40] + b"\xff\xfe\xc3" + ARTICLE.encode()[40:],
    "nul.txt": lambda run: ARTICLE.encode()[:10] + b"\x00" + ARTICLE.encode()[10:],
    "bom.txt": lambda run: b"\xef\xbb\xbf" + ARTICLE.encode(),
    "crlf.txt": lambda run: ARTICLE.replace("\n", "\r\n").encode(),
    "lone-cr.txt": lambda run: ARTICLE.replace("\n", "\r").encode(),
    "huge-line.txt": lambda run: huge(ARTICLE.replace("\n", " ").encode()),
    "huge-sentence.txt": lambda run: huge(b"Italy and Azerbaijan and Tajani and "),
    "huge-word.txt": lambda run: huge(b"A"),
    "huge.jsonl": lambda run: jsonl({"id": "big", "text": huge(ARTICLE2.replace("\n", " "))}),
    "good.jsonl": lambda run: jsonl({"id": "a", "text": ARTICLE}, {"id": "b", "title": "Shusha", "text": ARTICLE2}),
    "bom.jsonl": lambda run: b"\xef\xbb\xbf" + jsonl({"id": "a", "text": ARTICLE}),
    "crlf.jsonl": lambda run: jsonl({"id": "a", "text": ARTICLE}, {"id": "b", "text": ARTICLE2}).replace(b"\n", b"\r\n"),
    "malformed.jsonl": lambda run: jsonl({"id": "a", "text": ARTICLE}) + b"\n" + b'{"id": "b", "text": "Italy\n',
    "notext.jsonl": lambda run: jsonl({"id": "a", "text": ARTICLE}, {"id": "b", "body": ARTICLE2}),
    "textnum.jsonl": lambda run: jsonl({"id": "a", "text": 42}),
    "textarray.jsonl": lambda run: jsonl({"id": "a", "text": ["Italy", "Azerbaijan"]}),
    "idnum.jsonl": lambda run: jsonl({"id": 7, "text": ARTICLE}),
    "dupid.jsonl": lambda run: jsonl({"id": "a", "text": ARTICLE}, {"id": "a", "text": ARTICLE2}),
    "notobject.jsonl": lambda run: b"[1, 2, 3]\n",
    "two-objects.jsonl": lambda run: b'{"id": "a", "text": "Italy"} {"id": "b", "text": "Rome"}\n',
    "nul-escape.jsonl": lambda run: jsonl({"id": "a", "text": "Italy\u0000Rome"}),
    "nul-raw.jsonl": lambda run: b'{"id": "a", "text": "Italy\x00Rome"}\n',
    "invalid-utf8.jsonl": lambda run: b'{"id": "a", "text": "Italy \xff\xfe met Azerbaijan."}\n',
    "deep.jsonl": lambda run: b"[" * 100000 + b"]" * 100000 + b"\n",
    "mixed.jsonl": lambda run: jsonl({"id": "a", "text": ARTICLE}) + b"{oops\n" +
        jsonl({"id": "c", "body": "x"}, {"id": "d", "text": ARTICLE2}, {"id": "a", "text": "again"},
              {"id": "e", "text": 5}),
    "bad-dict.tsv": lambda run: bad_dictionary(),
    "graph.jsonld": lambda run: graph_of(run, "graph.jsonld"),
    "truncated.jsonld": lambda run: graph_of(run, "truncated.jsonld")[:-200],
    "half.jsonld": lambda run: graph_of(run, "half.jsonld")[:1000],
    # irkg writes one node a line: line 3 (the first entity) loses a colon.
    "badline.jsonld": lambda run: b"\n".join(
        line.replace(b'"name":', b'"name" ', 1) if i == 2 else line
        for i, line in enumerate(graph_of(run, "badline.jsonld").split(b"\n"))),
    "foreign.jsonld": lambda run: json.dumps({
        "@context": "https://schema.org", "@type": "Person", "name": "Jane Doe"}).encode(),
    "foreign-graph.jsonld": lambda run: json.dumps({
        "@context": {"@vocab": "http://example.org/"},
        "@graph": [{"@id": "x", "name": 5}, {"@id": "y", "knows": {"@id": "x"}}]}).encode(),
    "notjson.jsonld": lambda run: b"hello, world\n",
    "empty.jsonld": lambda run: b"",
    "array.jsonld": lambda run: b"[]",
    "records.jsonl": lambda run: run(["extract", "-q", "-j", "1", "@good.jsonl"], capture=True),
    "bad-records.jsonl": lambda run: b'{"doc": "x", "entities": [{"id": "e1"}]}\n',
}

DIR_FIXTURES = {
    "emptydir": {},
    "nothing-to-read": {"README.md": b"# nothing\n", "notes.json": b"{}"},
    "corpus": {"a.txt": ARTICLE.encode(), "sub/b.txt": ARTICLE2.encode(), "skip.md": b"x"},
}

SANITIZER = re.compile(r"AddressSanitizer|LeakSanitizer|UndefinedBehaviorSanitizer|runtime error:|Segmentation|Aborted")
KNOWN = "precious content\n"


def load_case(name):
    with open(os.path.join(HERE, "cases.tsv"), encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.rstrip("\n").split("\t")
            if cols[0] == name:
                if len(cols) != 5:
                    sys.exit(f"cases.tsv: case {name}: expected 5 tab-separated columns")
                return cols
    sys.exit(f"cases.tsv: no case {name}")


def read_out(path, stdout):
    if path == "-":
        return stdout
    with open(path, "rb") as f:
        return f.read()


def main():
    irkg, name = os.path.abspath(sys.argv[1]), sys.argv[2]
    _, want_exit, pattern, checks, command = load_case(name)
    checks = [] if checks == "-" else checks.split(",")
    env = dict(os.environ)
    # A sanitizer report must not pass for an ordinary failure (exit 1).
    env["ASAN_OPTIONS"] = (env.get("ASAN_OPTIONS", "") + ":exitcode=86").lstrip(":")
    env["UBSAN_OPTIONS"] = (env.get("UBSAN_OPTIONS", "") + ":halt_on_error=1:print_stacktrace=1").lstrip(":")
    env.setdefault("IRKG_DATA_DIR", os.path.join(HERE, "..", "..", "data"))
    failures = []
    work = tempfile.mkdtemp(prefix=f"irkg-bad-{name}-")
    os.chdir(work)

    def materialize(fixture):
        if os.path.exists(fixture):
            return
        if fixture in DIR_FIXTURES:
            os.makedirs(fixture, exist_ok=True)
            for rel, data in DIR_FIXTURES[fixture].items():
                os.makedirs(os.path.dirname(os.path.join(fixture, rel)) or ".", exist_ok=True)
                with open(os.path.join(fixture, rel), "wb") as f:
                    f.write(data)
        elif fixture in FIXTURES:
            data = FIXTURES[fixture](run)
            with open(fixture, "wb") as f:
                f.write(data)
        else:
            sys.exit(f"case {name}: unknown fixture @{fixture}")

    def run(argv, capture=False):
        for a in argv:
            if a.startswith("@"):
                materialize(a[1:])
        argv = [a[1:] if a.startswith("@") else a for a in argv]
        p = subprocess.run([irkg] + argv, env=env, capture_output=True)
        if p.returncode != 0:
            sys.exit(f"fixture command irkg {' '.join(argv)} failed:\n{p.stderr.decode(errors='replace')}")
        return p.stdout if capture else None

    for fixture in re.findall(r"@([\w.+-]+)", command):
        materialize(fixture)
    for c in checks:
        if c.startswith("unchanged="):
            with open(c.split("=", 1)[1], "w") as f:
                f.write(KNOWN)
    before = set(os.listdir("."))

    shell = re.sub(r"@([\w.+-]+)", r"\1", command).replace("{irkg}", irkg)
    p = subprocess.run(["bash", "-c", shell], env=env, capture_output=True, timeout=600)
    stderr = p.stderr.decode("utf-8", errors="replace")
    lines = stderr.splitlines()

    if str(p.returncode) != want_exit:
        failures.append(f"exit code {p.returncode}, expected {want_exit}")
    if not re.search(pattern, stderr):
        failures.append(f"stderr does not match /{pattern}/")
    if SANITIZER.search(stderr):
        failures.append("sanitizer report or crash")
    if "usage" not in checks:
        for i, line in enumerate(lines):
            after_usage_error = i > 0 and lines[i - 1].startswith("irkg: error:") and p.returncode == 2
            if not line.startswith("irkg: ") and not (after_usage_error and line == "Run 'irkg help' for usage."):
                failures.append(f"stderr line {i + 1} is not an irkg message: {line[:200]!r}")
                break
        errors = [line for line in lines if line.startswith("irkg: error:")]
        if len(errors) > 1:
            failures.append(f"{len(errors)} error lines, expected at most one")
        if p.returncode != 0 and not errors and "--keep-going" not in command and "-k" not in command.split():
            failures.append("failed without an error line")
    leftovers = [f for f in set(os.listdir(".")) - before if ".tmp." in f]
    if leftovers:
        failures.append(f"temporary files left behind: {leftovers}")

    for c in checks:
        key, _, arg = c.partition("=")
        try:
            if key == "unchanged":
                with open(arg) as f:
                    if f.read() != KNOWN:
                        failures.append(f"{arg} was changed by a failed command")
            elif key == "absent" and os.path.exists(arg):
                failures.append(f"{arg} exists after a failed command")
            elif key == "exists" and not os.path.exists(arg):
                failures.append(f"{arg} was not written")
            elif key == "jsonl":
                for n, line in enumerate(read_out(arg, p.stdout).decode("utf-8").splitlines(), 1):
                    if line.strip() and not isinstance(json.loads(line), dict):
                        failures.append(f"{arg}:{n}: not a JSON object")
            elif key == "json":
                json.loads(read_out(arg, p.stdout).decode("utf-8"))
            elif key == "lines":
                path, count = arg.rsplit(":", 1)
                got = len(read_out(path, p.stdout).splitlines())
                if got != int(count):
                    failures.append(f"{path} has {got} lines, expected {count}")
        except (OSError, ValueError) as e:  # UnicodeDecodeError and JSONDecodeError are ValueErrors
            failures.append(f"check {c}: {e}")

    if failures:
        print(f"case {name}: {command}")
        print("stderr:\n" + stderr[:4000])
        for f in failures:
            print("FAIL: " + f)
        print(f"(left in {work})")
        return 1
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
