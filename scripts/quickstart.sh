#!/usr/bin/env bash
# Quick start on a fresh Debian machine: install the Debian packages, build, build both demo
# workspaces from the real data in data/, print each region's summary and who reaches which
# service in Lauf (README: "Who reaches which service").
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
scripts/setup.sh
cmake --preset release > /dev/null
cmake --build --preset release -j "$(nproc)" --target lebenswert # tests are built by scripts/test.sh
lw=build/release/src/cli/lebenswert
scripts/build-demo.sh "$lw" workspaces > workspaces.log 2>&1 || { cat workspaces.log; exit 1; }
echo "Demo workspaces built (log: workspaces.log). Open them in QGIS, or:"
for ws in workspaces/werra-meissner.gpkg workspaces/lauf.gpkg; do
  echo
  echo "################################################################################"
  "$lw" info -w "$ws"
done
echo
echo "################################################################################"
echo "Lauf a. d. Pegnitz: who reaches which service (docs/accessibility.md)"
"$lw" access -w workspaces/lauf.gpkg --profile walk --profile car
