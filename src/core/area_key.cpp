#include "core/area_key.hpp"

#include "core/text.hpp"

namespace lw {

std::string_view to_string(AreaLevel level) {
    switch (level) {
    case AreaLevel::country: return "country";
    case AreaLevel::state: return "state";
    case AreaLevel::government_region: return "government_region";
    case AreaLevel::district: return "district";
    case AreaLevel::municipality: return "municipality";
    }
    return "municipality";
}

std::optional<AreaLevel> area_level_of(std::string_view key) {
    if (key == "DG" || key == "0") {
        return AreaLevel::country;
    }
    for (const char c : key) {
        if (c < '0' || c > '9') {
            return std::nullopt;
        }
    }
    switch (key.size()) {
    case 2: return AreaLevel::state;
    case 3: return AreaLevel::government_region;
    case 5: return AreaLevel::district;
    case 8: return AreaLevel::municipality;
    default: return std::nullopt;
    }
}

std::optional<std::string> normalize_area_key(std::string_view text) {
    text = trim(text);
    if (text == "DG") {
        return std::string(text);
    }
    if (text.empty() || text.size() > 8) {
        return std::nullopt;
    }
    for (const char c : text) {
        if (c < '0' || c > '9') {
            return std::nullopt;
        }
    }
    // Keys of odd length lost their leading zero (Länder 01-09 start with 0).
    if (text.size() == 1 || text.size() == 4 || text.size() == 7) {
        return "0" + std::string(text);
    }
    return std::string(text);
}

} // namespace lw
