// The committed demo data are unchanged copies of their sources: every file in data/ is listed in
// SHA256SUMS with its checksum (data/SOURCES.md names origin, licence and attribution).
#include "store/imports.hpp"
#include "test_paths.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <set>

namespace lw::store {

TEST(DemoData, ChecksumsMatchSha256Sums) {
    const auto dir = test::demo_dir();
    std::ifstream sums(dir / "SHA256SUMS");
    ASSERT_TRUE(sums) << "data/SHA256SUMS missing";
    std::string line;
    std::set<std::string> listed;
    while (std::getline(sums, line)) {
        const auto hash = line.substr(0, 64);
        auto file = line.substr(66);
        if (file.rfind("./", 0) == 0) {
            file = file.substr(2);
        }
        listed.insert(file);
        EXPECT_EQ(sha256_hex(dir / file), hash) << file;
    }
    EXPECT_GE(listed.size(), 40u);
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
        const auto rel = std::filesystem::relative(entry.path(), dir).string();
        if (entry.is_regular_file() && entry.path().extension() != ".md" && rel != "SHA256SUMS") {
            EXPECT_TRUE(listed.count(rel)) << rel << " is not listed in data/SHA256SUMS";
        }
    }
    EXPECT_TRUE(std::filesystem::exists(dir / "SOURCES.md"));
}

} // namespace lw::store
