list(APPEND LW_GRAPH_SOURCES files.cpp profile.cpp road_graph.cpp snap.cpp)
list(APPEND LW_GRAPH_SOURCES synthetic.cpp)
