#!/usr/bin/env bash
# Builds the fixture graph from hand-written extraction records and writes
# every export of it into OUT, for the checks that follow (ctest fixture).
# usage: make_exports.sh IRKG RECORDS.jsonl OUT
set -euo pipefail
irkg=$1 records=$2 out=$3
rm -rf "$out"
mkdir -p "$out"
"$irkg" merge "$records" -o "$out/graph.jsonld" --quiet
for f in nt ttl graphml cypher dot; do
  "$irkg" export "$out/graph.jsonld" --format "$f" -o "$out/graph.$f"
done
"$irkg" export "$out/graph.jsonld" --format jsonld -o "$out/roundtrip.jsonld"
"$irkg" export "$out/graph.jsonld" --format neo4j -o "$out/neo4j"
"$irkg" export "$out/graph.jsonld" --format kuzu -o "$out/kuzu"
echo "exports of $(wc -l < "$out/graph.nt") triples written to $out"
