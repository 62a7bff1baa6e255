#pragma once
// Strong unit types: a length cannot be passed where a time is expected. The engines keep raw
// arrays of these (same size and layout as the underlying number).

#include <compare>

namespace lw {

template <typename Tag, typename Rep> struct Quantity {
    Rep value{};

    constexpr Quantity() = default;
    constexpr explicit Quantity(Rep v) : value(v) {}
    constexpr auto operator<=>(const Quantity&) const = default;
    constexpr Quantity operator+(Quantity o) const { return Quantity(value + o.value); }
    constexpr Quantity operator-(Quantity o) const { return Quantity(value - o.value); }
    constexpr Quantity& operator+=(Quantity o) {
        value += o.value;
        return *this;
    }
};

using Meters = Quantity<struct MetersTag, double>;
using SquareMeters = Quantity<struct SquareMetersTag, double>;
using Seconds = Quantity<struct SecondsTag, double>;

} // namespace lw
