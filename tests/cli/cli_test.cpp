// Golden tests of the real binary: usage errors, exit codes, messages a planner can act on.
#include "process.hpp"
#include "test_paths.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace lw::test {

namespace {

std::string bin() { return binary().string(); }

} // namespace

TEST(Cli, UsageErrorsExitWithTwo) {
    EXPECT_EQ(run({bin()}).exit_code, 2);
    EXPECT_EQ(run({bin(), "frobnicate"}).exit_code, 2);
    const auto r = run({bin(), "init", "-w", "/tmp/x.gpkg", "--name", "X"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("--region"), std::string::npos) << r.err;
    EXPECT_EQ(run({bin(), "--help"}).exit_code, 0);
    EXPECT_EQ(run({bin(), "--version"}).exit_code, 0);
}

TEST(Cli, MissingWorkspaceSaysHowToCreateIt) {
    ScratchDir dir("cli-missing");
    const auto r = run({bin(), "info", "-w", (dir / "nope.gpkg").string()});
    EXPECT_EQ(r.exit_code, 3);
    EXPECT_NE(r.err.find("lebenswert init"), std::string::npos) << r.err;
}

TEST(Cli, InitImportInfoOnFixtures) {
    ScratchDir dir("cli-flow");
    const std::string ws = (dir / "wm.gpkg").string();
    auto r = run({bin(), "init", "-w", ws, "--name", "Werra-Meißner-Kreis", "--region", "6636"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("keys 06636"), std::string::npos) << r.out; // leading zero restored
    EXPECT_EQ(run({bin(), "init", "-w", ws, "--name", "again", "--region", "06636"}).exit_code, 2);
    r = run({bin(), "import", "boundaries", "-w", ws,
             (demo_dir() / "boundaries/vg5000-2021/VG5000_GEM.shp").string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("inside the region   17"), std::string::npos) << r.out;
    r = run({bin(), "import", "grid", "-w", ws, (data_dir() / "grid/malformed/letter-value").string()});
    EXPECT_EQ(r.exit_code, 5);
    EXPECT_NE(r.err.find("ALTER_KURZ_33_40.csv:2:4: persons must be a non-negative integer (value: \"x\")"),
              std::string::npos)
        << r.err;
    r = run({bin(), "info", "-w", ws, "--json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto summary = nlohmann::json::parse(r.out);
    EXPECT_EQ(summary["municipalities"].size(), 17u);
    EXPECT_EQ(summary["imports"].size(), 1u); // the failed grid import left no trace
    r = run({bin(), "info", "-w", ws});
    EXPECT_NE(r.out.find("Municipalities: 17 (17 with boundary)"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("© GeoBasis-DE / BKG 2021"), std::string::npos) << r.out;
}

TEST(Cli, WorkspaceFromEnvironment) {
    ScratchDir dir("cli-env");
    const std::string ws = (dir / "a.gpkg").string();
    ASSERT_EQ(run({bin(), "init", "-w", ws, "--name", "A", "--region", "06636"}).exit_code, 0);
    EXPECT_EQ(run({bin(), "info"}, {"LEBENSWERT_WORKSPACE=" + ws}).exit_code, 0);
}

} // namespace lw::test
