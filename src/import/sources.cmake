list(APPEND LW_IMPORT_SOURCES boundaries.cpp grid.cpp)
