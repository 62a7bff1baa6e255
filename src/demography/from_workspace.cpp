#include "demography/from_workspace.hpp"

#include "core/error.hpp"

#include <algorithm>
#include <array>
#include <fmt/format.h>

namespace lw::demography {

LifeTables life_tables_from_rows(const std::vector<store::LifeTableRow>& rows) {
    LifeTables tables;
    for (auto sex : {store::Sex::male, store::Sex::female}) {
        std::array<double, age_count> qx{}, lx{}, Lx{}, Tx{};
        std::array<int, age_count> seen{};
        std::string period;
        for (const auto& row : rows) {
            if (row.sex != sex) {
                continue;
            }
            if (row.age < 0 || row.age > static_cast<int>(open_age) ||
                ++seen[static_cast<std::size_t>(row.age)] > 1) {
                throw Error(ErrorKind::workspace,
                            fmt::format("life table {} {}: age {} out of range or repeated",
                                        row.period, to_string(sex), row.age));
            }
            const auto age = static_cast<std::size_t>(row.age);
            qx[age] = row.qx;
            lx[age] = row.lx;
            Lx[age] = row.Lx;
            Tx[age] = row.Tx;
            period = row.period;
        }
        const auto missing = std::find(seen.begin(), seen.end(), 0);
        if (missing != seen.end()) {
            throw Error(ErrorKind::workspace,
                        fmt::format("life table {}: age {} missing", to_string(sex),
                                    missing - seen.begin()));
        }
        const auto what = fmt::format("{} {}", period, to_string(sex));
        tables[sex == store::Sex::male ? 0 : 1] = life_table_from_columns(qx, lx, Lx, Tx, what);
    }
    return tables;
}

AgeGroupCounts age_groups_from_population(const std::vector<store::PopulationValue>& values,
                                          int year, const std::string& source_table) {
    struct Group {
        int from;
        int to; // -1: open
        double count;
    };
    std::vector<Group> groups;
    for (const auto& value : values) {
        if (value.year != year || value.sex != store::Sex::total ||
            value.source_table != source_table || (value.age_from == 0 && !value.age_to)) {
            continue;
        }
        if (!value.value.value) {
            throw Error(ErrorKind::workspace,
                        fmt::format("age group {}-{} of {} {} has no number ({})", value.age_from,
                                    value.age_to.value_or(-1), value.area_key, year,
                                    to_string(value.value.status)));
        }
        groups.push_back({value.age_from, value.age_to.value_or(-1), *value.value.value});
    }
    std::sort(groups.begin(), groups.end(),
              [](const Group& lhs, const Group& rhs) { return lhs.from < rhs.from; });
    AgeGroupCounts out;
    int next = 0;
    for (std::size_t idx = 0; idx < groups.size(); ++idx) {
        const bool last = idx + 1 == groups.size();
        if (groups[idx].from != next || (groups[idx].to < 0) != last) {
            throw Error(ErrorKind::workspace,
                        fmt::format("age groups of {} ({}) do not cover 0..open: group starting "
                                    "at {} where {} was expected",
                                    year, source_table, groups[idx].from, next));
        }
        out.first_age.push_back(static_cast<std::size_t>(groups[idx].from));
        out.count.push_back(groups[idx].count);
        next = groups[idx].to + 1;
    }
    if (groups.empty()) {
        throw Error(ErrorKind::workspace,
                    fmt::format("no age groups for {} from {}", year, source_table));
    }
    return out;
}

} // namespace lw::demography
