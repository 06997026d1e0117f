#!/usr/bin/env bash
# The concurrency tests under ThreadSanitizer: the connection pool tests
# (tests/integration/pool_test.cpp, as the binary tsan_pool_tests) and the contention and
# load tests of tests/reliability (reliability_tests -ts=contention,load), built with
# clang++ -fsanitize=thread in build/tsan (only those two targets) and run once.
#
#   scripts/tsan.sh [build-dir]          (default build/tsan)
#
# The MySQL cases use SQLFORGE_TEST_MYSQL_URL; when it is not set, a private MariaDB is
# started for the run (scripts/mariadb.sh, in <build-dir>/mariadb, port
# SQLFORGE_TSAN_MARIADB_PORT or 33307) and stopped after.
#
# Debian's libsqlite3 and libmariadb are not instrumented: TSan does not see their own memory
# accesses, only ours and the locks they take through pthreads (intercepted), so they raise
# no reports of their own. tests/tsan.supp is the suppressions file for anything that must
# be silenced; it holds no entry today (nothing needed silencing).
#
# Exit code non-zero if a build failed, a test failed, or TSan reported anything (TSan makes
# the binary exit with 66). The last line is "tsan: N passed, M failed" (doctest test cases;
# a binary that died without its summary counts as one failure).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
build_dir=${1:-build/tsan}
started=$SECONDS
passed=0
failed=0

finish() {
    echo "tsan: done in $((SECONDS - started)) s"
    echo "tsan: $passed passed, $failed failed"
    if ((failed > 0)); then exit 1; fi
    exit 0
}

echo "==== tsan: build ($build_dir: tsan_pool_tests reliability_tests) ===="
if ! SQLFORGE_CMAKE_ARGS="-DSQLFORGE_SANITIZE_THREAD=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSQLFORGE_BUILD_BENCHMARKS=OFF -DSQLFORGE_BUILD_EXAMPLES=OFF" \
    bash scripts/build.sh clang "$build_dir" --target tsan_pool_tests reliability_tests; then
    echo "tsan: BUILD FAILED" >&2
    failed=1
    finish
fi

if [[ -z ${SQLFORGE_TEST_MYSQL_URL:-} && ${SQLFORGE_TEST_BACKENDS:-} != sqlite ]]; then
    export SQLFORGE_MARIADB_DIR=$root/$build_dir/mariadb
    export SQLFORGE_MARIADB_PORT=${SQLFORGE_TSAN_MARIADB_PORT:-33307}
    trap 'bash scripts/mariadb.sh stop >/dev/null || echo "tsan.sh: warning: mariadb.sh stop failed" >&2' EXIT
    if ! out=$(bash scripts/mariadb.sh start); then
        printf '%s\n' "${out:-}"
        echo "tsan: FATAL: could not start a MariaDB for the MySQL cases" >&2
        failed=1
        finish
    fi
    export "$(printf '%s\n' "$out" | tail -n 1)"
    echo "tsan: private MariaDB: $SQLFORGE_TEST_MYSQL_URL"
fi

# halt_on_error=0: every report is printed; any report makes the exit code 66.
export TSAN_OPTIONS="halt_on_error=0 exitcode=66 second_deadlock_stack=1 history_size=4 suppressions=$root/tests/tsan.supp"

run() {   # run <binary> [doctest args...]
    local bin=$1; shift
    local log=$build_dir/$bin.tsan.log
    echo
    echo "==== tsan: $bin $* ===="
    local rc
    set +e
    (cd "$build_dir/tests" && "./$bin" "$@") 2>&1 | tee "$log"
    rc=${PIPESTATUS[0]}
    set -e
    local line p=0 f=0
    line=$(grep -E '^\[doctest\] test cases:' "$log" | tail -n 1 || true)
    if [[ $line =~ \|\ *([0-9]+)\ passed\ \|\ *([0-9]+)\ failed ]]; then
        p=${BASH_REMATCH[1]}
        f=${BASH_REMATCH[2]}
    fi
    local races
    races=$(grep -c '^WARNING: ThreadSanitizer' "$log" || true)
    if ((rc != 0 || races > 0)) && ((f == 0)); then f=1; fi
    if ((races > 0)); then echo "tsan: $races ThreadSanitizer report(s) in $bin (see $log)" >&2; fi
    passed=$((passed + p))
    failed=$((failed + f))
    echo "tsan: $bin: exit code $rc, $p passed, $f failed, $races report(s)"
}

run tsan_pool_tests
run reliability_tests -ts=contention,load
finish
