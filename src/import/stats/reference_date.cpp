#include "import/stats/reference_date.hpp"

#include "core/text.hpp"

#include <fmt/format.h>

namespace lw::import {

namespace {

std::optional<int> digits(std::string_view text) {
    if (text.empty()) {
        return std::nullopt;
    }
    int value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9') {
            return std::nullopt;
        }
        value = value * 10 + (c - '0');
    }
    return value;
}

int days_in_month(int year, int month) {
    constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[month - 1];
}

std::optional<ReferenceDate> make_date(std::optional<int> year, std::optional<int> month,
                                       std::optional<int> day) {
    if (!year || !month || !day || *year < 1800 || *year > 2200 || *month < 1 || *month > 12 ||
        *day < 1 || *day > days_in_month(*year, *month)) {
        return std::nullopt;
    }
    return ReferenceDate{fmt::format("{:04}-{:02}-{:02}", *year, *month, *day), *year};
}

} // namespace

std::optional<ReferenceDate> parse_reference_date(std::string_view text) {
    text = trim(text);
    if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
        return make_date(digits(text.substr(0, 4)), digits(text.substr(5, 2)),
                         digits(text.substr(8, 2)));
    }
    if (text.size() == 10 && text[2] == '.' && text[5] == '.') {
        return make_date(digits(text.substr(6, 4)), digits(text.substr(3, 2)),
                         digits(text.substr(0, 2)));
    }
    return std::nullopt;
}

std::string german_date(const ReferenceDate& date) {
    return fmt::format("{}.{}.{}", date.iso.substr(8, 2), date.iso.substr(5, 2),
                       date.iso.substr(0, 4));
}

} // namespace lw::import
