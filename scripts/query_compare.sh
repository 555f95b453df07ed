#!/usr/bin/env bash
# Do two newsgraph binaries answer alike? (BENCHMARKS.md, "Queries from the store".)
#
#   scripts/query_compare.sh OLD_BIN NEW_BIN OUT_DIR...     each OUT_DIR holds a graph.db
#
# Asks each store the questions of scripts/query_bench.sh, the other question forms (pairs,
# groups, timelines, periods, rankings of each kind) and paths between people near and far,
# each as a table (default), with --all and with --json, and `explain` (text and --json) of a
# few names; compares stdout, stderr and the exit status byte for byte. The old binary's
# outputs are kept in OUT_DIR/compare-old/ (by question), so a second run asks only the new
# one: delete that folder when OLD_BIN changes (CACHED_ONLY=1 asks only what is kept there).
# Prints one line a difference and a count.
set -euo pipefail
old="$1" new="$2"; shift 2
status=0
scratch=$(mktemp -d); trap 'rm -rf "$scratch"' EXIT
for out in "$@"; do
    db="$out/graph.db"
    cache="$out/compare-old"; mkdir -p "$cache"
    pick() { sqlite3 "$db" "$1"; }
    person=$(pick "select e.name from event_participants p join entities e on e.id = p.entity
        where e.kind = 'person' group by p.entity order by count(*) desc, e.id limit 1")
    # People with one contact partner, and one with only planned or denied events: far ends.
    lone=$(pick "select p.entity from event_participants p join events v on v.id = p.event
        join entities e on e.id = p.entity where e.kind = 'person' and v.status = 'happened'
        group by p.entity having count(*) = 1 order by p.entity limit 3")
    apart=$(pick "select id from entities where kind = 'person' and id not in (select p.entity
        from event_participants p join events v on v.id = p.event where v.status = 'happened')
        and id in (select entity from event_participants) order by id limit 1")
    institution=$(pick "select e.id from event_participants p join entities e on e.id = p.entity
        where e.kind = 'institution' group by p.entity order by count(*) desc, e.id limit 1")
    mapfile -t lones <<< "$lone"
    questions=(
        "who spoke to Russia" "who spoke to $person" "contacts between Russia and the United States"
        "timeline of $person" "who spoke to ${person%?}" "who spoke to Nobody Atall" "most connected people"
        "which Russians spoke to Americans" "timeline of Russia" "who met Russia in 2024"
        "contacts between Russia and the United States in 2023" "planned meetings of Russia"
        "did $person speak to Russia" "who spoke to $institution" "all contacts of Ukraine"
        "most connected institutions" "most connected countries" "top 30 most connected people"
        "most connected people in 2024" "top 3 most connected people"
        "path from $person to ${lones[0]}" "path from ${lones[0]} to ${lones[1]}"
        "path from ${lones[1]} to ${lones[2]}" "path from ${lones[2]} to $person"
        "path from $apart to $person" "path from $person to $person" "path from Russia to ${lones[0]}"
        "path from ${lones[0]} to ${lones[1]} in 2024"
    )
    runs=()
    for q in "${questions[@]}"; do
        runs+=("query|$q" "query --all|$q" "query --json|$q")
    done
    for name in "$person" "${lones[0]}" "$institution" "Russia" "$apart"; do
        runs+=("explain|$name" "explain --json|$name")
    done
    same=0 differ=0
    for run in "${runs[@]}"; do
        read -r -a command <<< "${run%%|*}"
        q="${run#*|}"
        key=$(printf '%s' "$run" | sha1sum | cut -c1-16)
        if [ ! -f "$cache/$key.code" ] && [ -n "${CACHED_ONLY:-}" ]; then
            continue
        fi
        if [ ! -f "$cache/$key.code" ]; then
            code=0
            "$old" "${command[@]}" --graph "$db" "$q" > "$cache/$key.out" 2> "$cache/$key.err" || code=$?
            echo "$code" > "$cache/$key.code"
        fi
        code=0
        "$new" "${command[@]}" --graph "$db" "$q" > "$scratch/out" 2> "$scratch/err" || code=$?
        if cmp -s "$scratch/out" "$cache/$key.out" && cmp -s "$scratch/err" "$cache/$key.err" \
            && [ "$code" = "$(cat "$cache/$key.code")" ]; then
            same=$((same + 1))
        else
            differ=$((differ + 1)); status=1
            echo "DIFFERS $out: ${command[*]} \"$q\" (see $cache/$key.out)"
        fi
    done
    echo "== $out: $same same, $differ different"
done
exit $status
