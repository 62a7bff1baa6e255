#!/usr/bin/env bash
# Configures and builds one CMake preset (default: release) with all cores. Further arguments go
# to the configure step, e.g. scripts/build.sh release -DLW_CHECK_HEADERS=ON
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
preset=${1:-release}
shift || true
cd "$root"
cmake --preset "$preset" "$@" > /dev/null
cmake --build --preset "$preset" -j "$(nproc)"
