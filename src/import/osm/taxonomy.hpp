#pragma once
// The facility taxonomy: which OSM objects are services of general interest (Daseinsvorsorge) and
// in which category. One data table (facility_categories()) drives the classification, the
// documentation (docs/facility-taxonomy.md is generated from taxonomy_markdown()) and the tests.

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace osmium {
class TagList;
}

namespace lw::import::osm {

// One alternative of a category's tag rules: key=value (values "a|b|c", "*" = any value but "no"),
// optionally AND a second key=value on the same object.
struct TagRule {
    std::string_view key;
    std::string_view values;
    std::string_view and_key = {};
    std::string_view and_values = {};
};

// Decisions that a key=value rule cannot express; each names the code that decides.
enum class Refinement : std::uint8_t {
    none,
    not_discount_chain,  // supermarket: brand/name is not a discount chain
    discount_chain,      // discounter: brand/name is a discount chain
    village_shop,        // convenience: other shop values only when named "Dorfladen"
    general_practice,    // doctor: no or a general speciality, not a dentist
    specialist_practice, // doctor_specialist: a stated non-general speciality
    dental_practice,     // dentist via amenity=doctors: dental speciality
    primary_level,       // school teaches primary grades
    secondary_level,     // school teaches lower/upper secondary grades
    vocational_level,    // vocational school
    unknown_level,       // school whose level cannot be told
    heavy_rail,          // station not only for subway/tram/light rail
};

struct FacilityCategory {
    std::string_view id;
    std::string_view label_de;
    std::string_view label_en;
    std::string_view group;       // Nahversorgung, Gesundheit, Bildung, Soziales, Mobilität, ...
    std::array<TagRule, 3> rules; // any of; unused entries have an empty key
    Refinement refinement = Refinement::none;
    std::string_view refinement_text = {}; // what the refinement decides, for the docs
};

// The table, in documentation order.
std::span<const FacilityCategory> facility_categories();
const FacilityCategory* find_category(std::string_view id);

// The categories an OSM object belongs to (none, one or several), in table order.
std::vector<std::string_view> classify(const osmium::TagList& tags);

// German discount food chains (docs/facility-taxonomy.md names the source). Matches the first
// word of a brand or name, case-insensitively: "ALDI SÜD", "Netto Marken-Discount", "Penny-Markt".
bool is_discount_chain(std::string_view brand_or_name);

// What an amenity=school teaches, from isced:level, school:de, grades, school=* and, only when
// those say nothing, words in the name ("Grund- und Mittelschule" is both primary and secondary).
struct SchoolLevels {
    bool primary = false;
    bool secondary = false;
    bool vocational = false;
    bool any() const { return primary || secondary || vocational; }
};
SchoolLevels school_levels(const osmium::TagList& tags);
// The word rules on one text (a name or a school:de value), exposed for tests.
SchoolLevels school_levels_from_text(std::string_view text);

// The Markdown table of docs/facility-taxonomy.md.
std::string taxonomy_markdown();

} // namespace lw::import::osm
