"""Static check of the Cypher script (no Neo4j or Memgraph here to run it).

usage: check_cypher.py GRAPH.cypher ENTITIES RELATIONS

Tokenizes the script as Cypher does: single-quoted literals with backslash
escapes. Every literal must close on its line, every escape must be one
Cypher knows, and with the literals masked each statement must be one of
the two shapes the writer makes, with labels and types from the schema. The
hostile names must come back whole from inside their literals, so a name
like  Robert'}) DETACH DELETE n //  cannot end its literal early.
"""
import re
import sys

LABELS = "Person|Country|Organization|Location|Agreement|Project"
TYPES = ("HOLDS_POSITION|MEMBER_OF|LOCATED_IN|DIPLOMATIC_RELATIONS|HAS_EMBASSY_IN|MET_WITH|VISITED|SIGNED|"
         "COOPERATES_WITH|SUPPORTS|SUPPLIES|CRITICIZES|THREATENS|SANCTIONS|ATTACKS")
NUM = r"-?\d+(?:\.\d+)?(?:E-?\d+)?"
ENTITY = re.compile(r"MERGE \(n:Entity \{id: S\}\) SET n:(?:%s), n\.name = S, n\.type = S"
                    r"(?:, n\.subtype = S)?(?:, n\.code = S)?, n\.aliases = \[(?:S(?:, S)*)?\];$" % LABELS)
RELATION = re.compile(r"MATCH \(a:Entity \{id: S\}\), \(b:Entity \{id: S\}\) MERGE \(a\)-\[r:(?:%s)\]->\(b\) "
                      r"SET r\.title = S, r\.date = S, r\.confidence = %s, r\.articles = \d+"
                      r"(?:, r\.first_seen = S, r\.last_seen = S)?(?:, r\.cameo = S, r\.goldstein = %s)?, r\.evidence = S;$"
                      % (TYPES, NUM, NUM))
ESCAPES = {"\\": "\\", "'": "'", '"': '"', "n": "\n", "r": "\r", "t": "\t", "b": "\b", "f": "\f"}


def fail(msg):
    print("FAIL:", msg)
    sys.exit(1)


def tokenize(line, number):
    masked, literals, i = [], [], 0
    while i < len(line):
        c = line[i]
        if c != "'":
            masked.append(c)
            i += 1
            continue
        i += 1
        value = []
        while True:
            if i >= len(line):
                fail("line %d: string literal does not close" % number)
            c = line[i]
            if c == "'":
                i += 1
                break
            if c == "\\":
                e = line[i + 1:i + 2]
                if e in ESCAPES:
                    value.append(ESCAPES[e])
                    i += 2
                elif e == "u" and re.fullmatch(r"[0-9A-Fa-f]{4}", line[i + 2:i + 6]):
                    value.append(chr(int(line[i + 2:i + 6], 16)))
                    i += 6
                else:
                    fail("line %d: unknown escape \\%s" % (number, e))
                continue
            if ord(c) < 0x20:
                fail("line %d: raw control character in a literal" % number)
            value.append(c)
            i += 1
        masked.append("S")
        literals.append("".join(value))
    return "".join(masked), literals


def main():
    path, entities, relations = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    seen_entities = seen_relations = 0
    strings = set()
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if line.startswith("//"):
                continue
            masked, literals = tokenize(line, number)
            strings.update(literals)
            if ENTITY.match(masked):
                seen_entities += 1
            elif RELATION.match(masked):
                seen_relations += 1
            else:
                fail("line %d: not a statement the writer makes: %s" % (number, masked))
    if (seen_entities, seen_relations) != (entities, relations):
        fail("%d entity and %d relation statements, expected %d and %d" %
             (seen_entities, seen_relations, entities, relations))
    for hostile in ("Robert'}) DETACH DELETE n //", "Côte d'Ivoire", 'Nguyễn Văn "Ba" Back\\slash',
                    "New\nLine\tCity", "Director\\General"):
        if hostile not in strings:
            fail("%r is not one whole literal" % hostile)
    print("ok: %d MERGE entities, %d MERGE relations, every literal well-formed" % (entities, relations))


main()
