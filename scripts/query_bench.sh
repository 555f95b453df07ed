#!/usr/bin/env bash
# Query time and peak memory against graph size (BENCHMARKS.md, "Queries from the store").
#
#   scripts/query_bench.sh OUT_DIR...     each OUT_DIR written by `newsgraph build ... --out OUT_DIR`
#
# For each store: the questions below, each run 3 times under /usr/bin/time; prints the best
# wall time, its CPU time (user + system) and the largest peak RSS, one line a question, and
# the shape of the default answer (lines, widest line). The person asked about is the store's
# most connected person (so every size has one to ask about); the misspelled name is that
# name with the last letter of the surname dropped; the path runs from the first person (by id)
# with one partner to that person; `explain` explains that person.
# NEWSGRAPH=path/to/newsgraph (default target/fast).
set -euo pipefail
bin="${NEWSGRAPH:-target/fast/newsgraph}"
for out in "$@"; do
    db="$out/graph.db"
    articles=$(sqlite3 "$db" "select count(*) from articles")
    entities=$(sqlite3 "$db" "select count(*) from entities")
    events=$(sqlite3 "$db" "select count(*) from events")
    person=$(sqlite3 "$db" "select e.name from event_participants p join entities e on e.id = p.entity
        where e.kind = 'person' group by p.entity order by count(*) desc, e.id limit 1")
    surname="${person##* }"
    [ "$surname" = "Jr." ] && surname=$(echo "$person" | awk '{print $(NF-1)}')
    slip="${person/$surname/${surname%?}}"
    # A far end for a path: the first person (by id) with one partner.
    lone=$(sqlite3 "$db" "select p.entity from event_participants p join events v on v.id = p.event
        join entities e on e.id = p.entity where e.kind = 'person' and v.status = 'happened'
        group by p.entity having count(*) = 1 order by p.entity limit 1")
    echo "== $out: $articles articles, $entities entities, $events events, graph.db $(du -m "$db" | cut -f1) MB; person: $person; load $(cut -d' ' -f1 /proc/loadavg)"
    for question in "who spoke to Russia" "who spoke to $person" "contacts between Russia and the United States" \
        "timeline of $person" "who spoke to $slip" "who spoke to Nobody Atall" "most connected people" \
        "path from $lone to $person" "explain $person"; do
        best="" ; rss=0
        command=(query "$question")
        [ "${question%% *}" = explain ] && command=(explain "${question#explain }")
        for _ in 1 2 3; do
            /usr/bin/time -o /tmp/query_bench.time -f "%e %U %S %M" "$bin" "${command[0]}" --graph "$db" "${command[1]}" \
                > /tmp/query_bench.out 2>&1 || true
            read -r wall user sys kb < <(tail -1 /tmp/query_bench.time)
            cpu=$(echo "$user + $sys" | bc)
            if [ -z "$best" ] || [ "$(echo "$wall < ${best%% *}" | bc)" = 1 ]; then best="$wall $cpu"; fi
            [ "$kb" -gt "$rss" ] && rss=$kb
        done
        lines=$(wc -l < /tmp/query_bench.out)
        widest=$(python3 -c 'import sys; print(max((len(l) for l in open(sys.argv[1], encoding="utf-8").read().splitlines()), default=0))' /tmp/query_bench.out)
        printf '%-60s wall %5ss  cpu %5ss  peak %4d MB  answer %3d lines, widest %3d\n' \
            "$question" "${best%% *}" "${best##* }" $((rss / 1024)) "$lines" "$widest"
    done
done
