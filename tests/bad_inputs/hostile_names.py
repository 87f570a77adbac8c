#!/usr/bin/python3
"""Hostile names survive a build and every export format.

Names with quotes, apostrophes, backslashes, <>&, braces, newlines (inside
JSON Lines text and ids) and non-ASCII letters go through `irkg build`, and
the graph through `irkg export` in each format the program knows. Each
output must parse with a real reader of its format, and the names must come
back intact. A new format is one line in FORMATS; a format this build does
not know yet ("unknown format") is skipped with a note.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

# Entities the extractor must find, by dictionary or by the person-name rules.
HOSTILE_DICT = "\n".join([
    "Organization\tThe \"Quoted\" Institute\tsubtype=education\talias=Quoted Institute",
    "Organization\tBack\\slash Foundation\tsubtype=foundation",
    "Organization\t<Script> & Partners\tsubtype=company",
    "Organization\tCurly {Brace} Group; DROP TABLE\tsubtype=company",
    "Organization\tO'Brien Centre\tsubtype=education",
    "Organization\tNguyễn Phú Trọng Academy\tsubtype=education",
    "GivenName\tMevlüt",
    "",
])

TEXT = (
    "Turkish Foreign Minister Mevlüt Çavuşoğlu met Ivorian officials in Abidjan. "
    "Türkiye and Côte d'Ivoire signed the \"Abidjan\" Declaration on trade.\n"
    "The \"Quoted\" Institute and the Back\\slash Foundation cooperate with <Script> & Partners.\n"
    "Curly {Brace} Group; DROP TABLE praised the O'Brien Centre.\n"
    "Çavuşoğlu visited the Nguyễn Phú Trọng Academy in Hanoi.\r\n"
    "Türkiye supplies arms to Côte d'Ivoire.\n")

# Names with quotes or backslashes are not single words to the tokenizer, so
# they are hostile as article ids and titles (checked in the graph) instead.
EXPECTED = ["Çavuşoğlu", "Turkey", "Ivory Coast", "<Script> & Partners", "Curly {Brace} Group; DROP TABLE", "O'Brien Centre",
            "Nguyễn Phú Trọng Academy"]


def check_jsonld(path):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    text = json.dumps(doc, ensure_ascii=False)
    try:
        import rdflib
        g = rdflib.Graph()
        g.parse(path, format="json-ld")
        if len(g) == 0:
            return "rdflib read no triples"
    except ImportError:
        pass
    return text


def check_dot(path):
    p = subprocess.run(["dot", "-Tcanon", path], capture_output=True)
    if p.returncode != 0:
        return "dot -Tcanon failed: " + p.stderr.decode(errors="replace")[:500]
    return p.stdout.decode("utf-8")


def check_rdf(fmt):
    def check(path):
        try:
            import rdflib
        except ImportError:
            with open(path, encoding="utf-8") as f:
                return f.read()
        g = rdflib.Graph()
        g.parse(path, format=fmt)
        return "\n".join(str(o) for o in g.objects())
    return check


def check_graphml(path):
    root = ET.parse(path).getroot()
    return "\n".join(e.text or "" for e in root.iter())


def check_text(path):
    """A text file, or a directory of them (CSV files are parsed as CSV)."""
    import csv
    if not os.path.isdir(path):
        with open(path, encoding="utf-8") as f:
            return f.read()
    parts = []
    for root, _, files in os.walk(path):
        for name in sorted(files):
            with open(os.path.join(root, name), encoding="utf-8", newline="") as f:
                if name.endswith(".csv"):
                    parts.extend("\t".join(row) for row in csv.reader(f))
                else:
                    parts.append(f.read())
    return "\n".join(parts)


# format name -> checker returning the names-bearing text (or an error string
# starting with a known prefix). One line per format.
FORMATS = {
    "jsonld": check_jsonld,
    "dot": check_dot,
    "nt": check_rdf("nt"),
    "ttl": check_rdf("turtle"),
    "graphml": check_graphml,
    "cypher": check_text,
    "neo4j": check_text,
    "kuzu": check_text,
}

ERROR_PREFIXES = ("dot -Tcanon failed", "rdflib read no triples")


def unescape_for(fmt, text):
    """Formats that escape names in ways their reader above does not undo."""
    if fmt == "dot":  # quoted strings, and HTML labels with entities
        import html
        return html.unescape(text.replace('\\"', '"').replace("\\\\", "\\"))
    if fmt in ("cypher", "neo4j", "kuzu"):
        return text.replace("\\'", "'").replace('\\"', '"').replace("\\\\", "\\")
    return text


def main():
    irkg = os.path.abspath(sys.argv[1])
    work = tempfile.mkdtemp(prefix="irkg-hostile-")
    os.chdir(work)
    with open("hostile.tsv", "w", encoding="utf-8") as f:
        f.write(HOSTILE_DICT)
    records = [
        {"id": "hostile \"one\" \\ <a&b>\nline2", "title": "Côte d'Ivoire & Türkiye", "text": TEXT},
        {"id": "nguyễn/ünïcode'", "text": TEXT.replace("\n", "\n\n")},
    ]
    with open("hostile.jsonl", "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")

    failures = []
    p = subprocess.run([irkg, "build", "-q", "-j", "1", "--dict", "hostile.tsv", "hostile.jsonl", "-o", "g.jsonld"],
                       capture_output=True)
    if p.returncode != 0:
        print(p.stderr.decode(errors="replace"))
        return 1
    graph_text = check_jsonld("g.jsonld")
    missing = [n for n in EXPECTED if n not in graph_text]
    for r in records:
        if json.dumps(r["id"], ensure_ascii=False)[1:-1] not in graph_text:
            failures.append(f"graph lacks article id {r['id']!r}")
    if missing:
        # The dictionary names at least must come through; say which did not.
        failures.append(f"graph lacks names: {missing}")

    tested = []
    for fmt, check in FORMATS.items():
        out = f"out.{fmt}"
        p = subprocess.run([irkg, "export", "g.jsonld", "--format", fmt, "-o", out], capture_output=True)
        err = p.stderr.decode(errors="replace")
        if p.returncode == 2 and "unknown format" in err:
            print(f"note: format {fmt} not in this build, skipped")
            continue
        tested.append(fmt)
        if p.returncode != 0:
            failures.append(f"export {fmt}: exit {p.returncode}: {err.strip()}")
            continue
        try:
            text = check(out)
        except Exception as e:  # any reader error is a test failure, with its message
            failures.append(f"export {fmt}: output does not parse: {type(e).__name__}: {e}")
            continue
        if text.startswith(ERROR_PREFIXES):
            failures.append(f"export {fmt}: {text}")
            continue
        text = unescape_for(fmt, text)
        # A diagram may leave an unconnected entity out; a name counts as
        # mangled when its longest word is there but the whole name is not.
        lost = [n for n in EXPECTED if n in graph_text and n not in text
                and max(re.findall(r"\w+", n), key=len) in text]
        if lost:
            failures.append(f"export {fmt}: names lost or mangled: {lost}")
    print("formats tested: " + ", ".join(tested))
    if failures:
        for f in failures:
            print("FAIL: " + f)
        print(f"(left in {work})")
        return 1
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
