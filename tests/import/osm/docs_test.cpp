// The generated tables in docs/ must equal what the code produces, so docs and rules cannot drift.
// After changing a rule table, regenerate the blocks with
//   LW_UPDATE_DOCS=1 ctest -R OsmDocs
// and review the diff.

#include "import/osm/osm_test_util.hpp"

#include "import/osm/buildings.hpp"
#include "import/osm/road_rules.hpp"
#include "import/osm/taxonomy.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace {

std::filesystem::path doc_path(const std::string& name) {
    return lw::test::data_dir().parent_path().parent_path() / "docs" / name;
}

std::string read_doc(const std::string& name) {
    std::ifstream in(doc_path(name));
    EXPECT_TRUE(in.good()) << doc_path(name);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The text between "<!-- begin NAME -->\n" and "<!-- end NAME -->".
std::string generated_block(const std::string& doc, const std::string& name) {
    const std::string begin = "<!-- begin " + name + " -->\n";
    const std::string end = "<!-- end " + name + " -->";
    const auto from = doc.find(begin);
    const auto to = doc.find(end);
    if (from == std::string::npos || to == std::string::npos || to < from) {
        return "(markers " + begin + " / " + end + " not found)";
    }
    return doc.substr(from + begin.size(), to - from - begin.size());
}

// With LW_UPDATE_DOCS set, writes `content` into the block instead of only comparing.
void update_block(const std::string& doc_name, const std::string& block,
                  const std::string& content) {
    if (std::getenv("LW_UPDATE_DOCS") == nullptr) {
        return;
    }
    std::string doc = read_doc(doc_name);
    const std::string begin = "<!-- begin " + block + " -->\n";
    const auto from = doc.find(begin);
    const auto to = doc.find("<!-- end " + block + " -->");
    ASSERT_TRUE(from != std::string::npos && to != std::string::npos) << block;
    doc.replace(from + begin.size(), to - from - begin.size(), content);
    std::ofstream(doc_path(doc_name)) << doc;
}

TEST(OsmDocs, FacilityTaxonomyTableIsGeneratedFromTheCode) {
    update_block("facility-taxonomy.md", "taxonomy", lw::import::osm::taxonomy_markdown());
    const auto doc = read_doc("facility-taxonomy.md");
    EXPECT_EQ(generated_block(doc, "taxonomy"), lw::import::osm::taxonomy_markdown());
}

TEST(OsmDocs, HighwayAndBuildingTablesAreGeneratedFromTheCode) {
    update_block("osm-import.md", "highway-classes", lw::import::osm::highway_classes_markdown());
    update_block("osm-import.md", "building-rules", lw::import::osm::building_rules_markdown());
    const auto doc = read_doc("osm-import.md");
    EXPECT_EQ(generated_block(doc, "highway-classes"), lw::import::osm::highway_classes_markdown());
    EXPECT_EQ(generated_block(doc, "building-rules"), lw::import::osm::building_rules_markdown());
}

} // namespace
