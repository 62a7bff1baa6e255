#!/usr/bin/env bash
# Builds the two demo workspaces from the real data in data/ (see data/SOURCES.md):
#   werra-meissner.gpkg  the 16 municipalities of the Werra-Meißner-Kreis (+ Gutsbezirk Kaufunger
#                        Wald): boundaries, population 2016 and 2019, district age groups 2018,
#                        life tables, INKAR reference values, census 2011 grid
#   lauf.gpkg            Lauf a. d. Pegnitz with its neighbours Neunkirchen a. Sand and
#                        Rückersdorf: OSM network, buildings and facilities, census grid, statistics,
#                        and the accessibility of services on foot and by car
# Usage: scripts/build-demo.sh [lebenswert binary] [output folder]
# It is also the worked example of the CLI: every step is one `lebenswert` call.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
lw=${1:-$root/build/release/src/cli/lebenswert}
out=${2:-$root/workspaces}
data=$root/data
mkdir -p "$out"

step() { echo; echo "== $*"; }

# --- Werra-Meißner-Kreis ------------------------------------------------------------------------
ws=$out/werra-meissner.gpkg
rm -f "$ws"
step "Werra-Meißner-Kreis: $ws"
"$lw" init -w "$ws" --name "Werra-Meißner-Kreis" --region 06636
"$lw" import boundaries -w "$ws" "$data/boundaries/vg5000-2021/VG5000_GEM.shp"
"$lw" import boundaries -w "$ws" "$data/boundaries/vg5000-2021/VG5000_KRS.shp"
"$lw" import stats -w "$ws" "$data/statistics/gv100ad-2018/GV100AD_300918.ASC" --reference-date 2016-12-31
"$lw" import stats -w "$ws" "$data/statistics/gv-isys-2019/AuszugGV4QAktuell.csv" --reference-date 2019-12-31
"$lw" import stats -w "$ws" "$data/statistics/kreise-altersgruppen-2018/bev.csv" --reference-date 2018-12-31
for table in "$data"/statistics/sterbetafel/*.csv; do
  "$lw" import stats -w "$ws" "$table"
done
"$lw" import stats -w "$ws" "$data/statistics/inkar-kreise/INKAR_Strukturdaten.csv"
"$lw" import grid -w "$ws" "$data/zensus2011-grid/werra-meissner"
"$lw" distribute -w "$ws"

# --- Lauf a. d. Pegnitz -------------------------------------------------------------------------
ws=$out/lauf.gpkg
rm -f "$ws"
step "Lauf a. d. Pegnitz: $ws"
"$lw" init -w "$ws" --name "Lauf a. d. Pegnitz und Nachbarn" --region 09574138 --region 09574141 --region 09574154
"$lw" import boundaries -w "$ws" "$data/boundaries/vg5000-2021/VG5000_GEM.shp"
"$lw" import boundaries -w "$ws" "$data/boundaries/vg5000-2021/VG5000_KRS.shp"
"$lw" import stats -w "$ws" "$data/statistics/gv100ad-2018/GV100AD_300918.ASC" --reference-date 2016-12-31
"$lw" import stats -w "$ws" "$data/statistics/gv-isys-2019/AuszugGV4QAktuell.csv" --reference-date 2019-12-31
"$lw" import stats -w "$ws" "$data/statistics/kreise-altersgruppen-2018/bev.csv" --reference-date 2018-12-31
"$lw" import stats -w "$ws" "$data/statistics/sterbetafel/Sterbetafel2016-2018.csv"
"$lw" import stats -w "$ws" "$data/statistics/inkar-kreise/INKAR_Strukturdaten.csv"
"$lw" import grid -w "$ws" "$data/zensus2011-grid/lauf"
"$lw" import osm -w "$ws" "$data/osm/lauf-200115.osm.pbf"
"$lw" distribute -w "$ws"
"$lw" access -w "$ws" --profile walk --profile car

step "Demo workspaces ready in $out"
