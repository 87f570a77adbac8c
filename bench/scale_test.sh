#!/bin/sh
# Scale-out equivalence, on a small generated corpus, with the commands
# docs/scale-out.md gives:
#  1. extract writes the same bytes at -j1, -j2 and -j3, and from stdin;
#  2. the corpus split into shards (split -l), each extracted by its own
#     process (xargs -P), the record files merged in shuffled order, gives
#     the same graph, byte for byte, as `irkg build` of the whole corpus;
#  3. merging graphs built from shards gives that graph too;
#  4. so does `irkg merge - -o -` with the shards' records on stdin.
# usage: scale_test.sh IRKG IRKG_BENCH WORKDIR
set -eu
irkg=$1 bench=$2 work=$3
rm -rf "$work" && mkdir -p "$work" && cd "$work"
fail() { echo "scale_test: $*" >&2; exit 1; }

"$bench" corpus --mb 2 --seed 7 -o corpus.jsonl > /dev/null

# 1. Determinism across thread counts and input forms.
for j in 1 2 3; do "$irkg" extract -q -j "$j" corpus.jsonl -o "j$j.jsonl"; done
cmp j1.jsonl j2.jsonl || fail "-j1 and -j2 differ"
cmp j1.jsonl j3.jsonl || fail "-j1 and -j3 differ"
"$irkg" extract -q -j 2 - -o - < corpus.jsonl > stdin.jsonl
cmp j1.jsonl stdin.jsonl || fail "reading stdin differs"

# 2. Shards extracted in parallel processes, merged in shuffled order.
split -l 97 -d -a 3 --additional-suffix=.jsonl corpus.jsonl shard-
# (the .jsonl suffix matters: irkg reads any other file as one .txt article)
[ "$(ls shard-???.jsonl | wc -l)" -ge 4 ] || fail "expected several shards"
ls shard-???.jsonl | sed "s/\.jsonl$//" | xargs -P 2 -I{} "$irkg" extract -q -j 1 {}.jsonl -o {}.records.jsonl
cat shard-*.records.jsonl | cmp - j1.jsonl || fail "shard records differ from one run's"
records=$(ls shard-*.records.jsonl | sort -r)           # reversed ...
shuffled=$(ls shard-*.records.jsonl | awk 'NR % 2 == 0' ; ls shard-*.records.jsonl | awk 'NR % 2 == 1')  # ... and interleaved
"$irkg" build -q -j 2 corpus.jsonl -o whole.jsonld
"$irkg" merge -q $records -o merged-reversed.jsonld
"$irkg" merge -q $shuffled -o merged-shuffled.jsonld
cmp whole.jsonld merged-reversed.jsonld || fail "merge of shards (reversed) differs from build"
cmp whole.jsonld merged-shuffled.jsonld || fail "merge of shards (shuffled) differs from build"

# 3. Graphs of shards merged: the reducer also takes its own output.
set -- shard-*.records.jsonl
half=$(( $# / 2 ))
"$irkg" merge -q $(ls shard-*.records.jsonl | head -n "$half") -o left.jsonld
"$irkg" merge -q $(ls shard-*.records.jsonl | tail -n +"$((half + 1))") -o right.jsonld
"$irkg" merge -q right.jsonld left.jsonld -o halves.jsonld
cmp whole.jsonld halves.jsonld || fail "merge of shard graphs differs from build"
# 4. The reducer as a filter: records in any order on stdin, graph on stdout.
cat $shuffled | "$irkg" merge -q - -o - > stdin-merge.jsonld
cmp whole.jsonld stdin-merge.jsonld || fail "merge of records on stdin differs from build"
echo "scale_test: ok ($(ls shard-*.records.jsonl | wc -l) shards)"
