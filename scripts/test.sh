#!/usr/bin/env bash
# Runs all tests: installs missing Debian packages, builds the release preset with tests, runs
# ctest (GoogleTest suites, CLI golden tests, crash tests, demo workspaces) on both cores, and
# runs every benchmark once at its smallest size so none can rot.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
scripts/setup.sh
scripts/build.sh release -DLW_CHECK_HEADERS=ON
ctest --preset release -j "$(nproc)"
for bench in build/release/bench/lw_bench_*; do
  if [[ -x $bench ]]; then
    "$bench" --benchmark_min_time=0.01 > /dev/null
  fi
done
echo "all tests passed"
