# OpenStreetMap importer tests (fixtures in tests/data/osm/).
list(APPEND LW_IMPORT_TEST_SOURCES
  ${CMAKE_CURRENT_SOURCE_DIR}/osm/buildings_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/osm/docs_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/osm/errors_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/osm/facilities_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/osm/formats_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/osm/history_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/osm/lauf_demo_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/osm/network_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/osm/road_rules_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/osm/taxonomy_test.cpp
)
