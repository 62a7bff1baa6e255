#pragma once
// The status of a statistical value. German official statistics mark cells that carry no number
// with signs (Zeichenerklärung of the statistical offices); each sign maps to exactly one status
// here, and no status other than `ok` and `nothing` may be read as a number.

#include <optional>
#include <string_view>

namespace lw {

enum class ValueStatus {
    ok,             // a number
    nothing,        // "-": nothing there, the value is exactly zero ("nichts vorhanden")
    missing,        // empty cell: the source gives no entry
    secret,         // ".": unknown or kept secret ("Zahlenwert unbekannt oder geheim zu halten")
    not_yet,        // "...": value becomes available later ("Angabe fällt später an")
    not_applicable, // "x": cell locked because a value makes no sense ("Tabellenfach gesperrt")
    uncertain,      // "/": not reliable enough to publish ("Zahlenwert nicht sicher genug")
};

std::string_view to_string(ValueStatus status);
std::optional<ValueStatus> value_status_from_string(std::string_view text);

// Maps an official marker (after trimming) to its status; nullopt if the text is not a marker.
std::optional<ValueStatus> marker_status(std::string_view cell);

// A number with its status. `value` is set exactly when status is ok or nothing (0).
struct StatValue {
    ValueStatus status = ValueStatus::missing;
    std::optional<double> value;
    bool limited_reliability = false; // "(123)": "Aussagewert eingeschränkt"

    static StatValue number(double v) { return {ValueStatus::ok, v, false}; }
    static StatValue marked(ValueStatus s) {
        return {s, s == ValueStatus::nothing ? std::optional<double>(0.0) : std::nullopt, false};
    }
};

} // namespace lw
