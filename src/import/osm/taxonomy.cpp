#include "import/osm/taxonomy.hpp"

#include "core/text.hpp"
#include "import/osm/detail/tags.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <optional>

namespace lw::import::osm {

namespace {

using R = Refinement;

// The taxonomy. Rules are alternatives ("any of"); the refinement then narrows the match.
constexpr std::array<FacilityCategory, 26> categories{{
    // Nahversorgung (local supply)
    {"supermarket",
     "Supermarkt",
     "Supermarket",
     "Nahversorgung",
     {{{"shop", "supermarket"}}},
     R::not_discount_chain,
     "brand (or name) is not a discount chain"},
    {"discounter",
     "Lebensmittel-Discounter",
     "Discount supermarket",
     "Nahversorgung",
     {{{"shop", "supermarket"}}},
     R::discount_chain,
     "brand (or name) is a discount chain: Aldi, Lidl, Netto, Penny, Norma, NP, Treff 3000, diska"},
    {"convenience",
     "Dorfladen / Nachbarschaftsladen",
     "Village or convenience shop",
     "Nahversorgung",
     {{{"shop", "convenience|general"}, {"shop", "*"}}},
     R::village_shop,
     "other `shop` values (except supermarket) only if the name contains \"Dorfladen\""},
    {"bakery", "Bäckerei", "Bakery", "Nahversorgung", {{{"shop", "bakery"}}}},
    {"butcher", "Metzgerei", "Butcher", "Nahversorgung", {{{"shop", "butcher"}}}},
    {"farm_shop", "Hofladen", "Farm shop", "Nahversorgung", {{{"shop", "farm"}}}},
    {"weekly_market",
     "Wochenmarkt",
     "Weekly market",
     "Nahversorgung",
     {{{"amenity", "marketplace"}}}},
    // Gesundheit (health)
    {"doctor",
     "Hausarzt / Allgemeinarzt",
     "General practitioner",
     "Gesundheit",
     {{{"amenity", "doctors"}, {"healthcare", "doctor"}}},
     R::general_practice,
     "`healthcare:speciality` (or the older `health_specialty:*=yes`) absent or contains "
     "`general`; not tagged as a dentist or as another `healthcare` kind"},
    {"doctor_specialist",
     "Facharzt",
     "Medical specialist",
     "Gesundheit",
     {{{"amenity", "doctors"}, {"healthcare", "doctor"}}},
     R::specialist_practice,
     "`healthcare:speciality` names only non-general, non-dental specialities"},
    {"dentist",
     "Zahnarzt",
     "Dentist",
     "Gesundheit",
     {{{"amenity", "dentist"}, {"healthcare", "dentist"}, {"amenity", "doctors"}}},
     R::dental_practice,
     "`amenity=doctors` only with `healthcare:speciality` dentistry, orthodontics or oral_surgery"},
    {"pharmacy",
     "Apotheke",
     "Pharmacy",
     "Gesundheit",
     {{{"amenity", "pharmacy"}, {"healthcare", "pharmacy"}}}},
    {"hospital",
     "Krankenhaus",
     "Hospital",
     "Gesundheit",
     {{{"amenity", "hospital"}, {"healthcare", "hospital"}}}},
    // Bildung (education and childcare)
    {"kita",
     "Kindertagesstätte",
     "Childcare / kindergarten",
     "Bildung",
     {{{"amenity", "kindergarten|childcare"}}}},
    {"primary_school",
     "Grundschule",
     "Primary school",
     "Bildung",
     {{{"amenity", "school"}}},
     R::primary_level,
     "`isced:level` 1, `school:de`/name word Grundschule or \"Grund- und …\", or grades 1–4"},
    {"secondary_school",
     "Weiterführende Schule",
     "Secondary school",
     "Bildung",
     {{{"amenity", "school"}}},
     R::secondary_level,
     "`isced:level` 2/3, `school:de`/name word Mittel-, Haupt-, Real-, Gesamt-, Ober-, "
     "Gemeinschafts-, Sekundar-, Regel-, Wirtschaftsschule or Gymnasium, or grades 7–13 (5–6 "
     "without a grade below 5)"},
    {"vocational_school",
     "Berufliche Schule",
     "Vocational school",
     "Bildung",
     {{{"amenity", "school"}}},
     R::vocational_level,
     "`isced:level` 4/5 or a word starting with Berufs-/Berufliche, Fachoberschule, Fachschule, "
     "Fachakademie, FOS, BOS"},
    {"school_unspecified",
     "Schule (Art unbekannt)",
     "School (level unknown)",
     "Bildung",
     {{{"amenity", "school"}}},
     R::unknown_level,
     "none of the school level rules applies"},
    {"library", "Bibliothek", "Library", "Bildung", {{{"amenity", "library"}}}},
    // Soziales (social)
    {"community_centre",
     "Gemeinschaftshaus / Bürgerhaus",
     "Community centre",
     "Soziales",
     {{{"amenity", "community_centre"}}}},
    {"nursing_home",
     "Pflegeheim",
     "Nursing home",
     "Soziales",
     {{{"amenity", "nursing_home"},
       {"amenity", "social_facility", "social_facility", "nursing_home"}}}},
    // Mobilität (mobility)
    {"bus_stop",
     "Bushaltestelle",
     "Bus stop",
     "Mobilität",
     {{{"highway", "bus_stop"}, {"public_transport", "platform", "bus", "yes"}}}},
    {"railway_station",
     "Bahnhof / Haltepunkt",
     "Railway station",
     "Mobilität",
     {{{"railway", "station|halt"}}},
     R::heavy_rail,
     "not `station=subway|tram|light_rail|monorail|funicular|miniature` unless `train=yes`"},
    // Dienstleistungen (services)
    {"post_office",
     "Post / Postfiliale",
     "Post office",
     "Dienstleistungen",
     {{{"amenity", "post_office"}, {"post_office", "post_partner|bureau"}}}},
    {"bank", "Bank", "Bank", "Dienstleistungen", {{{"amenity", "bank"}}}},
    {"atm", "Geldautomat", "ATM", "Dienstleistungen", {{{"amenity", "atm"}, {"atm", "yes"}}}},
    // Sicherheit (safety)
    {"fire_station", "Feuerwehr", "Fire station", "Sicherheit", {{{"amenity", "fire_station"}}}},
}};

// EHI Retail Institute, ranking of food discounters in Germany 2017 (top 10), and the brief's list.
constexpr std::array<std::string_view, 8> discount_chains{"aldi",  "lidl", "netto",        "penny",
                                                          "norma", "np",   "niedrigpreis", "diska"};

bool rule_matches(const osmium::TagList& tags, const TagRule& rule) {
    if (!detail::value_in(detail::tag_value(tags, rule.key), rule.values)) {
        return false;
    }
    return rule.and_key.empty() ||
           detail::value_in(detail::tag_value(tags, rule.and_key), rule.and_values);
}

std::string lower(std::string_view text) {
    return to_lower_ascii(text);
}

bool contains(const std::string& lowered, std::string_view needle) {
    return lowered.find(needle) != std::string::npos;
}

bool is_discount(const osmium::TagList& tags) {
    const auto brand = detail::tag_value(tags, "brand");
    if (!brand.empty()) {
        return is_discount_chain(brand);
    }
    return is_discount_chain(detail::tag_value(tags, "name"));
}

// Speciality values that mean "Allgemeinmedizin" (OSM wiki Key:healthcare:speciality).
bool is_general_speciality(std::string_view value) {
    return value == "general" || value == "general_practice" || value == "family_medicine";
}
bool is_dental_speciality(std::string_view value) {
    return value == "dentistry" || value == "orthodontics" || value == "oral_surgery" ||
           value == "maxillofacial_surgery";
}

enum class DoctorKind { none, general, specialist, dental };

DoctorKind doctor_kind(const osmium::TagList& tags) {
    const auto healthcare = detail::tag_value(tags, "healthcare");
    if (healthcare == "dentist") {
        return DoctorKind::dental;
    }
    // Another healthcare kind on amenity=doctors (alternative, psychotherapist, ...) is no doctor.
    if (!healthcare.empty() && healthcare != "doctor") {
        return DoctorKind::none;
    }
    auto specialities = detail::split_values(detail::tag_value(tags, "healthcare:speciality"));
    // The older scheme: health_specialty:ophthalmology=yes.
    for (const osmium::Tag& tag : tags) {
        const std::string_view key = tag.key();
        if (key.starts_with("health_specialty:") && std::string_view(tag.value()) == "yes") {
            specialities.push_back(key.substr(17));
        }
    }
    if (specialities.empty()) {
        return DoctorKind::general;
    }
    bool dental = false, other = false;
    for (const auto s : specialities) {
        if (is_general_speciality(s)) {
            return DoctorKind::general;
        }
        (is_dental_speciality(s) ? dental : other) = true;
    }
    return other ? DoctorKind::specialist : (dental ? DoctorKind::dental : DoctorKind::general);
}

bool refine(const osmium::TagList& tags, const FacilityCategory& category,
            std::optional<SchoolLevels>& school) {
    auto levels = [&]() -> const SchoolLevels& {
        if (!school) {
            school = school_levels(tags);
        }
        return *school;
    };
    switch (category.refinement) {
    case R::none:
        return true;
    case R::not_discount_chain:
        return !is_discount(tags);
    case R::discount_chain:
        return is_discount(tags);
    case R::village_shop: {
        const auto shop = detail::tag_value(tags, "shop");
        if (shop == "convenience" || shop == "general") {
            return true;
        }
        return shop != "supermarket" &&
               contains(lower(detail::tag_value(tags, "name")), "dorfladen");
    }
    case R::general_practice:
        return doctor_kind(tags) == DoctorKind::general;
    case R::specialist_practice:
        return doctor_kind(tags) == DoctorKind::specialist;
    case R::dental_practice: {
        const auto amenity = detail::tag_value(tags, "amenity");
        const auto healthcare = detail::tag_value(tags, "healthcare");
        if (amenity == "dentist" || healthcare == "dentist") {
            return true;
        }
        return doctor_kind(tags) == DoctorKind::dental;
    }
    case R::primary_level:
        return levels().primary;
    case R::secondary_level:
        return levels().secondary;
    case R::vocational_level:
        return levels().vocational;
    case R::unknown_level:
        return !levels().any();
    case R::heavy_rail: {
        const auto station = detail::tag_value(tags, "station");
        return !detail::value_in(station, "subway|tram|light_rail|monorail|funicular|miniature") ||
               detail::tag_value(tags, "train") == "yes";
    }
    }
    return false;
}

// Splits a name into lower-case words at spaces and punctuation ("Grund- und Mittelschule" ->
// "grund", "und", "mittelschule").
std::vector<std::string> words_of(std::string_view text) {
    std::vector<std::string> words;
    std::string current;
    for (const char c : text) {
        const bool separator = c == ' ' || c == '-' || c == '/' || c == ',' || c == '(' ||
                               c == ')' || c == '.' || c == ';' || c == '&' || c == '+';
        if (separator) {
            if (!current.empty()) {
                words.push_back(std::move(current));
                current.clear();
            }
        } else {
            current.push_back(c);
        }
    }
    if (!current.empty()) {
        words.push_back(std::move(current));
    }
    for (auto& w : words) {
        w = to_lower_ascii(w);
    }
    return words;
}

bool ends_with(std::string_view text, std::string_view suffix) {
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// Grades "1-4", "5-10", "1;2;3;4", "1-4;5-10". Berlin and Brandenburg teach grades 5 and 6 in
// primary school, so 5-6 counts as secondary only without a grade below 5.
SchoolLevels levels_from_grades(std::string_view grades) {
    int min_grade = 99, max_grade = 0;
    for (auto part : detail::split_values(grades, ';')) {
        for (auto item : detail::split_values(part, ',')) {
            const auto dash = item.find('-');
            const auto from = parse_integer(item.substr(0, dash));
            const auto to =
                dash == std::string_view::npos ? from : parse_integer(item.substr(dash + 1));
            if (!from || !to || *from < 0 || *to > 13 || *from > *to) {
                continue;
            }
            min_grade = std::min(min_grade, static_cast<int>(*from));
            max_grade = std::max(max_grade, static_cast<int>(*to));
        }
    }
    SchoolLevels levels;
    if (max_grade == 0) {
        return levels;
    }
    levels.primary = min_grade <= 4;
    levels.secondary = max_grade >= 7 || (max_grade >= 5 && min_grade >= 5);
    return levels;
}

SchoolLevels levels_from_isced(std::string_view isced) {
    SchoolLevels levels;
    for (auto part : detail::split_values(isced, ';')) {
        for (auto item : detail::split_values(part, ',')) {
            const auto dash = item.find('-');
            const auto from = parse_integer(item.substr(0, dash));
            const auto to =
                dash == std::string_view::npos ? from : parse_integer(item.substr(dash + 1));
            if (!from || !to) {
                continue;
            }
            for (auto level = *from; level <= *to && level <= 8; ++level) {
                levels.primary |= level == 1;
                levels.secondary |= level == 2 || level == 3;
                levels.vocational |= level == 4 || level == 5;
            }
        }
    }
    return levels;
}

void merge(SchoolLevels& into, const SchoolLevels& from) {
    into.primary |= from.primary;
    into.secondary |= from.secondary;
    into.vocational |= from.vocational;
}

std::string escape_cell(std::string_view text) {
    std::string out;
    for (const char c : text) {
        if (c == '|') {
            out += "\\|";
        } else {
            out.push_back(c);
        }
    }
    return out;
}

std::string rule_text(const TagRule& rule) {
    auto one = [](std::string_view key, std::string_view values) {
        return values == "*" ? fmt::format("`{}=*`", key) : fmt::format("`{}={}`", key, values);
    };
    std::string text = one(rule.key, rule.values);
    if (!rule.and_key.empty()) {
        text += " + " + one(rule.and_key, rule.and_values);
    }
    return text;
}

} // namespace

std::span<const FacilityCategory> facility_categories() {
    return categories;
}

const FacilityCategory* find_category(std::string_view id) {
    const auto it = std::find_if(categories.begin(), categories.end(),
                                 [&](const FacilityCategory& c) { return c.id == id; });
    return it == categories.end() ? nullptr : &*it;
}

namespace {

// Whether any rule of the table could match: most tagged objects (addresses, crossings, trees)
// have none of these keys, and this saves them the table walk.
bool has_rule_key(const osmium::TagList& tags) {
    static const std::vector<std::string_view> keys = [] {
        std::vector<std::string_view> list;
        for (const auto& category : categories) {
            for (const auto& rule : category.rules) {
                if (!rule.key.empty() &&
                    std::find(list.begin(), list.end(), rule.key) == list.end()) {
                    list.push_back(rule.key);
                }
            }
        }
        return list;
    }();
    for (const osmium::Tag& tag : tags) {
        for (const auto key : keys) {
            if (detail::equals(tag.key(), key)) {
                return true;
            }
        }
    }
    return false;
}

} // namespace

std::vector<std::string_view> classify(const osmium::TagList& tags) {
    std::vector<std::string_view> out;
    if (tags.empty() || !has_rule_key(tags)) {
        return out;
    }
    std::optional<SchoolLevels> school; // computed once, only for schools
    for (const auto& category : categories) {
        const bool matched =
            std::any_of(category.rules.begin(), category.rules.end(), [&](const TagRule& rule) {
                return !rule.key.empty() && rule_matches(tags, rule);
            });
        if (matched && refine(tags, category, school)) {
            out.push_back(category.id);
        }
    }
    return out;
}

bool is_discount_chain(std::string_view brand_or_name) {
    const auto words = words_of(brand_or_name);
    if (words.empty()) {
        return false;
    }
    if (words.size() >= 2 && words[0] == "treff" && words[1] == "3000") {
        return true;
    }
    return std::find(discount_chains.begin(), discount_chains.end(), words[0]) !=
           discount_chains.end();
}

SchoolLevels school_levels_from_text(std::string_view text) {
    SchoolLevels levels;
    const auto words = words_of(text);
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string& w = words[i];
        // Vocational first: "Fachoberschule" and "Berufsoberschule" end in "oberschule".
        if (w.starts_with("berufs") || w.starts_with("berufliche") || w == "berufskolleg" ||
            w == "fos" || w == "bos" || ends_with(w, "fachoberschule") ||
            ends_with(w, "fachschule") || w.starts_with("fachakademie")) {
            levels.vocational = true;
            continue;
        }
        // "Grund- und Mittelschule", "Grund-/Mittelschule": a lone "grund" before "und" or a
        // school word.
        if (ends_with(w, "grundschule") ||
            (w == "grund" && i + 1 < words.size() &&
             (words[i + 1] == "und" || ends_with(words[i + 1], "schule")))) {
            levels.primary = true;
            continue;
        }
        constexpr std::array<std::string_view, 12> secondary{
            "mittelschule", "hauptschule",     "realschule",        "gymnasium",
            "gesamtschule", "oberschule",      "sekundarschule",    "gemeinschaftsschule",
            "regelschule",  "stadtteilschule", "wirtschaftsschule", "werkrealschule"};
        for (const auto suffix : secondary) {
            if (ends_with(w, suffix)) {
                levels.secondary = true;
                break;
            }
        }
    }
    return levels;
}

SchoolLevels school_levels(const osmium::TagList& tags) {
    SchoolLevels levels;
    merge(levels, levels_from_isced(detail::tag_value(tags, "isced:level")));
    merge(levels, school_levels_from_text(detail::tag_value(tags, "school:de")));
    merge(levels, levels_from_grades(detail::tag_value(tags, "grades")));
    const auto school = detail::tag_value(tags, "school");
    for (const auto value : detail::split_values(school)) {
        levels.primary |= value == "primary";
        levels.secondary |= value == "secondary";
    }
    if (levels.any()) {
        return levels; // explicit tags win over the name
    }
    return school_levels_from_text(detail::tag_value(tags, "name"));
}

std::string taxonomy_markdown() {
    std::string out = "| id | Kategorie | Category | Gruppe | OSM tags (any of) | Refinement |\n"
                      "|---|---|---|---|---|---|\n";
    for (const auto& c : categories) {
        std::string rules;
        for (const auto& rule : c.rules) {
            if (rule.key.empty()) {
                continue;
            }
            rules += (rules.empty() ? "" : ", ") + rule_text(rule);
        }
        out += fmt::format("| `{}` | {} | {} | {} | {} | {} |\n", c.id, c.label_de, c.label_en,
                           c.group, escape_cell(rules),
                           c.refinement_text.empty() ? "–" : escape_cell(c.refinement_text));
    }
    return out;
}

} // namespace lw::import::osm
