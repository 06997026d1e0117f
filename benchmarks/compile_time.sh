#!/usr/bin/env bash
# Compile-time cost of the DSL: generates a file of N different queries (each one's SQL text
# checked in a static_assert-free constexpr use, and executed-shape instantiated), compiles it
# with g++ and clang++, and prints seconds and peak compiler memory, in total and per query,
# against an empty baseline that includes the same headers.
#   bash benchmarks/compile_time.sh [N...]      default: 50 200
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
counts=("$@")
[[ ${#counts[@]} -gt 0 ]] || counts=(50 200)

gen() {  # gen N FILE: N queries, each different in its type
    local n=$1 f=$2
    {
        echo '#include <sqlforge/dsl.hpp>'
        echo '#include <cstdint>'
        echo '#include <optional>'
        echo '#include <string>'
        echo 'struct Job { std::int64_t id; std::string name; int status; std::optional<std::string> note; double score; };'
        echo 'namespace sf = sqlforge;'
        echo 'SQLFORGE_COLUMNS(job, Job, id, name, status, note, score)'
        echo 'using D = sf::sqlite_dialect;'
        echo 'std::size_t total = 0;'
        for ((i = 0; i < n; i++)); do
            case $((i % 5)) in
            0) q="sf::select(job::name, job::status + $i).where(job::id > $i && job::name.like(\"a%\")).order_by(job::status).limit($i)" ;;
            1) q="sf::select(sf::all_of<Job>).where(job::status.between($i, $((i + 10))) || job::note.is_null()).order_by(job::name.desc())" ;;
            2) q="sf::select(job::name, sf::count(job::id).as<\"n$i\">()).group_by(job::name).order_by(sf::desc<\"n$i\">)" ;;
            3) q="sf::update<Job>().set(job::status = job::status + $i, job::score = job::score * 2).where(job::id.in({1, 2, $i}))" ;;
            4) q="sf::delete_from<Job>().where(job::score < $i.5 && !(job::name == \"x$i\"))" ;;
            esac
            echo "void q$i(int v) { auto q = $q; total += q.sql<D>().size() + static_cast<std::size_t>(v); }"
        done
        echo 'int main() { return static_cast<int>(total); }'
    } >"$f"
}

measure() {  # measure COMPILER FILE -> "seconds maxrss_kib"
    /usr/bin/time -f '%e %M' "$1" -std=c++20 -O0 -fsyntax-only -I"$root/include" "$2" 2>&1 >/dev/null | tail -n 1
}

printf '%-9s %6s %9s %10s %12s %12s\n' compiler queries seconds "peak MiB" "ms/query" "KiB/query"
for cxx in g++ clang++; do
    command -v "$cxx" >/dev/null || continue
    gen 0 "$work/base.cpp"
    read -r base_s base_kb < <(measure "$cxx" "$work/base.cpp")
    for n in "${counts[@]}"; do
        gen "$n" "$work/q$n.cpp"
        read -r s kb < <(measure "$cxx" "$work/q$n.cpp")
        awk -v c="$cxx" -v n="$n" -v s="$s" -v kb="$kb" -v bs="$base_s" -v bkb="$base_kb" 'BEGIN {
            printf "%-9s %6d %9.2f %10.1f %12.1f %12.1f\n", c, n, s, kb / 1024, (s - bs) * 1000 / n, (kb - bkb) / n }'
    done
done
