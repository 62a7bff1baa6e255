#pragma once
// One cell of an official statistics table: a number, a number in parentheses ("Aussagewert
// eingeschränkt"), or one of the official markers of lw::marker_status. A number may carry a
// trailing publication flag (p vorläufig, r berichtigt, s geschätzt, e endgültig): the flag
// does not change the number, so it is split off and returned beside it.

#include "core/text.hpp"
#include "core/value_status.hpp"

#include <optional>
#include <string_view>

namespace lw::import {

// The publication flags GENESIS writes after a value or in a flag column.
bool is_stat_flag(std::string_view text);

struct StatCell {
    StatValue value;
    std::optional<char> flag; // 'p', 'r', 's' or 'e' if the cell carried one
};

// nullopt when the cell is neither a marker nor a complete number in `format` (so the caller can
// report file, line, column and value). Markers never become numbers, except "-" which means
// exactly zero ("nichts vorhanden").
std::optional<StatCell> parse_stat_cell_flagged(std::string_view cell, NumberFormat format);

inline std::optional<StatValue> parse_stat_cell(std::string_view cell, NumberFormat format) {
    auto parsed = parse_stat_cell_flagged(cell, format);
    return parsed ? std::optional<StatValue>(parsed->value) : std::nullopt;
}

} // namespace lw::import
