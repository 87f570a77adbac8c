#!/usr/bin/env bash
# Raptor parses FILE as SYNTAX, without error or warning, into as many
# triples as the N-Triples export has lines.
# usage: check_rapper.sh RAPPER SYNTAX FILE GRAPH.nt
set -euo pipefail
rapper=$1 syntax=$2 file=$3 nt=$4
log=$("$rapper" -i "$syntax" -c "$file" 2>&1) || { echo "FAIL: rapper rejects $file:"; echo "$log"; exit 1; }
echo "$log"
if grep -qiE 'warning|error' <<<"$log"; then echo "FAIL: rapper complains about $file"; exit 1; fi
got=$(sed -n 's/.*returned \([0-9]*\) triples.*/\1/p' <<<"$log")
want=$(grep -c . "$nt")
[[ $got == "$want" ]] || { echo "FAIL: rapper read $got triples from $file, the N-Triples file has $want"; exit 1; }
echo "ok: $file is valid $syntax with $got triples"
