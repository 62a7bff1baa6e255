list(APPEND LW_IMPORT_TEST_SOURCES
  ${CMAKE_CURRENT_SOURCE_DIR}/boundaries_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/facility_list_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/grid_test.cpp
)
