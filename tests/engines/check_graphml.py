"""NetworkX reads the GraphML export with every node, edge and typed value.

usage: check_graphml.py GRAPH.graphml ENTITIES RELATIONS
"""
import sys

import networkx as nx


def main():
    path, entities, relations = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    g = nx.read_graphml(path)
    if g.number_of_nodes() != entities:
        sys.exit("FAIL: %d nodes, expected %d" % (g.number_of_nodes(), entities))
    if g.number_of_edges() != relations:
        sys.exit("FAIL: %d edges, expected %d" % (g.number_of_edges(), relations))
    for n, d in g.nodes(data=True):
        if not isinstance(d.get("name"), str) or "type" not in d:
            sys.exit("FAIL: node %r lacks name or type: %r" % (n, d))
    for *_, d in g.edges(data=True):
        if not isinstance(d.get("confidence"), float) or not isinstance(d.get("article_count"), int):
            sys.exit("FAIL: edge data not typed: %r" % d)
    names = {d["name"] for _, d in g.nodes(data=True)}
    for hostile in ("Côte d'Ivoire", 'Nguyễn Văn "Ba" Back\\slash', "New\nLine\tCity",
                    'Ministry of <Foreign> Affairs & "Trade"'):
        if hostile not in names:
            sys.exit("FAIL: name %r did not survive: %r" % (hostile, sorted(names)))
    print("ok: %d nodes, %d edges (%s)" % (g.number_of_nodes(), g.number_of_edges(), type(g).__name__))


main()
