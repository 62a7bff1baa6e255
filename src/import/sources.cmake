list(APPEND LW_IMPORT_SOURCES boundaries.cpp facility_list.cpp grid.cpp)
