#include "import/osm/facilities.hpp"

#include "import/osm/taxonomy.hpp"

#include <osmium/osm/tag.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <utility>

namespace lw::import::osm {

namespace {

constexpr std::array<std::string_view, 29> kept_keys{
    "name",          "brand",           "operator",
    "opening_hours", "wheelchair",      "shop",
    "amenity",       "healthcare",      "healthcare:speciality",
    "isced:level",   "school:de",       "grades",
    "school",        "highway",         "public_transport",
    "bus",           "railway",         "station",
    "train",         "social_facility", "post_office",
    "atm",           "capacity",        "website",
    "operator:type", "addr:street",     "addr:housenumber",
    "addr:postcode", "addr:city"};

// Positions closer than this are the same (a re-import projects the same coordinates).
constexpr double same_position_m = 0.01;

using Key = std::pair<std::string, std::string>; // source_ref, category

bool differs(const store::Facility& before, const store::Facility& after) {
    return before.name != after.name || before.tags != after.tags || before.ags != after.ags ||
           std::hypot(before.position.x - after.position.x, before.position.y - after.position.y) >
               same_position_m;
}

} // namespace

nlohmann::json facility_tags(const osmium::TagList& tags) {
    nlohmann::json out = nlohmann::json::object();
    for (const osmium::Tag& tag : tags) {
        if (std::find(kept_keys.begin(), kept_keys.end(), std::string_view(tag.key())) !=
            kept_keys.end()) {
            out[tag.key()] = tag.value();
        }
    }
    return out;
}

void add_facilities(std::vector<store::Facility>& out, const osmium::TagList& tags,
                    const std::string& source_ref, geo::Point position) {
    const auto categories = classify(tags);
    if (categories.empty()) {
        return;
    }
    const nlohmann::json kept = facility_tags(tags);
    const char* name = tags.get_value_by_key("name");
    for (const auto category : categories) {
        store::Facility f;
        f.category = std::string(category);
        if (name != nullptr && *name != '\0') {
            f.name = name;
        }
        f.source = std::string(osm_source);
        f.source_ref = source_ref;
        f.tags = kept;
        f.position = position;
        out.push_back(std::move(f));
    }
}

std::uint64_t drop_duplicate_bus_stops(std::vector<store::Facility>& facilities, double radius_m) {
    auto is_pole = [](const store::Facility& f) {
        return f.category == "bus_stop" && f.source_ref.starts_with('n') &&
               f.tags.value("highway", "") == "bus_stop";
    };
    // Poles bucketed in a grid of radius-sized cells: a candidate checks its 3 x 3 neighbourhood.
    using Cell = std::pair<std::int64_t, std::int64_t>;
    auto cell_of = [&](geo::Point p) {
        return Cell{static_cast<std::int64_t>(std::floor(p.x / radius_m)),
                    static_cast<std::int64_t>(std::floor(p.y / radius_m))};
    };
    std::map<Cell, std::vector<geo::Point>> poles;
    for (const auto& f : facilities) {
        if (is_pole(f)) {
            poles[cell_of(f.position)].push_back(f.position);
        }
    }
    auto near_pole = [&](geo::Point p) {
        const auto [cx, cy] = cell_of(p);
        for (std::int64_t dx = -1; dx <= 1; ++dx) {
            for (std::int64_t dy = -1; dy <= 1; ++dy) {
                const auto it = poles.find({cx + dx, cy + dy});
                if (it == poles.end()) {
                    continue;
                }
                for (const auto& q : it->second) {
                    if (std::hypot(p.x - q.x, p.y - q.y) <= radius_m) {
                        return true;
                    }
                }
            }
        }
        return false;
    };
    const auto before = facilities.size();
    std::erase_if(facilities, [&](const store::Facility& f) {
        return f.category == "bus_stop" && !is_pole(f) && near_pole(f.position);
    });
    return before - facilities.size();
}

FacilitySyncPlan plan_facility_sync(const std::vector<store::Facility>& open_facilities,
                                    std::vector<store::Facility> incoming,
                                    const std::string& data_date, bool earlier_osm_import) {
    FacilitySyncPlan plan;
    std::map<Key, const store::Facility*> existing;
    std::map<Key, bool> merged;
    for (const auto& f : open_facilities) {
        if (f.merged_ref) {
            merged[{*f.merged_ref, f.category}] = true;
        }
        if (f.source != osm_source) {
            continue;
        }
        // A second open row for the same key can only come from an earlier fault: close it.
        if (!existing.emplace(Key{f.source_ref, f.category}, &f).second) {
            plan.to_close.push_back(f.fid);
        }
    }
    std::map<Key, bool> seen;
    for (auto& f : incoming) {
        Key key{f.source_ref, f.category};
        if (merged.count(key) > 0) {
            ++plan.skipped_merged;
            continue;
        }
        if (!seen.emplace(key, true).second) {
            continue; // the same object and category twice in one extract
        }
        const auto it = existing.find(key);
        if (it == existing.end()) {
            if (earlier_osm_import) {
                f.valid_from = data_date;
            }
            plan.to_insert.push_back(std::move(f));
            continue;
        }
        const store::Facility& before = *it->second;
        if (differs(before, f)) {
            store::Facility updated = before;
            updated.name = f.name;
            updated.tags = f.tags;
            updated.ags = f.ags;
            updated.position = f.position;
            plan.to_update.push_back(std::move(updated));
        } else {
            ++plan.unchanged;
        }
    }
    for (const auto& [key, f] : existing) {
        if (seen.count(key) == 0) { // gone, or replaced by a list entry since
            plan.to_close.push_back(f->fid);
        }
    }
    std::sort(plan.to_close.begin(), plan.to_close.end());
    return plan;
}

} // namespace lw::import::osm
