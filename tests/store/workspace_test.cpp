#include "store/workspace.hpp"

#include "core/error.hpp"
#include "store/features.hpp"
#include "store/imports.hpp"
#include "store/schema.hpp"
#include "test_paths.hpp"

#include <gtest/gtest.h>

#include <fstream>

namespace lw::store {

TEST(Workspace, CreateRecordsRegionAndSchema) {
    test::ScratchDir dir("ws-create");
    auto ws = Workspace::create(dir / "wm.gpkg", {"Werra-Meißner-Kreis", {"06636"}});
    EXPECT_EQ(ws.region().name, "Werra-Meißner-Kreis");
    EXPECT_TRUE(ws.region().contains("06636003"));
    EXPECT_FALSE(ws.region().contains("06635003"));
    EXPECT_TRUE(ws.region().is_parent_of("06"));
    EXPECT_TRUE(ws.region().is_parent_of("DG"));
    EXPECT_FALSE(ws.region().is_parent_of("07"));
    EXPECT_EQ(schema_version(ws.db()), current_schema_version());
    auto reopened = Workspace::open(dir / "wm.gpkg");
    EXPECT_EQ(reopened.region().keys, std::vector<std::string>{"06636"});
}

TEST(Workspace, RefusesToOverwriteOrBadKeys) {
    test::ScratchDir dir("ws-refuse");
    Workspace::create(dir / "a.gpkg", {"A", {"06636"}});
    try {
        Workspace::create(dir / "a.gpkg", {"A", {"06636"}});
        FAIL() << "overwrote an existing workspace";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::usage);
    }
    EXPECT_THROW(Workspace::create(dir / "b.gpkg", {"B", {"6636-1"}}), Error);
    EXPECT_THROW(Workspace::create(dir / "c.gpkg", {"C", {}}), Error);
    EXPECT_FALSE(std::filesystem::exists(dir / "b.gpkg"));
}

TEST(Workspace, OpenNamesWhatIsWrong) {
    test::ScratchDir dir("ws-open");
    try {
        Workspace::open(dir / "missing.gpkg");
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::not_found);
    }
    {
        std::ofstream(dir / "text.gpkg") << "this is not a database";
    }
    try {
        Workspace::open(dir / "text.gpkg");
        FAIL();
    } catch (const Error& e) {
        EXPECT_TRUE(e.kind() == ErrorKind::workspace || e.kind() == ErrorKind::io) << e.what();
    }
}

TEST(Workspace, RefusesNewerSchema) {
    test::ScratchDir dir("ws-newer");
    {
        auto ws = Workspace::create(dir / "a.gpkg", {"A", {"06636"}});
        ws.db().exec("UPDATE lw_meta SET value = '99' WHERE key = 'schema_version'");
    }
    try {
        Workspace::open(dir / "a.gpkg");
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::workspace_version);
    }
}

TEST(Workspace, TransactionRollsBackWhenNotCommitted) {
    test::ScratchDir dir("ws-tx");
    auto ws = Workspace::create(dir / "a.gpkg", {"A", {"06636"}});
    try {
        Transaction tx(ws.db());
        ImportRecord r;
        r.kind = "test";
        r.source_file = "x";
        r.source_sha256 = "0";
        r.title = r.licence = r.attribution = "t";
        insert_import(ws.db(), r);
        throw Error(ErrorKind::input_value, "failure in the middle of an import");
    } catch (const Error&) {
    }
    EXPECT_EQ(count_rows(ws.db(), "lw_imports"), 0);
}

TEST(Workspace, ImportRecordKeepsProvenance) {
    test::ScratchDir dir("ws-prov");
    auto ws = Workspace::create(dir / "a.gpkg", {"A", {"06636"}});
    {
        std::ofstream(dir / "src.txt") << "abc";
    }
    ImportRecord r;
    r.kind = "test";
    describe_source(r, dir / "src.txt");
    r.title = "Test";
    r.licence = "dl-de/by-2-0";
    r.attribution = "© Test";
    r.data_date = "2019-12-31";
    r.summary = {{"rows", 3}};
    Transaction tx(ws.db());
    insert_import(ws.db(), r);
    tx.commit();
    const auto imports = read_imports(ws.db());
    ASSERT_EQ(imports.size(), 1u);
    // sha256("abc"), FIPS 180-2 appendix B.1
    EXPECT_EQ(imports[0].source_sha256, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(imports[0].summary["rows"], 3);
    EXPECT_FALSE(imports[0].tool_version.empty());
    EXPECT_FALSE(imports[0].imported_at.empty());
}

} // namespace lw::store
