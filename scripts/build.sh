#!/usr/bin/env bash
# Configures and builds sqlforge (tests, examples, benchmarks) with one compiler.
#   scripts/build.sh <gcc|clang> [build-dir] [extra `cmake --build` args, e.g. --target example_jobs]
# build-dir defaults to build/<compiler>. Release, Ninja if installed (else Makefiles), -j2.
# Exit code: 0 built; 3 the configure step failed; other non-zero: the build failed.
# Extra configure options can be given in SQLFORGE_CMAKE_ARGS (e.g. "-DSQLFORGE_WITH_MYSQL=OFF").
# SQLFORGE_KEEP_GOING=1 builds every target that can be built even after an error (the exit
# code still says that something failed): scripts/test.sh uses it so that one broken test file
# does not hide the results of the others.
set -euo pipefail

usage() { echo "usage: $0 <gcc|clang> [build-dir] [cmake --build args...]" >&2; exit 2; }
(($# >= 1)) || usage
compiler=$1; shift
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=${1:-$root/build/$compiler}
(($# >= 1)) && shift

case "$compiler" in
    gcc)   cxx=g++ ;;
    clang) if command -v clang++-14 >/dev/null 2>&1; then cxx=clang++-14; else cxx=clang++; fi ;;
    *)     usage ;;
esac
command -v "$cxx" >/dev/null 2>&1 || { echo "build.sh: $cxx not found (run scripts/setup.sh)" >&2; exit 1; }

# Keep the generator a build dir was first configured with (CMake refuses to switch).
generator=
if [[ -f $build_dir/CMakeCache.txt ]]; then
    generator=$(sed -n 's/^CMAKE_GENERATOR:INTERNAL=//p' "$build_dir/CMakeCache.txt")
fi
if [[ -z $generator ]]; then
    if command -v ninja >/dev/null 2>&1; then generator=Ninja; else generator="Unix Makefiles"; fi
fi

read -r -a extra_cmake_args <<<"${SQLFORGE_CMAKE_ARGS:-}"

cmake -S "$root" -B "$build_dir" -G "$generator" \
    -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_CXX_COMPILER="$cxx" \
    -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
    "${extra_cmake_args[@]}" \
    || { echo "build.sh: configuring $build_dir failed" >&2; exit 3; }
native_args=()
if [[ ${SQLFORGE_KEEP_GOING:-0} == 1 ]]; then
    if [[ $generator == Ninja ]]; then native_args=(-- -k 0); else native_args=(-- -k); fi
fi
cmake --build "$build_dir" -j2 "$@" "${native_args[@]}"
