// The same data through every input format: OSM XML, gzipped XML and PBF (written here with
// libosmium's writer), plus a real gzipped extract when the shared data folder is present.

#include "import/osm/osm_test_util.hpp"

#include "import/osm/reader.hpp"

#include <gtest/gtest.h>
#include <osmium/io/any_input.hpp>
#include <osmium/io/any_output.hpp>

#include <filesystem>

namespace {

using lw::import::osm::OsmConfig;
using lw::import::osm::OsmExtract;
using lw::import::osm::read_osm;
using lw::test::osm_fixture;

// Converts an OSM file with libosmium (format from the target's extension).
void convert(const std::filesystem::path& from, const std::filesystem::path& to) {
    osmium::io::Reader reader{from.string()};
    osmium::io::Header header = reader.header();
    header.set("generator", "lebenswert test");
    osmium::io::Writer writer{to.string(), header, osmium::io::overwrite::allow};
    while (osmium::memory::Buffer buffer = reader.read()) {
        writer(std::move(buffer));
    }
    writer.close();
    reader.close();
}

void expect_same(const OsmExtract& a, const OsmExtract& b) {
    ASSERT_EQ(a.network.nodes.size(), b.network.nodes.size());
    ASSERT_EQ(a.network.edges.size(), b.network.edges.size());
    for (std::size_t i = 0; i < a.network.edges.size(); ++i) {
        EXPECT_EQ(a.network.edges[i].osm_way_id, b.network.edges[i].osm_way_id);
        // PBF stores coordinates in 100 nanodegrees like XML's 7 decimals: equal lengths.
        EXPECT_NEAR(a.network.edges[i].length_m, b.network.edges[i].length_m, 1e-6);
    }
    EXPECT_EQ(a.data_date, b.data_date);
    EXPECT_EQ(a.stats.nodes, b.stats.nodes);
    EXPECT_EQ(a.stats.ways, b.stats.ways);
}

TEST(OsmFormats, GzippedXmlReadsLikeXml) {
    const auto xml = read_osm(OsmConfig{osm_fixture("cross-junction-4ways.osm")});
    const auto gz = read_osm(OsmConfig{osm_fixture("cross-junction-4ways.osm.gz")});
    expect_same(xml, gz);
    EXPECT_EQ(gz.network.edges.size(), 4u);
    EXPECT_EQ(gz.data_date, "2020-01-15") << "the newest object timestamp";
}

TEST(OsmFormats, PbfWrittenByLibosmiumReadsLikeXml) {
    lw::test::ScratchDir dir("osm-pbf");
    for (const char* name : {"oneway-roundabout.osm", "building-multipolygon-with-hole.osm",
                             "school-grund-und-mittelschule.osm"}) {
        const auto pbf = dir / (std::string(name) + ".pbf");
        convert(osm_fixture(name), pbf);
        const auto xml = read_osm(OsmConfig{osm_fixture(name)});
        const auto from_pbf = read_osm(OsmConfig{pbf});
        expect_same(xml, from_pbf);
        EXPECT_EQ(xml.buildings.size(), from_pbf.buildings.size()) << name;
        EXPECT_EQ(xml.facilities.size(), from_pbf.facilities.size()) << name;
        EXPECT_EQ(xml.stats.relations, from_pbf.stats.relations) << name;
    }
}

TEST(OsmFormats, RealGzippedExtractNorthOfBayreuth) {
    const std::filesystem::path file = lw::test::demo_dir() / "osm" / "north-bayreuth.osm.gz";
    const auto extract = read_osm(OsmConfig{file});
    const auto& s = extract.stats;
    // data/SOURCES.md: 58,631 nodes, 7,801 ways, 179 relations, no missing node refs.
    EXPECT_EQ(s.nodes, 58631u);
    EXPECT_EQ(s.ways, 7801u);
    EXPECT_EQ(s.relations, 179u);
    EXPECT_EQ(s.missing_node_refs, 0u);
    EXPECT_EQ(s.network.pieces_dropped, 0u);
    EXPECT_GT(extract.network.edges.size(), 2000u);
    lw::test::expect_valid_network(extract.network);
    EXPECT_EQ(extract.data_date, "2014-11-04");
    // ogrinfo (GDAL's OSM driver) on the same file: 4,267 buildings (building != no) and one
    // complete administrative boundary, Heinersreuth; SOURCES.md's 4,269 include other objects.
    EXPECT_EQ(extract.buildings.size(), 4267u);
    ASSERT_EQ(extract.admin_areas.size(), 1u);
    EXPECT_EQ(extract.admin_areas[0].name, "Heinersreuth");
    EXPECT_EQ(extract.admin_areas[0].ags, "09472150");
    EXPECT_EQ(extract.admin_areas[0].admin_level, 8);
}

} // namespace
