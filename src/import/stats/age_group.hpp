#pragma once
// Age groups as the population table stores them: first and last year of age, both inclusive;
// an open upper end ("75 Jahre und mehr") has no last year.

#include <optional>
#include <string>
#include <string_view>

namespace lw::import {

struct AgeGroup {
    int from = 0;
    std::optional<int> to;

    bool operator==(const AgeGroup&) const = default;
};

// GENESIS labels: "unter 3 Jahre" -> 0-2, "3 bis unter 6 Jahre" -> 3-5, "75 Jahre und mehr" -> 75+,
// "1 Jahr" -> 1-1. "Insgesamt" is no age group (nullopt): callers treat it as the total.
std::optional<AgeGroup> parse_age_label(std::string_view label);

// Column names of the pandas re-export: "A00-02" -> 0-2, "A75-open" -> 75+.
std::optional<AgeGroup> parse_age_column(std::string_view name);

// "0-2", "75+", "all" (0 and open) for messages.
std::string to_string(const AgeGroup& group);

} // namespace lw::import
