list(APPEND LW_GRAPH_SOURCES profile.cpp road_graph.cpp snap.cpp)
list(APPEND LW_GRAPH_SOURCES synthetic.cpp)
