#include "outlook/area_matching.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>

namespace lw::outlook {
namespace {

const MatchedUnit& unit_labelled(const std::vector<MatchedUnit>& units, const std::string& label) {
    const auto it = std::find_if(units.begin(), units.end(), [&](const auto& u) { return u.label == label; });
    EXPECT_NE(it, units.end()) << label;
    return *it;
}

double total(const std::vector<MatchedUnit>& units, bool before) {
    return std::accumulate(units.begin(), units.end(), 0.0, [&](double s, const auto& u) {
        return s + (before ? u.population_before : u.population_after);
    });
}

TEST(AreaMatching, UnchangedCodesAreTheirOwnUnits) {
    const std::vector<AreaCount> a{{"06636001", 1000}, {"06636002", 2000}};
    const std::vector<AreaCount> b{{"06636001", 990}, {"06636002", 2100}};
    const auto units = match_areas(a, b);
    ASSERT_EQ(units.size(), 2u);
    EXPECT_FALSE(units[0].pooled());
    EXPECT_EQ(unit_labelled(units, "06636002").population_after, 2100);
}

TEST(AreaMatching, AMergerPoolsItsDistrictAndTotalsAreKept) {
    // 003 is absorbed by 001 (which jumps), 002 is untouched; 004 + 005 merge into the new 009.
    const std::vector<AreaCount> a{{"06636001", 1000}, {"06636002", 2000}, {"06636003", 500},
                                   {"06636004", 300},  {"06636005", 400}};
    const std::vector<AreaCount> b{{"06636001", 1490}, {"06636002", 2020}, {"06636009", 690}};
    const auto units = match_areas(a, b);
    ASSERT_EQ(units.size(), 1u);
    const auto& pool = unit_labelled(units, "06636 (pooled)");
    EXPECT_EQ(pool.before, (std::vector<std::string>{"06636001", "06636002", "06636003", "06636004", "06636005"}));
    EXPECT_EQ(pool.after, (std::vector<std::string>{"06636001", "06636002", "06636009"}));
    EXPECT_EQ(pool.population_before, 4200);
    EXPECT_EQ(pool.population_after, 4200);
    EXPECT_EQ(total(units, true), 4200);
    EXPECT_EQ(total(units, false), 4200);
}

TEST(AreaMatching, AChangedDistrictIsOnePoolAndOthersStayOneToOne) {
    // 001 absorbs 003 and grows only 5 %: still pooled, because its district changed.
    const std::vector<AreaCount> a{{"06636001", 10000}, {"06636003", 500}, {"06632001", 2000}};
    const std::vector<AreaCount> b{{"06636001", 10480}, {"06632001", 2050}};
    const auto units = match_areas(a, b);
    ASSERT_EQ(units.size(), 2u);
    EXPECT_FALSE(unit_labelled(units, "06632001").pooled());
    EXPECT_EQ(unit_labelled(units, "06636 (pooled)").population_before, 10500);
}

TEST(AreaMatching, AJumpOutsideAChangedDistrictIsPooledPerLand) {
    // 06632001 absorbed 06636003 across the district border.
    const std::vector<AreaCount> a{{"06636001", 1000}, {"06636003", 500}, {"06632001", 2000}, {"06632002", 800}};
    const std::vector<AreaCount> b{{"06636001", 1000}, {"06632001", 2500}, {"06632002", 810}};
    const auto units = match_areas(a, b);
    EXPECT_FALSE(unit_labelled(units, "06632002").pooled());
    const auto& pool = unit_labelled(units, "06 (pooled)");
    EXPECT_EQ(pool.population_before, 3500);
    EXPECT_EQ(pool.population_after, 3500);
}

TEST(AreaMatching, CodesMovingBetweenDistrictsArePooledPerLand) {
    const std::vector<AreaCount> a{{"03159001", 100}, {"03152002", 200}};
    const std::vector<AreaCount> b{{"03159001", 100}, {"03159016", 205}};
    const auto units = match_areas(a, b);
    const auto& pool = unit_labelled(units, "03 (pooled)");
    // 03159 gained a code and jumped, 03152 lost one: both go to the Land's pool.
    EXPECT_EQ(pool.before, (std::vector<std::string>{"03152002", "03159001"}));
    EXPECT_EQ(pool.after, (std::vector<std::string>{"03159001", "03159016"}));
    EXPECT_EQ(units.size(), 1u);
    EXPECT_TRUE(pool.complete);
}

TEST(AreaMatching, AMissingCountMakesItsUnitIncomplete) {
    const std::vector<AreaCount> a{{"05370004", std::nullopt}, {"05370008", 800}};
    const std::vector<AreaCount> b{{"05370004", 12000}, {"05370008", 810}};
    const auto units = match_areas(a, b);
    EXPECT_FALSE(unit_labelled(units, "05370004").complete);
    EXPECT_TRUE(unit_labelled(units, "05370008").complete);
}

} // namespace
} // namespace lw::outlook
