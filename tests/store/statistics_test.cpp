#include "store/statistics.hpp"

#include "core/error.hpp"
#include "store/imports.hpp"
#include "store/workspace.hpp"
#include "test_paths.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

namespace lw::store {

namespace {

PopulationValue value(const std::string& key, int age_from, std::optional<int> age_to, StatValue v) {
    PopulationValue p;
    p.area_key = key;
    p.year = 2018;
    p.reference_date = "2018-12-31";
    p.age_from = age_from;
    p.age_to = age_to;
    p.value = v;
    p.source_table = "12411-02-03-4";
    return p;
}

} // namespace

TEST(Statistics, SecretAndMissingAreStoredAsNullNotZero) {
    test::ScratchDir dir("stats");
    auto ws = Workspace::create(dir / "a.gpkg", {"A", {"06636"}});
    Transaction tx(ws.db());
    const auto id = test::add_test_import(ws.db());
    upsert_population(ws.db(),
                      {value("06636", 0, 2, StatValue::number(2457)),
                       value("06636", 3, 5, StatValue::marked(ValueStatus::secret)),
                       value("06636", 6, 9, StatValue::marked(ValueStatus::nothing)),
                       value("06636", 75, std::nullopt, StatValue::marked(ValueStatus::missing))},
                      id);
    tx.commit();
    const auto rows = read_population(ws.db(), "06636");
    ASSERT_EQ(rows.size(), 4u);
    EXPECT_EQ(rows[0].value.value, 2457.0);
    EXPECT_EQ(rows[1].value.status, ValueStatus::secret);
    EXPECT_FALSE(rows[1].value.value);
    EXPECT_EQ(rows[2].value.value, 0.0);
    EXPECT_EQ(rows[2].value.status, ValueStatus::nothing);
    EXPECT_FALSE(rows[3].age_to);
    EXPECT_FALSE(rows[3].value.value);
    EXPECT_EQ(ws.db().query_int("SELECT count(*) FROM population WHERE value = 0"), 1);
}

TEST(Statistics, SchemaRefusesANumberWithASecretStatus) {
    test::ScratchDir dir("stats-check");
    auto ws = Workspace::create(dir / "a.gpkg", {"A", {"06636"}});
    Transaction tx(ws.db());
    const auto id = test::add_test_import(ws.db());
    StatValue inconsistent = StatValue::marked(ValueStatus::secret);
    inconsistent.value = 0.0;
    EXPECT_THROW(upsert_population(ws.db(), {value("06636", 0, 2, inconsistent)}, id), Error);
}

TEST(Statistics, ReimportReplacesTheSameKey) {
    test::ScratchDir dir("stats-replace");
    auto ws = Workspace::create(dir / "a.gpkg", {"A", {"06636"}});
    Transaction tx(ws.db());
    const auto id = test::add_test_import(ws.db());
    upsert_population(ws.db(), {value("06636", 0, std::nullopt, StatValue::number(1))}, id);
    upsert_population(ws.db(), {value("06636", 0, std::nullopt, StatValue::number(2))}, id);
    tx.commit();
    const auto totals = read_population_totals(ws.db(), 2018);
    ASSERT_EQ(totals.size(), 1u);
    EXPECT_EQ(totals[0].value.value, 2.0);
    EXPECT_THROW(upsert_population(ws.db(), {value("0663", 0, 1, StatValue::number(1))}, id), Error);
}

} // namespace lw::store
