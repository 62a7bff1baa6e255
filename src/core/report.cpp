#include "core/report.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace lw {

std::string group_thousands(long long value) {
    std::string digits = std::to_string(value < 0 ? -value : value);
    std::string out;
    const auto n = static_cast<int>(digits.size());
    for (int i = 0; i < n; ++i) {
        out.push_back(digits[static_cast<std::size_t>(i)]);
        const int left = n - 1 - i;
        if (left > 0 && left % 3 == 0) {
            out.push_back(',');
        }
    }
    return value < 0 ? "-" + out : out;
}

void print_report(const Report& report, std::ostream& out) {
    out << report.title << '\n';
    std::size_t width = 0;
    for (const auto& [label, value] : report.lines) {
        width = std::max(width, label.size());
    }
    for (const auto& [label, value] : report.lines) {
        out << fmt::format("  {:<{}}  {}\n", label, width, value);
    }
    for (const auto& warning : report.warnings) {
        out << "  warning: " << warning << '\n';
    }
}

} // namespace lw
