#pragma once
// Official area keys (Amtlicher Gemeindeschlüssel, AGS): 2 digits Land, 1 Regierungsbezirk,
// 2 Kreis, 3 Gemeinde. Keys are text, never numbers: "06636003" keeps its leading zero.

#include <optional>
#include <string>
#include <string_view>

namespace lw {

enum class AreaLevel { country, state, government_region, district, municipality };

std::string_view to_string(AreaLevel level);

// The level a well-formed key belongs to ("DG" and "0" are Germany), nullopt otherwise.
std::optional<AreaLevel> area_level_of(std::string_view key);

// Restores a key that lost its leading zero in a spreadsheet ("6636" -> "06636",
// "6636003" -> "06636003"). Returns nullopt for anything that is not 1-8 digits.
std::optional<std::string> normalize_area_key(std::string_view text);

inline std::string_view district_of(std::string_view municipality_key) {
    return municipality_key.substr(0, 5);
}

// True when `key` lies inside `scope` ("06636003" is inside "06636" and "06").
inline bool key_within(std::string_view key, std::string_view scope) {
    return key.substr(0, scope.size()) == scope;
}

} // namespace lw
