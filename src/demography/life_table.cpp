#include "demography/life_table.hpp"

#include "core/error.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace lw::demography {
namespace {

[[noreturn]] void fail(std::string_view what, std::size_t age, std::string_view column,
                       double value, std::string_view why) {
    throw Error(ErrorKind::input_value,
                fmt::format("life table {}: {}({}) = {} {}", what, column, age, value, why));
}

} // namespace

LifeTable life_table_from_columns(std::span<const double> qx, std::span<const double> lx,
                                  std::span<const double> Lx, std::span<const double> Tx,
                                  std::string_view what) {
    for (auto size : {qx.size(), lx.size(), Lx.size(), Tx.size()}) {
        if (size != age_count) {
            throw Error(ErrorKind::input_value,
                        fmt::format("life table {}: {} ages instead of 0..100", what, size));
        }
    }
    // The source rounds lx, Lx, Tx to whole persons: allow that much slack in the identities.
    constexpr double rounding = 1.5;
    LifeTable table;
    for (std::size_t age = 0; age < age_count; ++age) {
        if (!(qx[age] >= 0 && qx[age] <= 1)) {
            fail(what, age, "q", qx[age], "is not a probability");
        }
        if (!(lx[age] > 0) || (age > 0 && lx[age] > lx[age - 1])) {
            fail(what, age, "l", lx[age], "is not positive and non-increasing");
        }
        const double next_l = age + 1 < age_count ? lx[age + 1] : 0.0;
        if (!(Lx[age] > 0) || Lx[age] > lx[age] + rounding || Lx[age] + rounding < next_l) {
            fail(what, age, "L", Lx[age], "is not between l(x+1) and l(x)");
        }
        const double next_T = age + 1 < age_count ? Tx[age + 1] : 0.0;
        if (age + 1 < age_count && std::abs(Tx[age] - Lx[age] - next_T) > rounding) {
            fail(what, age, "T", Tx[age], "is not L(x) + T(x+1)");
        }
        if (age + 1 == age_count && Tx[age] + rounding < Lx[age]) {
            fail(what, age, "T", Tx[age], "is less than L(100)");
        }
    }
    for (std::size_t age = 0; age < open_age; ++age) {
        table.qx[age] = qx[age];
        table.lx[age] = lx[age];
        table.Lx[age] = Lx[age];
        table.Tx[age] = Tx[age];
        const double deaths = lx[age] - lx[age + 1];
        // Deaths of the year are rounded away at very young ages (d = 0): assume mid-year then.
        table.ax[age] = deaths > 0 ? std::clamp((Lx[age] - lx[age + 1]) / deaths, 0.0, 1.0) : 0.5;
    }
    table.qx[open_age] = 1.0;
    table.lx[open_age] = lx[open_age];
    table.Lx[open_age] = Tx[open_age]; // the open group 100+ holds all person-years from 100 on
    table.Tx[open_age] = Tx[open_age];
    table.ax[open_age] = Tx[open_age] / lx[open_age];
    table.open_death_rate = lx[open_age] / Tx[open_age];
    return table;
}

LifeTable rebuild(const LifeTable& table) {
    LifeTable out = table;
    for (std::size_t age = 0; age < open_age; ++age) {
        const double deaths = out.lx[age] * out.qx[age];
        out.lx[age + 1] = out.lx[age] - deaths;
        out.Lx[age] = out.lx[age + 1] + out.ax[age] * deaths;
    }
    out.qx[open_age] = 1.0;
    out.Lx[open_age] = out.lx[open_age] / out.open_death_rate;
    out.ax[open_age] = 1.0 / out.open_death_rate;
    double remaining = 0;
    for (std::size_t age = age_count; age-- > 0;) {
        remaining += out.Lx[age];
        out.Tx[age] = remaining;
    }
    return out;
}

double life_expectancy(const LifeTable& table, std::size_t age) {
    return table.Tx[age] / table.lx[age];
}

LifeTable improve_mortality(const LifeTable& table, double annual_reduction, double years) {
    const double factor = std::pow(1.0 - annual_reduction, years);
    LifeTable out = table;
    for (std::size_t age = 0; age < open_age; ++age) {
        out.qx[age] = std::min(1.0, table.qx[age] * factor);
    }
    out.open_death_rate = table.open_death_rate * factor;
    return rebuild(out);
}

double annual_reduction_for_e0(const LifeTable& table, double years, double target_e0) {
    double low = -0.05;
    double high = 0.2;
    auto e0 = [&](double rate) { return life_expectancy(improve_mortality(table, rate, years)); };
    if (!(target_e0 >= e0(low) && target_e0 <= e0(high))) {
        throw Error(ErrorKind::input_value,
                    fmt::format("life expectancy {} cannot be reached in {} years with an annual "
                                "mortality reduction between -5 % and 20 %",
                                target_e0, years));
    }
    for (int step = 0; step < 100 && high - low > 1e-12; ++step) {
        const double mid = 0.5 * (low + high);
        (e0(mid) < target_e0 ? low : high) = mid;
    }
    return 0.5 * (low + high);
}

} // namespace lw::demography
