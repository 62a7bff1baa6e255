list(APPEND LW_ROUTING_TEST_SOURCES
  ${CMAKE_CURRENT_SOURCE_DIR}/ch/ch_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/ch/phast_test.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/ch/synthetic_test.cpp
)
