// Crash safety: a real import process killed with SIGKILL at any moment leaves the workspace
// exactly as it was before the import, readable, and ready for the next import.
#include "process.hpp"
#include "store/workspace.hpp"
#include "test_paths.hpp"
#include "workspace_snapshot.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <random>

namespace lw::test {

namespace {

std::string bin() { return binary().string(); }

struct ImportCase {
    std::string name;
    std::vector<std::string> args;   // after "import", before the workspace option
    std::vector<int> kill_after_rows; // each well inside the rows the import writes
};

// In the order a workspace is built (the grid needs boundaries).
std::vector<ImportCase> import_cases() {
    std::vector<ImportCase> cases{
        {"boundaries", {"boundaries", (demo_dir() / "boundaries/vg5000-2021/VG5000_GEM.shp").string()}, {1, 7, 20}},
        {"stats", {"stats", (demo_dir() / "statistics/gv-isys-2019/AuszugGV4QAktuell.csv").string(),
                   "--reference-date", "2019-12-31"}, {1, 10, 40}},
        {"grid", {"grid", (demo_dir() / "zensus2011-grid/werra-meissner").string()}, {1, 500, 5000}},
        // The largest import: about 20,000 rows (buildings, network, facilities) plus index rows.
        {"osm", {"osm", (demo_dir() / "osm/lauf-200115.osm.pbf").string()}, {1, 3000, 15000}},
    };
    return cases;
}

std::vector<std::string> command(const ImportCase& c, const std::string& ws) {
    std::vector<std::string> args{bin(), "import"};
    args.insert(args.end(), c.args.begin(), c.args.end());
    args.insert(args.end(), {"-w", ws});
    return args;
}

// A workspace with boundaries and one grid import already in it.
std::string prepared_workspace(const ScratchDir& dir) {
    const std::string ws = (dir / "wm.gpkg").string();
    EXPECT_EQ(run({bin(), "init", "-w", ws, "--name", "Werra-Meißner-Kreis", "--region", "06636"}).exit_code, 0);
    for (const auto& c : import_cases()) {
        EXPECT_EQ(run(command(c, ws)).exit_code, 0);
    }
    return ws;
}

std::string state_of(const std::string& ws, bool mask_clock = false) {
    // Opening read-write lets SQLite roll back a hot journal left by the killed process.
    auto workspace = store::Workspace::open(ws);
    EXPECT_EQ(workspace.db().query_text("PRAGMA integrity_check"), "ok");
    return snapshot(workspace.db(), mask_clock);
}

} // namespace

TEST(Kill, FaultInjectedKillsMidWriteAndBeforeCommit) {
    ScratchDir dir("kill-fault");
    const std::string ws = prepared_workspace(dir);
    const std::string before = state_of(ws);
    for (const auto& c : import_cases()) {
        std::vector<std::string> faults{"kill-before-commit"};
        for (const int rows : c.kill_after_rows) {
            faults.push_back("kill-after-rows:" + std::to_string(rows));
        }
        for (const auto& fault : faults) {
            const auto r = run(command(c, ws), {"LW_FAULT=" + fault});
            EXPECT_EQ(r.signal, SIGKILL) << c.name << " " << fault << " exit " << r.exit_code << r.err;
            EXPECT_TRUE(state_of(ws) == before) << c.name << " " << fault << ": workspace changed";
        }
    }
    // The workspace is not locked or damaged: the next import succeeds and changes it.
    EXPECT_EQ(run(command(import_cases()[2], ws)).exit_code, 0);
    EXPECT_FALSE(state_of(ws) == before);
}

TEST(Kill, RandomMomentKillsLeaveEitherTheOldOrTheNewState) {
    // A kill can land before the import's COMMIT (the old state must remain) or after it, while
    // the process prints its report and exits (the complete new state must be there). The new
    // state is known from running the same import to completion on a copy.
    ScratchDir dir("kill-random");
    const std::string ws = prepared_workspace(dir);
    const std::string copy = (dir / "copy.gpkg").string();
    std::mt19937 rng(11);
    int killed_before_commit = 0;
    for (const auto& c : import_cases()) {
        for (int round = 0; round < 8; ++round) {
            const std::string before = state_of(ws, true);
            std::filesystem::copy_file(ws, copy, std::filesystem::copy_options::overwrite_existing);
            const auto start = std::chrono::steady_clock::now();
            ASSERT_EQ(run(command(c, copy)).exit_code, 0);
            const auto span = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start);
            const std::string complete = state_of(copy, true);
            ASSERT_FALSE(complete == before);

            const auto delay = std::chrono::microseconds(rng() % static_cast<unsigned>(span.count() + 1));
            const auto r = run_and_kill_after(command(c, ws), delay);
            const std::string after = state_of(ws, true);
            if (r.signal != SIGKILL) {
                EXPECT_EQ(r.exit_code, 0) << r.err;
            }
            EXPECT_TRUE(after == before || after == complete)
                << c.name << " killed after " << delay.count() << " us: neither the old nor the complete new state";
            killed_before_commit += r.signal == SIGKILL && after == before ? 1 : 0;
        }
    }
    EXPECT_GT(killed_before_commit, 4) << "too few imports were interrupted before their commit to test anything";
}

} // namespace lw::test
