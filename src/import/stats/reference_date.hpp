#pragma once
// The day a population count refers to (Stichtag). Users write it as ISO "2019-12-31" or German
// "31.12.2019"; the workspace stores ISO.

#include <optional>
#include <string>
#include <string_view>

namespace lw::import {

struct ReferenceDate {
    std::string iso; // "2019-12-31"
    int year = 0;

    bool operator==(const ReferenceDate&) const = default;
};

// nullopt unless `text` is a real calendar date in one of the two forms.
std::optional<ReferenceDate> parse_reference_date(std::string_view text);

// "31.12.2019" for messages and attribution lines.
std::string german_date(const ReferenceDate& date);

} // namespace lw::import
