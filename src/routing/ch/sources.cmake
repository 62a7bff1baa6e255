# Contraction hierarchies and PHAST sweeps (docs/performance.md, "Routing core").
list(APPEND LW_ROUTING_SOURCES
  ch/build.cpp
  ch/ch_query.cpp
  ch/phast.cpp
  ch/detail/huge_buffer.cpp
  ch/detail/sweep.cpp
  ch/detail/up_search.cpp
)
