#include "store/artefact.hpp"

#include "core/error.hpp"
#include "store/workspace.hpp"
#include "test_paths.hpp"

#include <gtest/gtest.h>

namespace lw::store {

namespace {

std::string failure(const std::function<void()>& f) {
    try {
        f();
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::workspace);
        return e.what();
    }
    ADD_FAILURE() << "no error";
    return {};
}

} // namespace

TEST(Artefact, ArrayRoundTripInsideTheWorkspace) {
    test::ScratchDir dir("artefact");
    auto ws = Workspace::create(dir / "a.gpkg", {"A", {"06636"}});
    const std::vector<std::uint32_t> first_out{0, 2, 3, 3};
    Transaction tx(ws.db());
    write_array(ws.db(), "graph.first_out", "csr-first-out", 1, first_out);
    tx.commit();
    EXPECT_EQ(read_array<std::uint32_t>(ws.db(), "graph.first_out", "csr-first-out", 1), first_out);
    const auto empty = std::vector<double>{};
    write_array(ws.db(), "empty", "doubles", 1, empty);
    EXPECT_TRUE(read_array<double>(ws.db(), "empty", "doubles", 1).empty());
}

TEST(Artefact, EveryHeaderFieldIsChecked) {
    const std::vector<std::uint32_t> values{1, 2, 3, 4};
    const auto blob = pack_artefact({"csr-head", 2, 4, 4}, values.data(), 16);
    const ArtefactHeader expected{"csr-head", 2, 4, 0};
    EXPECT_EQ(unpack_artefact("g", blob, expected).size(), 16u);

    EXPECT_NE(failure([&] { unpack_artefact("g", blob, {"csr-tail", 2, 4, 0}); }).find("expected \"csr-tail\""), std::string::npos);
    EXPECT_NE(failure([&] { unpack_artefact("g", blob, {"csr-head", 3, 4, 0}); }).find("format version 2"), std::string::npos);
    EXPECT_NE(failure([&] { unpack_artefact("g", blob, {"csr-head", 2, 8, 0}); }).find("element size"), std::string::npos);

    auto damaged = blob;
    damaged.back() ^= 0x01;
    EXPECT_NE(failure([&] { unpack_artefact("g", damaged, expected); }).find("checksum"), std::string::npos);
    auto truncated = blob;
    truncated.pop_back();
    EXPECT_NE(failure([&] { unpack_artefact("g", truncated, expected); }).find("payload"), std::string::npos);
    auto no_magic = blob;
    no_magic[0] = 'X';
    EXPECT_NE(failure([&] { unpack_artefact("g", no_magic, expected); }).find("header"), std::string::npos);
}

TEST(Artefact, MissingArtefactIsAWorkspaceError) {
    test::ScratchDir dir("artefact-missing");
    auto ws = Workspace::create(dir / "a.gpkg", {"A", {"06636"}});
    failure([&] { read_array<int>(ws.db(), "nothing", "x", 1); });
}

} // namespace lw::store
