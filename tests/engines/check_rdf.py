"""The JSON-LD, N-Triples and Turtle exports are one RDF graph.

usage: check_rdf.py GRAPH.jsonld GRAPH.nt GRAPH.ttl

- every key the JSON-LD uses is defined by its @context (pyld 2.0 has no
  safe mode; expansion silently drops undefined keys, so this is checked
  directly, then expansion is run and must keep every node);
- rdflib reads all three, and the graph from the JSON-LD is isomorphic to
  the graphs from the .nt and the .ttl, and to pyld's own RDF conversion.

xsd:double literals are compared by value: processors disagree on the
lexical form of the same JSON number (rdflib 6 keeps "0.97", pyld 2.0
writes "9.700000000000000E-01", JSON-LD 1.1 and irkg write "9.7E-1").
"""
import json
import sys

import rdflib
from rdflib.compare import isomorphic, graph_diff, to_isomorphic
from rdflib.namespace import XSD
from pyld import jsonld

KEYWORDS = {"@context", "@id", "@type", "@graph", "@value", "@language", "@list", "@set"}


def fail(msg):
    print("FAIL:", msg)
    sys.exit(1)


def check_keys(doc):
    ctx = doc["@context"]
    undefined = set()

    def walk(node):
        if isinstance(node, list):
            for v in node:
                walk(v)
        elif isinstance(node, dict):
            for k, v in node.items():
                if k == "@context":
                    continue
                if k not in KEYWORDS and k not in ctx and ":" not in k:
                    undefined.add(k)
                if k == "@type":
                    types = v if isinstance(v, list) else [v]
                    for t in types:
                        if t not in ctx and ":" not in t:
                            undefined.add("@type " + t)
                walk(v)

    walk(doc["@graph"])
    if undefined:
        fail("keys not defined by the @context: %s" % sorted(undefined))


def by_value(graph):
    out = rdflib.Graph()
    for s, p, o in graph:
        if isinstance(o, rdflib.Literal) and o.datatype == XSD.double:
            o = rdflib.Literal(repr(float(o)), datatype=XSD.double)
        out.add((s, p, o))
    return out


def same(name_a, a, name_b, b):
    if isomorphic(a, b):
        return
    _, only_a, only_b = graph_diff(to_isomorphic(a), to_isomorphic(b))
    print("only in %s:" % name_a)
    for t in sorted(only_a)[:20]:
        print("  ", t)
    print("only in %s:" % name_b)
    for t in sorted(only_b)[:20]:
        print("  ", t)
    fail("%s (%d triples) and %s (%d triples) are not isomorphic" % (name_a, len(a), name_b, len(b)))


def main():
    jsonld_path, nt_path, ttl_path = sys.argv[1:4]
    with open(jsonld_path, encoding="utf-8") as f:
        doc = json.load(f)
    check_keys(doc)

    expanded = jsonld.expand(doc)
    nodes_in = len(doc["@graph"])
    if len(expanded) != nodes_in:
        fail("pyld expansion kept %d of %d nodes" % (len(expanded), nodes_in))

    from_jsonld = by_value(rdflib.Graph().parse(jsonld_path, format="json-ld"))
    # rdflib before 6.2 decodes "\\t" in N-Triples as backslash + tab
    # (fixed by RDFLib/rdflib#1663); N-Triples is a subset of Turtle, whose
    # rdflib parser has it right, so older versions read the .nt as Turtle.
    nt_format = "nt" if tuple(int(x) for x in rdflib.__version__.split(".")[:2]) >= (6, 2) else "turtle"
    from_nt = by_value(rdflib.Graph().parse(nt_path, format=nt_format))
    from_ttl = by_value(rdflib.Graph().parse(ttl_path, format="turtle"))
    nquads = jsonld.to_rdf(doc, {"format": "application/n-quads"})
    from_pyld = by_value(rdflib.Graph().parse(data=nquads, format=nt_format))
    if len(from_jsonld) == 0:
        fail("rdflib read no triples from the JSON-LD")

    same("rdflib(jsonld)", from_jsonld, "rdflib(nt)", from_nt)
    same("rdflib(jsonld)", from_jsonld, "rdflib(ttl)", from_ttl)
    same("rdflib(jsonld)", from_jsonld, "pyld.to_rdf(jsonld)", from_pyld)
    print("ok: %d triples, JSON-LD = N-Triples = Turtle = pyld, %d nodes expanded" % (len(from_jsonld), len(expanded)))


main()
