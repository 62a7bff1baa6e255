# CSV reading for official statistics and municipal lists (see src/import/table/csv.hpp).
list(APPEND LW_IMPORT_SOURCES
  table/csv.cpp
  table/encoding.cpp
  table/stat_cell.cpp
)
