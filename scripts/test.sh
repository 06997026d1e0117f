#!/usr/bin/env bash
# THE test command: installs what is missing, starts a MariaDB for the MySQL tests (when
# scripts/mariadb.sh exists), builds with g++ (build/gcc) and clang++ (build/clang), runs
# ctest in both, prints a summary and exits non-zero if anything failed.
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
summary=()
status=0

# run_ctest NAME BUILD_DIR [ctest args...]: runs ctest in BUILD_DIR, adds its counts to the
# totals and a line to the summary. A log without ctest's "N tests failed out of M" line
# counts as one failure: a run that never got to its summary must not pass.
run_ctest() {
    local name=$1 dir=$2
    shift 2
    echo
    echo "==== $name: ctest ===="
    local log=$dir/ctest.log rc=0 line failed ran passed
    ctest --test-dir "$dir" --output-on-failure --no-tests=error --timeout 900 -j2 "$@" \
        2>&1 | tee "$log" || rc=$?
    line=$(grep -E '[0-9]+% tests passed, [0-9]+ tests? failed out of [0-9]+' "$log" | tail -n 1 || true)
    if [[ $line =~ ([0-9]+)\ tests?\ failed\ out\ of\ ([0-9]+) ]]; then
        failed=${BASH_REMATCH[1]}
        ran=${BASH_REMATCH[2]}
    else
        failed=1; ran=1
    fi
    passed=$((ran - failed))
    total_passed=$((total_passed + passed))
    total_failed=$((total_failed + failed))
    if ((rc != 0 || failed != 0)); then
        summary+=("$name: ctest FAILED ($passed passed, $failed failed, exit code $rc)")
        status=1
    else
        summary+=("$name: ctest OK ($passed passed)")
    fi
}
for compiler in gcc clang; do
    build_dir=build/$compiler
    echo
    echo "==== $compiler: build ($build_dir) ===="
    # Remove the test binaries of the last build, so that one whose sources no longer compile
    # cannot pass as a stale binary (it shows up as "Not Run" instead). Relinking is cheap.
    if [[ -d $build_dir/tests ]]; then
        find "$build_dir/tests" -maxdepth 1 -type f -name '*_tests' -delete
    fi
    build_rc=0
    SQLFORGE_KEEP_GOING=1 bash scripts/build.sh "$compiler" "$build_dir" || build_rc=$?
    if ((build_rc == 3)) || [[ ! -f $build_dir/CTestTestfile.cmake ]]; then
        summary+=("$compiler: CONFIGURE FAILED")
        total_failed=$((total_failed + 1))
        status=1
        continue
    fi
    if ((build_rc != 0)); then
        summary+=("$compiler: BUILD FAILED (the tests that built still ran)")
        total_failed=$((total_failed + 1))
        status=1
    fi
    run_ctest "$compiler" "$build_dir"
done

# --- AddressSanitizer + UndefinedBehaviorSanitizer: every test binary and example once more
# (g++, -O1 with debug info); compile-fail tests and benchmarks are left out: they run no code.
echo
echo "==== asan+ubsan: build (build/asan) ===="
asan_dir=build/asan
if [[ -d $asan_dir/tests ]]; then
    find "$asan_dir/tests" -maxdepth 1 -type f -name '*_tests' -delete
fi
asan_targets=(--target unit_tests sqlite_backend_tests integration_tests reliability_tests sqlforge_examples)
[[ -n ${SQLFORGE_TEST_MYSQL_URL:-} ]] && asan_targets+=(mysql_backend_tests)
asan_rc=0
SQLFORGE_CMAKE_ARGS="-DSQLFORGE_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSQLFORGE_BUILD_BENCHMARKS=OFF" \
    SQLFORGE_KEEP_GOING=1 bash scripts/build.sh gcc "$asan_dir" "${asan_targets[@]}" || asan_rc=$?
if ((asan_rc != 0)); then
    summary+=("asan: BUILD FAILED (exit code $asan_rc)")
    total_failed=$((total_failed + 1))
    status=1
else
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        run_ctest asan "$asan_dir" -E '^(compile_fail|bench)'
fi

# --- ThreadSanitizer: the concurrency tests (pool, SQLite contention, load) built with
# clang++ -fsanitize=thread in build/tsan and run once by scripts/tsan.sh, whose last line
# "tsan: N passed, M failed" (doctest test cases) is added to the totals.
echo
echo "==== tsan: scripts/tsan.sh (build/tsan) ===="
mkdir -p build
tsan_rc=0
bash scripts/tsan.sh build/tsan 2>&1 | tee build/tsan.log || tsan_rc=$?
if [[ $(tail -n 1 build/tsan.log) =~ ^tsan:\ ([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
    tsan_passed=${BASH_REMATCH[1]}
    tsan_failed=${BASH_REMATCH[2]}
else
    tsan_passed=0; tsan_failed=1
fi
((tsan_rc == 0 || tsan_failed > 0)) || tsan_failed=1
total_passed=$((total_passed + tsan_passed))
total_failed=$((total_failed + tsan_failed))
if ((tsan_rc != 0 || tsan_failed != 0)); then
    summary+=("tsan: FAILED ($tsan_passed passed, $tsan_failed failed, exit code $tsan_rc)")
    status=1
else
    summary+=("tsan: OK ($tsan_passed passed)")
fi
# --- ThreadSanitizer: end

# --- libFuzzer (clang): scripts/fuzz.sh builds the fuzz targets in build/fuzz and runs each
# one 60 s from its committed seed corpus (fuzz/corpus/), all at once; a crash, a leak or UB in
# any of them fails the run. About 2.5 minutes including the build.
echo
echo "==== fuzz (build/fuzz, 60 s per target) ===="
mkdir -p build
fuzz_rc=0
bash scripts/fuzz.sh 60 2>&1 | tee build/fuzz.log || fuzz_rc=$?
fuzz_line=$(grep -E '^fuzz: [0-9]+ passed, [0-9]+ failed$' build/fuzz.log | tail -n 1 || true)
if [[ $fuzz_line =~ ^fuzz:\ ([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
    fuzz_passed=${BASH_REMATCH[1]}
    fuzz_failed=${BASH_REMATCH[2]}
else
    fuzz_passed=0; fuzz_failed=1
fi
((fuzz_rc == 0 || fuzz_failed > 0)) || fuzz_failed=1
total_passed=$((total_passed + fuzz_passed))
total_failed=$((total_failed + fuzz_failed))
if ((fuzz_rc != 0 || fuzz_failed != 0)); then
    summary+=("fuzz: FAILED ($fuzz_passed passed, $fuzz_failed failed, exit code $fuzz_rc)")
    status=1
else
    summary+=("fuzz: OK ($fuzz_passed targets, 60 s each)")
fi
# --- libFuzzer: end

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
