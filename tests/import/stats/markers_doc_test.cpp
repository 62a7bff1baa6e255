// docs/statistics-import.md reproduces the marker table of src/core/value_status.cpp; this test
// keeps the two equal in both directions.

#include "core/text.hpp"
#include "core/value_status.hpp"

#include "test_paths.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <string>

namespace lw {
namespace {

std::filesystem::path docs_file() {
    return lw::test::repo_dir() / "docs" / "statistics-import.md";
}

// Rows of the table under the heading "Official markers": | `marker` | status | meaning |.
std::map<std::string, std::string> documented_markers() {
    std::ifstream in(docs_file());
    EXPECT_TRUE(in.good()) << docs_file();
    std::map<std::string, std::string> out;
    std::string line;
    bool in_section = false;
    while (std::getline(in, line)) {
        if (line.rfind("## ", 0) == 0) {
            in_section = line.find("Official markers") != std::string::npos;
            continue;
        }
        if (!in_section || line.rfind("| ", 0) != 0) {
            continue;
        }
        const auto cells = split(line, '|');
        if (cells.size() < 4) {
            continue;
        }
        std::string marker(trim(cells[1]));
        const std::string status(trim(cells[2]));
        if (marker == "(empty cell)") {
            marker.clear();
        } else if (marker.size() >= 2 && marker.front() == '`' && marker.back() == '`') {
            marker = marker.substr(1, marker.size() - 2);
        } else {
            continue; // the header and the |---| line
        }
        EXPECT_TRUE(out.emplace(marker, status).second) << "listed twice: " << marker;
    }
    return out;
}

TEST(MarkerDocs, TableMatchesMarkerStatus) {
    const auto documented = documented_markers();
    ASSERT_GE(documented.size(), 7u);
    for (const auto& [marker, status] : documented) {
        const auto actual = marker_status(marker);
        ASSERT_TRUE(actual.has_value()) << "documented but not a marker: \"" << marker << "\"";
        EXPECT_EQ(to_string(*actual), status) << marker;
    }
    // The other direction: every string built from marker characters that marker_status accepts
    // must be documented.
    const std::vector<std::string> pieces{
        "", "-", ".", "x", "X", "/", "\xE2\x80\x93", "\xE2\x80\xA6", "0", "*"};
    for (const auto& a : pieces) {
        for (const auto& b : pieces) {
            for (const auto& c : pieces) {
                const std::string probe = a + b + c;
                if (marker_status(probe)) {
                    EXPECT_EQ(documented.count(probe), 1u)
                        << "marker not documented: \"" << probe << "\"";
                }
            }
        }
    }
}

} // namespace
} // namespace lw
