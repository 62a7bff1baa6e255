#pragma once
// Helpers shared by the statistics import tests: fixtures, demo files, scratch files and checks of
// lw::Error locations.

#include "core/error.hpp"
#include "test_paths.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>

namespace lw::test {

inline std::filesystem::path stats_fixture(const std::string& name) {
    return data_dir() / "stats" / name;
}

// A real statistics file of the demo data (data/statistics/<folder>/<name>), or nullopt.
inline std::optional<std::filesystem::path> demo_statistics_file(const std::string& folder,
                                                                 const std::string& name) {
    const auto path = demo_dir() / "statistics" / folder / name;
    return std::filesystem::exists(path) ? std::optional(path) : std::nullopt;
}

inline std::filesystem::path write_file(const ScratchDir& dir, const std::string& name,
                                        std::string_view bytes) {
    const auto path = dir / name;
    std::ofstream out(path, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return path;
}

// Runs `action` and returns the lw::Error it throws; fails the test if it throws none or another
// kind.
template <typename Action> std::optional<lw::Error> catch_error(Action&& action, ErrorKind kind) {
    try {
        action();
    } catch (const lw::Error& e) {
        EXPECT_EQ(to_string(e.kind()), to_string(kind)) << e.what();
        return e;
    }
    ADD_FAILURE() << "expected an lw::Error of kind " << to_string(kind);
    return std::nullopt;
}

inline void expect_location(const std::optional<lw::Error>& e, const std::filesystem::path& file,
                            std::uint64_t line, std::uint64_t column,
                            const std::optional<std::string>& value) {
    ASSERT_TRUE(e.has_value());
    EXPECT_EQ(e->where().file, file.string()) << e->what();
    EXPECT_EQ(e->where().line, line) << e->what();
    EXPECT_EQ(e->where().column, column) << e->what();
    EXPECT_EQ(e->where().value, value) << e->what();
}

} // namespace lw::test

// Skips the test when the demo data are absent (a checkout without data/statistics).
#define LW_DEMO_STATISTICS_FILE(var, folder, name)                                                 \
    const auto var##_found = lw::test::demo_statistics_file(folder, name);                         \
    if (!var##_found) {                                                                            \
        GTEST_SKIP() << "demo data missing: data/statistics/" << (folder) << "/" << (name);        \
    }                                                                                              \
    const std::filesystem::path var = *var##_found
