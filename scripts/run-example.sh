#!/usr/bin/env bash
# Runs the main example (examples/jobs.cpp) on embedded SQLite, or on the URL given:
#   bash scripts/run-example.sh                                   # default database
#   bash scripts/run-example.sh mysql://user:pw@127.0.0.1:3306/db
# Installs what is missing, builds only that example with g++ into build/gcc, runs it from
# the current directory with the given arguments.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bash "$root/scripts/setup.sh" >&2
bash "$root/scripts/build.sh" gcc "$root/build/gcc" --target example_jobs >&2
exec "$root/build/gcc/examples/jobs" "$@"
