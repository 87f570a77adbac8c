"""The neo4j-admin import directory parses as RFC 4180 CSV into what the
importer expects (there is no Neo4j here to run the import itself).

usage: check_neo4j_csv.py DIR ENTITIES RELATIONS

Headers exact; every row has as many fields as its header; every
relationship ends at declared node ids; types are schema predicates; typed
columns parse; hostile names come back whole.
"""
import csv
import re
import sys


def fail(msg):
    print("FAIL:", msg)
    sys.exit(1)


def rows(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.reader(f, strict=True))


def main():
    d, entities, relations = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    nodes = rows(d + "/nodes.csv")
    rels = rows(d + "/relationships.csv")
    if nodes[0] != ["id:ID", "name", "type", "subtype", "code", "aliases:string[]", ":LABEL"]:
        fail("nodes.csv header %r" % nodes[0])
    if rels[0] != [":START_ID", ":END_ID", ":TYPE", "title", "date", "confidence:double", "articles:int", "first_seen", "last_seen", "cameo", "goldstein:double", "evidence"]:
        fail("relationships.csv header %r" % rels[0])
    if len(nodes) - 1 != entities or len(rels) - 1 != relations:
        fail("%d nodes and %d relationships, expected %d and %d" % (len(nodes) - 1, len(rels) - 1, entities, relations))
    ids = set()
    for r in nodes[1:]:
        if len(r) != 7:
            fail("node row with %d fields: %r" % (len(r), r))
        if r[6] != "Entity;" + r[2]:
            fail("labels %r for type %r" % (r[6], r[2]))
        ids.add(r[0])
    for r in rels[1:]:
        if len(r) != len(rels[0]):
            fail("relationship row with %d fields: %r" % (len(r), r))
        if r[0] not in ids or r[1] not in ids:
            fail("relationship %r ends at an undeclared node" % r[:3])
        if not re.fullmatch(r"[A-Z]+(_[A-Z]+)*", r[2]):
            fail("relationship type %r" % r[2])
        float(r[5])
        int(r[6])
        if r[10]:
            float(r[10])  # the Goldstein weight of an event edge
    names = {r[1] for r in nodes[1:]}
    for hostile in ("Robert'}) DETACH DELETE n //", "New\nLine\tCity", 'Nguyễn Văn "Ba" Back\\slash',
                    'Ministry of <Foreign> Affairs & "Trade"'):
        if hostile not in names:
            fail("name %r did not survive" % hostile)
    with open(d + "/README.txt", encoding="utf-8") as f:
        if "neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv" not in f.read():
            fail("README.txt lacks the import command")
    print("ok: %d nodes, %d relationships, RFC 4180 well-formed" % (entities, relations))


main()
