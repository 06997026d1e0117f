#!/usr/bin/env bash
# Runs every sqlforge benchmark and prints the tables that benchmarks/README.md shows:
#   1. the workloads W1-W5 of sqlforge, the raw C APIs and SOCI on SQLite and MariaDB, with
#      each one's time as a ratio to the raw C API (benchmarks/workloads.cpp);
#   2. the same workloads' instructions counted by callgrind (deterministic: a cross-check of
#      the ratios on a busy machine, where wall-clock times move by more than 5 %);
#   3. heap allocations per warm W3 lookup (benchmarks/alloc_count.cpp);
#   4. the size of the jobs example's binary;
#   5. compile time and compiler memory per query (benchmarks/compile_time.sh).
#
#   bash benchmarks/run.sh [--quick] [--no-callgrind] [--no-compile-time]
#
# Builds in Release with g++ (build/gcc, as scripts/build.sh). MariaDB: uses
# SQLFORGE_TEST_MYSQL_URL if set, else starts a throwaway server with scripts/mariadb.sh
# (SQLFORGE_MARIADB_DIR / SQLFORGE_MARIADB_PORT as there; default build/bench-mariadb, port
# 33307) and stops it at the end. Everything printed is also written to build/bench/.
# --quick: 3 repetitions instead of 10 and fewer lookups (a minute or two instead of ~10).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
quick=0 callgrind=1 compile_time=1
for a in "$@"; do
    case $a in
        --quick) quick=1 ;;
        --no-callgrind) callgrind=0 ;;
        --no-compile-time) compile_time=0 ;;
        *) echo "usage: $0 [--quick] [--no-callgrind] [--no-compile-time]" >&2; exit 2 ;;
    esac
done

build=${SQLFORGE_BENCH_BUILD_DIR:-$root/build/gcc}
out=$root/build/bench
mkdir -p "$out"

bash scripts/build.sh gcc "$build" --target bench_workloads bench_alloc_count example_jobs >"$out/build.log" 2>&1 \
    || { tail -n 30 "$out/build.log"; echo "run.sh: build failed (log: $out/build.log)" >&2; exit 1; }

# --- MariaDB ---
started_mariadb=0
if [[ -z ${SQLFORGE_TEST_MYSQL_URL:-} ]]; then
    export SQLFORGE_MARIADB_DIR=${SQLFORGE_MARIADB_DIR:-$root/build/bench-mariadb}
    export SQLFORGE_MARIADB_PORT=${SQLFORGE_MARIADB_PORT:-33307}
    trap 'bash scripts/mariadb.sh stop >/dev/null 2>&1 || true' EXIT
    last=$(bash scripts/mariadb.sh start | tail -n 1)
    [[ $last == SQLFORGE_TEST_MYSQL_URL=* ]] || { echo "run.sh: MariaDB did not start" >&2; exit 1; }
    export "$last"
    started_mariadb=1
fi

reps=10 lookups=100000
((quick)) && reps=3 lookups=20000

{
    echo "# sqlforge benchmarks, $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "# $(uname -srm), $(nproc) CPU(s), load average $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "# $(g++ --version | head -n 1); SQLite $(sqlite3 --version | cut -d' ' -f1); $(mariadb --version 2>/dev/null | head -n 1)"
} | tee "$out/summary.txt"

echo | tee -a "$out/summary.txt"
echo "== 1. workloads (Google Benchmark, $reps repetitions, fastest of each) ==" | tee -a "$out/summary.txt"
"$build/benchmarks/workloads" --benchmark_repetitions="$reps" --benchmark_enable_random_interleaving=true \
    --benchmark_min_time=0.5 --benchmark_out="$out/workloads.json" --benchmark_out_format=json \
    | tee "$out/workloads.txt" | sed -n '/^sqlforge and SOCI relative/,$p' | tee -a "$out/summary.txt"

if ((callgrind)) && command -v valgrind >/dev/null; then
    echo | tee -a "$out/summary.txt"
    echo "== 2. instructions per workload run (callgrind; 10,000 rows on SQLite, 5,000 on MariaDB) ==" \
        | tee -a "$out/summary.txt"
    # Each client's workload function is counted with everything it calls (the database
    # library included; the MariaDB server is another process and not counted), in its one
    # timed run (--benchmark_min_time=0), after the untimed warm-up where there is one.
    cg_table() {  # cg_table DATABASE ROWS
        local f=$out/callgrind.$1.out
        valgrind --tool=callgrind --callgrind-out-file="$f" --collect-atstart=no \
            "$build/benchmarks/workloads" --rows="$2" --benchmark_min_time=0 \
            --benchmark_filter="/$1/" >"$f.log" 2>&1
        callgrind_annotate --inclusive=yes --threshold=100 "$f" 2>/dev/null \
            | sed -n 's/^ *\([0-9,]*\) .*(anonymous namespace)::\([a-z_]*\)_client::\(w[1-5]\)_.*/\1 \2 \3/p' \
            | tr -d , | awk -v db="$1" -v rows="$2" '
                { v[$3 " " $2] = $1 }  # one run of each (--benchmark_min_time=0: one iteration)
                END {
                    printf "%-8s %-4s %14s %14s %14s %8s %9s\n", "database", "work", "raw", "sqlforge", "soci", "sf/raw", "soci/raw"
                    for (w = 1; w <= 5; w++) {
                        r = v["w" w " raw_" (db == "sqlite" ? "sqlite" : "mysql")]; s = v["w" w " sqlforge"]; c = v["w" w " soci"]
                        printf "%-8s W%-3d %14d %14d %14s %8.3f %9s\n", db, w, r, s, c ? c : "-", r ? s / r : 0, (c && r) ? sprintf("%.3f", c / r) : "-"
                    }
                }'
    }
    cg_table sqlite 10000 | tee -a "$out/summary.txt"
    cg_table mariadb 5000 | tail -n 5 | tee -a "$out/summary.txt"
    echo "(MariaDB: the client process only; the server's work is not counted)" | tee -a "$out/summary.txt"
fi

echo | tee -a "$out/summary.txt"
echo "== 3. allocations ==" | tee -a "$out/summary.txt"
"$build/benchmarks/alloc_count" --lookups="$lookups" | tee -a "$out/summary.txt"

echo | tee -a "$out/summary.txt"
echo "== 4. binary size of examples/jobs (g++ -O3, Release) ==" | tee -a "$out/summary.txt"
jobs_bin=$build/examples/jobs
stripped=$out/jobs.stripped
strip -o "$stripped" "$jobs_bin"
{
    printf '%-22s %10s bytes\n' "as built:" "$(stat -c %s "$jobs_bin")"
    printf '%-22s %10s bytes\n' "stripped:" "$(stat -c %s "$stripped")"
    size "$jobs_bin" | sed 's/^/  /'
    echo "  (dynamically linked: libsqlite3, libmariadb, libstdc++ are not counted)"
} | tee -a "$out/summary.txt"

if ((compile_time)); then
    echo | tee -a "$out/summary.txt"
    echo "== 5. compile time (benchmarks/compile_time.sh: -fsyntax-only, -O0) ==" | tee -a "$out/summary.txt"
    bash benchmarks/compile_time.sh 50 200 | tee -a "$out/summary.txt"
fi

echo
echo "run.sh: all output in $out (summary.txt, workloads.json)"
((started_mariadb)) && echo "run.sh: stopping the MariaDB it started"
exit 0
