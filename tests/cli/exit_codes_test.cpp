// docs/cli.md documents the exit codes; the table there must be the one the code uses.
#include "cli/exit_codes.hpp"

#include "test_paths.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <regex>

namespace lw::cli {

TEST(ExitCodes, DocumentedTableMatchesTheCode) {
    std::ifstream doc(test::repo_dir() / "docs/cli.md");
    ASSERT_TRUE(doc) << "docs/cli.md missing";
    const std::regex row(R"(^\|\s*(\d+)\s*\|\s*`(\w+)`\s*\|)");
    std::map<std::string, int> documented;
    std::string line;
    while (std::getline(doc, line)) {
        std::smatch m;
        if (std::regex_search(line, m, row)) {
            documented[m[2].str()] = std::stoi(m[1].str());
        }
    }
    const ErrorKind kinds[] = {ErrorKind::usage, ErrorKind::not_found, ErrorKind::input_format,
                               ErrorKind::input_value, ErrorKind::workspace, ErrorKind::workspace_version,
                               ErrorKind::io, ErrorKind::internal};
    EXPECT_EQ(documented.size(), std::size(kinds));
    for (const auto kind : kinds) {
        const std::string name(to_string(kind));
        ASSERT_TRUE(documented.count(name)) << name << " is not documented";
        EXPECT_EQ(documented[name], exit_code(kind)) << name;
    }
}

} // namespace lw::cli
