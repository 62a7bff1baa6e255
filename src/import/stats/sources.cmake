# Official statistics importers (see docs/statistics-import.md).
list(APPEND LW_IMPORT_SOURCES
  stats/age_group.cpp
  stats/age_groups_csv.cpp
  stats/detail/area_rows.cpp
  stats/detail/genesis.cpp
  stats/detail/provenance.cpp
  stats/detail/stats_report.cpp
  stats/detect.cpp
  stats/genesis_population.cpp
  stats/gv100ad.cpp
  stats/gvisys.cpp
  stats/import_stats.cpp
  stats/inkar.cpp
  stats/life_table.cpp
  stats/parsed_stats.cpp
  stats/reference_date.cpp
  stats/stats_format.cpp
)
