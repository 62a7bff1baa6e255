#include "accessibility/categories.hpp"

#include "core/error.hpp"
#include "core/text.hpp"
#include "import/osm/taxonomy.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace lw::accessibility {

bool CategorySet::contains(const std::string& category) const {
    return std::find(members.begin(), members.end(), category) != members.end();
}

const std::vector<CategorySet>& named_sets() {
    static const std::vector<CategorySet> sets{
        {"grocery", {"supermarket", "discounter"}},
        {"local_supply", {"supermarket", "discounter", "convenience", "bakery", "butcher", "farm_shop", "weekly_market"}},
    };
    return sets;
}

CategorySet parse_category_set(const std::string& text) {
    const std::string name(trim(text));
    for (const auto& set : named_sets()) {
        if (set.name == name) {
            return set;
        }
    }
    CategorySet set{name, {}};
    for (const auto part : split(name, '+')) {
        const std::string id(trim(part));
        if (import::osm::find_category(id) == nullptr) {
            throw Error(ErrorKind::usage,
                        fmt::format("unknown category \"{}\" (see docs/facility-taxonomy.md; named sets: "
                                    "grocery, local_supply)",
                                    id));
        }
        set.members.push_back(id);
    }
    return set;
}

std::vector<CategorySet> default_category_sets() {
    std::vector<CategorySet> sets{named_sets()[0]};
    for (const char* id : {"doctor", "pharmacy", "kita", "primary_school", "bus_stop", "nursing_home", "post_office"}) {
        sets.push_back({id, {id}});
    }
    return sets;
}

} // namespace lw::accessibility
