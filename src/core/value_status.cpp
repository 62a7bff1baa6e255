#include "core/value_status.hpp"

#include "core/text.hpp"

#include <array>
#include <utility>

namespace lw {

namespace {

constexpr std::array<std::pair<ValueStatus, std::string_view>, 7> status_names{{
    {ValueStatus::ok, "ok"},
    {ValueStatus::nothing, "nothing"},
    {ValueStatus::missing, "missing"},
    {ValueStatus::secret, "secret"},
    {ValueStatus::not_yet, "not_yet"},
    {ValueStatus::not_applicable, "not_applicable"},
    {ValueStatus::uncertain, "uncertain"},
}};

// The one table of official markers (docs/markers.md reproduces it; a test keeps both equal).
constexpr std::array<std::pair<std::string_view, ValueStatus>, 9> markers{{
    {"-", ValueStatus::nothing},
    {"\xe2\x80\x93", ValueStatus::nothing}, // en dash, as some exports write "-"
    {".", ValueStatus::secret},
    {"...", ValueStatus::not_yet},
    {"\xe2\x80\xa6", ValueStatus::not_yet}, // the single-character ellipsis
    {"x", ValueStatus::not_applicable},
    {"X", ValueStatus::not_applicable},
    {"/", ValueStatus::uncertain},
    {"", ValueStatus::missing},
}};

} // namespace

std::string_view to_string(ValueStatus status) {
    for (const auto& [s, name] : status_names) {
        if (s == status) {
            return name;
        }
    }
    return "missing";
}

std::optional<ValueStatus> value_status_from_string(std::string_view text) {
    for (const auto& [s, name] : status_names) {
        if (name == text) {
            return s;
        }
    }
    return std::nullopt;
}

std::optional<ValueStatus> marker_status(std::string_view cell) {
    const std::string_view trimmed = trim(cell);
    for (const auto& [marker, status] : markers) {
        if (marker == trimmed) {
            return status;
        }
    }
    return std::nullopt;
}

} // namespace lw
