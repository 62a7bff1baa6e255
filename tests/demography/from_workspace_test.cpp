#include "demography/from_workspace.hpp"

#include "core/error.hpp"
#include "demo_tables.hpp"

#include <gtest/gtest.h>

namespace lw::demography {

TEST(FromWorkspace, LifeTableRowsNeedBothSexesAndEveryAge) {
    auto rows = test::demo_life_table_rows("2022-2024");
    EXPECT_NO_THROW(life_tables_from_rows(rows));
    auto missing = rows;
    missing.erase(missing.begin() + 40);
    auto repeated = rows;
    repeated.push_back(rows[3]);
    for (const auto& bad : {missing, repeated}) {
        try {
            life_tables_from_rows(bad);
            ADD_FAILURE() << "no error";
        } catch (const Error& error) {
            EXPECT_EQ(error.kind(), ErrorKind::workspace);
        }
    }
}

TEST(FromWorkspace, AgeGroupsMustTileAllAges) {
    auto value = [](int from, std::optional<int> to, double count) {
        store::PopulationValue v;
        v.area_key = "06636";
        v.year = 2018;
        v.age_from = from;
        v.age_to = to;
        v.value = StatValue::number(count);
        v.source_table = "12411-02-03-4";
        return v;
    };
    std::vector<store::PopulationValue> values{value(20, std::nullopt, 5), value(0, 19, 3),
                                               value(0, std::nullopt, 8)};
    const auto groups = age_groups_from_population(values, 2018, "12411-02-03-4");
    EXPECT_EQ(groups.first_age, (std::vector<std::size_t>{0, 20}));
    EXPECT_EQ(groups.count, (std::vector<double>{3, 5}));
    EXPECT_THROW(age_groups_from_population(values, 2019, "12411-02-03-4"), Error);
    values.push_back(value(10, 30, 1));
    EXPECT_THROW(age_groups_from_population(values, 2018, "12411-02-03-4"), Error);
    values.pop_back();
    values.push_back(value(40, 49, 1));
    values.back().value = StatValue::marked(ValueStatus::secret);
    EXPECT_THROW(age_groups_from_population(values, 2018, "12411-02-03-4"), Error);
}

} // namespace lw::demography
