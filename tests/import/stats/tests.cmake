# Tests of the official-statistics importers and the CSV reader.
list(APPEND LW_IMPORT_TEST_SOURCES
  ${CMAKE_CURRENT_SOURCE_DIR}/stats/age_groups_csv_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/stats/csv_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/stats/detect_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/stats/genesis_population_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/stats/gv100ad_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/stats/gvisys_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/stats/import_stats_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/stats/inkar_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/stats/life_table_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/stats/markers_doc_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/stats/reference_date_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/stats/stat_cell_test.cpp
)
