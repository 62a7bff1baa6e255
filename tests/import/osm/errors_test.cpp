// Broken input: the right lw::Error kind, a message naming the file, and an untouched workspace.

#include "import/osm/osm_test_util.hpp"

#include "core/error.hpp"
#include "import/osm/import.hpp"
#include "store/imports.hpp"
#include "store/workspace.hpp"

#include <gtest/gtest.h>
#include <osmium/io/any_input.hpp>
#include <osmium/io/any_output.hpp>

#include <fstream>
#include <iterator>

namespace {

using lw::ErrorKind;
using lw::import::osm::import_osm;
using lw::import::osm::OsmConfig;
using lw::import::osm::read_osm;
using lw::test::osm_fixture;
using lw::test::ScratchDir;

ErrorKind kind_of(const std::filesystem::path& file) {
    try {
        read_osm(OsmConfig{file});
    } catch (const lw::Error& e) {
        EXPECT_NE(std::string(e.what()).find(file.string()), std::string::npos)
            << "the message names the file: " << e.what();
        return e.kind();
    }
    ADD_FAILURE() << file << " was read without error";
    return ErrorKind::internal;
}

void write_bytes(const std::filesystem::path& file, const std::string& bytes) {
    std::ofstream out(file, std::ios::binary);
    out << bytes;
}

std::string read_bytes(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A real PBF (the roundabout fixture through libosmium's writer), cut in half.
std::filesystem::path truncated_pbf(const ScratchDir& dir) {
    const auto pbf = dir / "complete.osm.pbf";
    {
        osmium::io::Reader reader{osm_fixture("oneway-roundabout.osm").string()};
        osmium::io::Writer writer{pbf.string(), reader.header(), osmium::io::overwrite::allow};
        while (auto buffer = reader.read()) {
            writer(std::move(buffer));
        }
        writer.close();
    }
    EXPECT_NO_THROW(read_osm(OsmConfig{pbf})) << "the complete file is fine";
    const auto bytes = read_bytes(pbf);
    const auto cut = dir / "truncated.osm.pbf";
    write_bytes(cut, bytes.substr(0, bytes.size() / 2));
    return cut;
}

TEST(OsmErrors, MissingFileIsNotFound) {
    EXPECT_EQ(kind_of(osm_fixture("no-such-extract.osm.pbf")), ErrorKind::not_found);
}

TEST(OsmErrors, TextFileIsNotOsm) {
    EXPECT_EQ(kind_of(osm_fixture("not-osm-text.osm")), ErrorKind::input_format);
}

TEST(OsmErrors, BrokenFiles) {
    ScratchDir dir("osm-errors");
    EXPECT_EQ(kind_of(truncated_pbf(dir)), ErrorKind::input_format);
    write_bytes(dir / "garbage.osm.pbf", std::string(300, '\x17'));
    EXPECT_EQ(kind_of(dir / "garbage.osm.pbf"), ErrorKind::input_format);
    write_bytes(dir / "empty.osm", "");
    EXPECT_EQ(kind_of(dir / "empty.osm"), ErrorKind::input_format);
    write_bytes(dir / "no-nodes.osm", "<?xml version='1.0'?><osm version='0.6'></osm>");
    EXPECT_EQ(kind_of(dir / "no-nodes.osm"), ErrorKind::input_format);
    write_bytes(dir / "cut.osm", read_bytes(osm_fixture("shops-v1.osm")).substr(0, 400));
    EXPECT_EQ(kind_of(dir / "cut.osm"), ErrorKind::input_format);
    write_bytes(dir / "not-gzip.osm.gz", "plain text, no gzip header");
    EXPECT_EQ(kind_of(dir / "not-gzip.osm.gz"), ErrorKind::input_format);
    write_bytes(dir / "unsorted.osm",
                "<?xml version='1.0'?><osm version='0.6'><node id='2' lat='49.5' lon='11.2'/>"
                "<node id='1' lat='49.5' lon='11.3'/><way id='9'><nd ref='1'/><nd ref='2'/>"
                "<tag k='building' v='yes'/></way><way id='8'><nd ref='2'/><nd ref='1'/></way>"
                "</osm>");
    EXPECT_EQ(kind_of(dir / "unsorted.osm"), ErrorKind::input_format);
    write_bytes(dir / "extract.csv", "a,b\n1,2\n");
    EXPECT_EQ(kind_of(dir / "extract.csv"), ErrorKind::input_format);
}

TEST(OsmErrors, CutXmlReportsLineAndColumn) {
    ScratchDir dir("osm-errors-xml");
    write_bytes(dir / "broken.osm", "<?xml version='1.0'?>\n<osm version='0.6'>\n<node id='1' <\n");
    try {
        read_osm(OsmConfig{dir / "broken.osm"});
        FAIL() << "no error";
    } catch (const lw::Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::input_format);
        EXPECT_EQ(e.where().line, 3u);
        EXPECT_GT(e.where().column, 0u);
    }
}

TEST(OsmErrors, FailedImportLeavesTheWorkspaceUnchanged) {
    ScratchDir dir("osm-errors-workspace");
    auto ws = lw::store::Workspace::create(dir / "lauf.gpkg", {"Lauf", {"09574138"}});
    auto& db = ws.db();
    import_osm(ws, OsmConfig{osm_fixture("shops-v1.osm")});
    auto snapshot = [&]() {
        std::vector<std::int64_t> counts;
        for (const char* table : {"lw_imports", "facilities", "buildings", "network_edges",
                                  "network_nodes", "osm_admin_areas"}) {
            counts.push_back(lw::store::count_rows(db, table));
        }
        counts.push_back(static_cast<std::int64_t>(lw::store::read_facilities(db, true).size()));
        return counts;
    };
    const auto before = snapshot();
    for (const auto& file :
         {osm_fixture("not-osm-text.osm"), osm_fixture("missing.osm"), truncated_pbf(dir)}) {
        EXPECT_THROW(import_osm(ws, OsmConfig{file}), lw::Error) << file;
        EXPECT_EQ(snapshot(), before) << file;
    }
}

} // namespace
