#pragma once
// What is measured: a category set is one name for one or several facility categories
// ("grocery" = supermarket + discounter, as INKAR counts "Supermarkt oder Discounter").

#include <string>
#include <vector>

namespace lw::accessibility {

struct CategorySet {
    std::string name;                 // as written to the results
    std::vector<std::string> members; // taxonomy ids (docs/facility-taxonomy.md)

    bool contains(const std::string& category) const;
};

// Parses "supermarket+discounter" (a set named by its spelling), "grocery" (a named set below) or a
// single taxonomy id. Throws lw::Error(usage) for unknown categories.
CategorySet parse_category_set(const std::string& text);

// Named sets: grocery = supermarket+discounter (INKAR's definition), local_supply = grocery +
// convenience + bakery + butcher + farm_shop + weekly_market, school_primary = primary_school.
const std::vector<CategorySet>& named_sets();

// The default sets of `lebenswert access`: grocery, doctor, pharmacy, kita, primary_school,
// bus_stop, nursing_home, post_office.
std::vector<CategorySet> default_category_sets();

} // namespace lw::accessibility
