# OpenStreetMap importer (namespace lw::import::osm).
list(APPEND LW_IMPORT_SOURCES
  osm/buildings.cpp
  osm/detail/area_geometry.cpp
  osm/detail/tags.cpp
  osm/facilities.cpp
  osm/import.cpp
  osm/network.cpp
  osm/reader.cpp
  osm/road_rules.cpp
  osm/taxonomy.cpp
)
