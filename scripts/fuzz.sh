#!/usr/bin/env bash
# Builds sqlforge's libFuzzer targets with clang (build/fuzz, -DSQLFORGE_BUILD_FUZZERS=ON) and
# runs every target at the same time for [seconds] each (default 60), starting from its
# committed seed corpus in fuzz/corpus/<target>/.
#   scripts/fuzz.sh [seconds]
# New inputs the fuzzers find go to build/fuzz/corpus/<target>/ (the committed seeds are only
# read); a crash leaves its input in build/fuzz/artifacts/<target>/ (turn it into a regression
# test, fix the library, and add the input to the seeds). Exit code 0 when no target crashed;
# the last line is "fuzz: N passed, M failed".
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
seconds=${1:-60}
[[ $seconds =~ ^[0-9]+$ ]] && ((seconds > 0)) || { echo "usage: $0 [seconds > 0]" >&2; exit 2; }
build_dir=build/fuzz
targets=(fuzz_url fuzz_text fuzz_rows)
started=$SECONDS

echo "==== fuzz: build ($build_dir, clang, -fsanitize=fuzzer,address,undefined) ===="
if ! SQLFORGE_CMAKE_ARGS="-DSQLFORGE_BUILD_FUZZERS=ON -DSQLFORGE_BUILD_TESTS=OFF -DSQLFORGE_BUILD_EXAMPLES=OFF -DSQLFORGE_BUILD_BENCHMARKS=OFF -DSQLFORGE_INSTALL=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo" \
        bash scripts/build.sh clang "$build_dir" --target "${targets[@]}"; then
    echo "fuzz.sh: building the fuzz targets failed" >&2
    echo "fuzz: 0 passed, ${#targets[@]} failed"
    exit 1
fi
build_s=$((SECONDS - started))

echo
echo "==== fuzz: run (${#targets[@]} targets at once, $seconds s each) ===="
pids=()
for t in "${targets[@]}"; do
    bin=$(find "$build_dir" -type f -name "$t" -perm -u+x | head -n 1)
    [[ -n $bin ]] || { echo "fuzz.sh: $t was not built" >&2; echo "fuzz: 0 passed, ${#targets[@]} failed"; exit 1; }
    mkdir -p "$build_dir/corpus/$t" "$build_dir/artifacts/$t"
    seeds=fuzz/corpus/$t
    [[ -d $seeds ]] || { echo "fuzz.sh: no seed corpus $seeds" >&2; exit 1; }
    # -timeout: one input running longer is a failure; -rss_limit_mb: so is one using more memory.
    "$bin" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 -max_len=4096 -print_final_stats=1 \
        -artifact_prefix="$build_dir/artifacts/$t/" "$build_dir/corpus/$t" "$seeds" \
        >"$build_dir/$t.log" 2>&1 &
    pids+=($!)
done

passed=0
failed=0
for i in "${!targets[@]}"; do
    t=${targets[$i]}
    rc=0
    wait "${pids[$i]}" || rc=$?
    log=$build_dir/$t.log
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
    corpus=$(grep -oE 'corp: [0-9]+/[0-9]+[a-zA-Z]*' "$log" | tail -n 1 | sed 's/corp: //')
    seeds_n=$(find "fuzz/corpus/$t" -type f | wc -l)
    if ((rc == 0)); then
        passed=$((passed + 1))
        echo "$t: OK: ${runs:-?} executions, ${rate:-?} exec/s, corpus ${corpus:-?} (units/bytes; $seeds_n seeds)"
    else
        failed=$((failed + 1))
        echo "$t: FAILED (exit code $rc) after ${runs:-?} executions; input in $build_dir/artifacts/$t/; last lines of $log:"
        tail -n 40 "$log" | sed 's/^/    /'
    fi
done
echo "fuzz.sh: build ${build_s} s, total $((SECONDS - started)) s"
echo "fuzz: $passed passed, $failed failed"
((failed == 0))
