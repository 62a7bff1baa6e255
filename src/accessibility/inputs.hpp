#pragma once
// The people and the places of an accessibility computation, read from the workspace: origins
// (residential buildings with their assigned population, and the census-cell population that no
// building holds) and facilities (open ones, by category).

#include "geo/geometry.hpp"
#include "store/features.hpp"

#include <optional>
#include <string>
#include <vector>

namespace lw::accessibility {

enum class OriginType : std::uint8_t { building, cell };

// Flat arrays, one entry per origin.
struct Origins {
    std::vector<OriginType> type;
    std::vector<std::string> ref;          // building fid or cell id
    std::vector<geo::Point> position;      // EPSG:25832
    std::vector<std::int64_t> population;  // persons (from `lebenswert distribute`)
    std::vector<double> population_65plus; // estimated: the cell's census 2011 share
    std::vector<double> population_under18;
    std::vector<std::string> ags;          // "" if outside the region's municipalities
    std::vector<std::string> cell_id;      // "" if in no census cell

    std::size_t size() const { return type.size(); }
};

// Reads origins. Throws workspace if no population has been placed yet.
Origins read_origins(store::Database& db);

struct Destinations {
    std::vector<std::int64_t> fid;
    std::vector<std::string> category;
    std::vector<geo::Point> position;
    std::vector<std::optional<double>> capacity;
    std::vector<std::string> ags;

    std::size_t size() const { return fid.size(); }
};

Destinations read_destinations(store::Database& db);

} // namespace lw::accessibility
