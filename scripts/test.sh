#!/usr/bin/env bash
# THE test command: installs what is missing, starts a MariaDB for the MySQL tests (when
# scripts/mariadb.sh exists), builds with g++ (build/gcc) and with clang++ under ASan+UBSan
# (build/clang), runs ctest in both, runs the concurrency tests under TSan and the fuzzers,
# prints a summary and exits non-zero if anything failed. About 14 minutes on 2 cores.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
started=$SECONDS

bash scripts/setup.sh

# --- MariaDB: start (scripts/mariadb.sh) ---
# Contract: `scripts/mariadb.sh start` starts a server and prints
# SQLFORGE_TEST_MYSQL_URL=mysql://... on its last stdout line (non-zero exit if it cannot
# start); `scripts/mariadb.sh stop` stops it (also after a failed or partial start).
if [[ -f scripts/mariadb.sh ]]; then
    trap 'bash scripts/mariadb.sh stop || echo "test.sh: warning: scripts/mariadb.sh stop failed" >&2' EXIT
    if ! mariadb_out=$(bash scripts/mariadb.sh start); then
        printf '%s\n' "${mariadb_out:-}"
        echo "test.sh: FATAL: 'scripts/mariadb.sh start' failed: no MariaDB for the MySQL tests" >&2
        exit 1
    fi
    mariadb_last=$(printf '%s\n' "$mariadb_out" | tail -n 1)
    printf '%s\n' "$mariadb_out" | sed '$d'
    if [[ $mariadb_last != SQLFORGE_TEST_MYSQL_URL=mysql://* ]]; then
        echo "test.sh: FATAL: 'scripts/mariadb.sh start' did not print SQLFORGE_TEST_MYSQL_URL=mysql://... on its last line (got: '$mariadb_last')" >&2
        exit 1
    fi
    export "$mariadb_last"
    echo "test.sh: MariaDB up: $SQLFORGE_TEST_MYSQL_URL"
fi
# --- MariaDB: end ---

total_passed=0
total_failed=0
summary=("setup and MariaDB: $((SECONDS - started)) s")
status=0

# record WHAT PASSED FAILED EXIT_CODE STARTED: adds a step's counts to the totals and a line
# (with the seconds since STARTED) to the summary; a failure or a non-zero exit fails the run.
record() {
    local what=$1 p=$2 f=$3 rc=$4 secs=$((SECONDS - $5))
    total_passed=$((total_passed + p))
    total_failed=$((total_failed + f))
    if ((rc != 0 || f != 0)); then
        summary+=("$what FAILED ($p passed, $f failed, exit code $rc; ${secs} s)")
        status=1
    else
        summary+=("$what OK ($p passed; ${secs} s)")
    fi
}

# run_ctest NAME BUILD_DIR [ctest args...]: runs ctest in BUILD_DIR, adds its counts to the
# totals and a line to the summary. A log without ctest's "N tests failed out of M" line
# counts as one failure: a run that never got to its summary must not pass.
run_ctest() {
    local name=$1 dir=$2
    shift 2
    echo
    echo "==== $name: ctest ===="
    local log=$dir/ctest.log rc=0 line failed ran step_start=$SECONDS
    ctest --test-dir "$dir" --output-on-failure --no-tests=error --timeout 900 -j2 "$@" \
        2>&1 | tee "$log" || rc=$?
    line=$(grep -E '[0-9]+% tests passed, [0-9]+ tests? failed out of [0-9]+' "$log" | tail -n 1 || true)
    if [[ $line =~ ([0-9]+)\ tests?\ failed\ out\ of\ ([0-9]+) ]]; then
        failed=${BASH_REMATCH[1]}
        ran=${BASH_REMATCH[2]}
    else
        failed=1; ran=1
    fi
    record "$name: ctest" $((ran - failed)) "$failed" "$rc" "$step_start"
}
# build_and_test NAME COMPILER BUILD_DIR [cmake args]: builds every target with scripts/build.sh
# and runs ctest there. A build error fails the run, but the tests that did build still run.
build_and_test() {
    local name=$1 compiler=$2 build_dir=$3 cmake_args=${4:-} step_start=$SECONDS
    echo
    echo "==== $name: build ($build_dir) ===="
    # Remove the test binaries of the last build, so that one whose sources no longer compile
    # cannot pass as a stale binary (it shows up as "Not Run" instead). Relinking is cheap.
    if [[ -d $build_dir/tests ]]; then
        find "$build_dir/tests" -maxdepth 1 -type f -name '*_tests' -delete
    fi
    local build_rc=0
    SQLFORGE_CMAKE_ARGS=$cmake_args SQLFORGE_KEEP_GOING=1 bash scripts/build.sh "$compiler" "$build_dir" || build_rc=$?
    if ((build_rc == 3)) || [[ ! -f $build_dir/CTestTestfile.cmake ]]; then
        summary+=("$name: CONFIGURE FAILED")
        total_failed=$((total_failed + 1))
        status=1
        return
    fi
    if ((build_rc != 0)); then
        summary+=("$name: BUILD FAILED (the tests that built still ran; $((SECONDS - step_start)) s)")
        total_failed=$((total_failed + 1))
        status=1
    else
        summary+=("$name: build OK ($((SECONDS - step_start)) s)")
    fi
    run_ctest "$name" "$build_dir"
}

# run_step NAME LOG SCRIPT [args]: runs a script whose last "NAME: N passed, M failed" line
# gives its counts (scripts/tsan.sh, scripts/fuzz.sh). No such line, or a non-zero exit with
# none failed, counts as one failure.
run_step() {
    local name=$1 log=$2 script=$3
    shift 3
    local rc=0 line p=0 f=1 step_start=$SECONDS
    mkdir -p "$(dirname "$log")"
    bash "$script" "$@" 2>&1 | tee "$log" || rc=$?
    line=$(grep -E "^$name: [0-9]+ passed, [0-9]+ failed\$" "$log" | tail -n 1 || true)
    if [[ $line =~ ^$name:\ ([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
        p=${BASH_REMATCH[1]}
        f=${BASH_REMATCH[2]}
    fi
    ((rc == 0 || f > 0)) || f=1
    record "$name" "$p" "$f" "$rc" "$step_start"
}

# --- g++: the plain optimised build (warnings are errors), every test, example and benchmark.
build_and_test gcc gcc build/gcc

# --- clang++ with AddressSanitizer + UndefinedBehaviorSanitizer (-O1 -g1; warnings are errors
# here too): every test, example and benchmark once more, leaks checked. One instrumented
# clang++ build instead of a plain clang++ build and a g++ sanitizer build: g++'s UBSan made
# that one the longest step of the run (chinook_full_test.cpp alone took 5 min of CPU).
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    build_and_test "clang+asan+ubsan" clang build/clang "-DSQLFORGE_SANITIZE=ON"

# --- ThreadSanitizer: the concurrency tests (pool, SQLite contention, load) built with
# clang++ -fsanitize=thread in build/tsan and run once; the counts are doctest test cases.
echo
echo "==== tsan: scripts/tsan.sh (build/tsan) ===="
run_step tsan build/tsan.log scripts/tsan.sh build/tsan

# --- libFuzzer (clang): scripts/fuzz.sh builds the fuzz targets in build/fuzz and runs each
# one 60 s from its committed seed corpus (fuzz/corpus/), all at once; a crash, a leak or UB in
# any of them fails the run. About 2.5 minutes including the build.
echo
echo "==== fuzz (build/fuzz, 60 s per target) ===="
run_step fuzz build/fuzz.log scripts/fuzz.sh 60

echo
echo "==== summary ($((SECONDS - started)) s) ===="
printf '%s\n' "${summary[@]}"
if ((status != 0)); then
    echo "test.sh: FAILED"
    ((total_failed > 0)) || total_failed=1   # never close a failed run on "0 failed"
else
    echo "test.sh: all passed"
fi
echo "tests: $total_passed passed, $total_failed failed"
exit "$status"
