#include "population/validation.hpp"

#include "population/largest_remainder.hpp"

#include <cmath>

namespace lw::population {

namespace {

CellComparison compare(const std::vector<std::uint32_t>& building_cell, const std::vector<double>& weights,
                       const std::vector<std::int64_t>& cell_census, const std::vector<bool>& covered,
                       std::int64_t persons) {
    const auto counts = apportion(persons, weights);
    std::vector<double> estimate(cell_census.size(), 0.0);
    for (std::size_t b = 0; b < building_cell.size(); ++b) {
        estimate[building_cell[b]] += static_cast<double>(counts[b]);
    }
    CellComparison c;
    c.persons = persons;
    double abs_sum = 0, sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
    for (std::size_t i = 0; i < cell_census.size(); ++i) {
        if (!covered[i]) {
            continue;
        }
        ++c.cells;
        const double x = estimate[i];
        const auto y = static_cast<double>(cell_census[i]);
        abs_sum += std::abs(x - y);
        sx += x;
        sy += y;
        sxx += x * x;
        syy += y * y;
        sxy += x * y;
    }
    if (c.cells == 0 || persons == 0) {
        return c;
    }
    const auto n = static_cast<double>(c.cells);
    c.mean_abs_error = abs_sum / n;
    c.misplaced_share = abs_sum / 2.0 / static_cast<double>(persons);
    const double var_x = sxx - sx * sx / n;
    const double var_y = syy - sy * sy / n;
    c.correlation = var_x > 0 && var_y > 0 ? (sxy - sx * sy / n) / std::sqrt(var_x * var_y) : 0.0;
    return c;
}

} // namespace

ValidationResult validate_against_census(const std::vector<std::uint32_t>& building_cell_in,
                                         const std::vector<double>& floor_area_in,
                                         const std::vector<std::int64_t>& cell_census) {
    // Keep buildings in populated cells; those cells are the ones compared.
    std::vector<std::uint32_t> building_cell;
    std::vector<double> floor_area;
    std::vector<bool> covered(cell_census.size(), false);
    for (std::size_t b = 0; b < building_cell_in.size(); ++b) {
        const auto c = building_cell_in[b];
        if (c < cell_census.size() && cell_census[c] > 0 && floor_area_in[b] > 0) {
            building_cell.push_back(c);
            floor_area.push_back(floor_area_in[b]);
            covered[c] = true;
        }
    }
    std::int64_t persons = 0;
    for (std::size_t i = 0; i < cell_census.size(); ++i) {
        persons += covered[i] ? cell_census[i] : 0;
    }
    ValidationResult r;
    r.floor_area = compare(building_cell, floor_area, cell_census, covered, persons);
    r.uniform = compare(building_cell, std::vector<double>(floor_area.size(), 1.0), cell_census, covered, persons);
    return r;
}

} // namespace lw::population
