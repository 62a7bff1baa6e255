#pragma once
// Small tag helpers shared by the OSM rules: look a key up, test a value against "a|b|c" lists,
// split OSM multi-values ("2;3").

#include <osmium/osm/tag.hpp>

#include <string_view>
#include <vector>

namespace lw::import::osm::detail {

// `c_str == key` without measuring c_str first (strlen on every tag showed up in profiles).
inline bool equals(const char* c_str, std::string_view key) {
    for (const char k : key) {
        if (*c_str != k) {
            return false;
        }
        ++c_str;
    }
    return *c_str == '\0';
}

// The value of `key`, or an empty view if the object has no such tag.
inline std::string_view tag_value(const osmium::TagList& tags, std::string_view key) {
    for (const osmium::Tag& tag : tags) {
        if (equals(tag.key(), key)) {
            return tag.value();
        }
    }
    return {};
}

// `alternatives` is "a|b|c"; "*" accepts any value except "no" (OSM's way of saying "not").
inline bool value_in(std::string_view value, std::string_view alternatives) {
    if (value.empty()) {
        return false;
    }
    if (alternatives == "*") {
        return value != "no";
    }
    while (!alternatives.empty()) {
        const auto bar = alternatives.find('|');
        if (alternatives.substr(0, bar) == value) {
            return true;
        }
        if (bar == std::string_view::npos) {
            break;
        }
        alternatives.remove_prefix(bar + 1);
    }
    return false;
}

// OSM multi-values: "a;b; c" -> {"a", "b", "c"}, empty parts dropped.
std::vector<std::string_view> split_values(std::string_view value, char separator = ';');

} // namespace lw::import::osm::detail
