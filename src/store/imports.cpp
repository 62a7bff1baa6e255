#include "store/imports.hpp"

#include "core/error.hpp"
#include "core/version.hpp"
#include "store/workspace.hpp"

#include <fmt/format.h>

#include <openssl/evp.h>

#include <array>
#include <fstream>
#include <memory>

namespace lw::store {

std::string sha256_hex(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        throw Error(ErrorKind::not_found, fmt::format("cannot read {}", file.string()));
    }
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr);
    std::array<char, 1 << 16> buffer{};
    while (in) {
        in.read(buffer.data(), buffer.size());
        EVP_DigestUpdate(ctx.get(), buffer.data(), static_cast<std::size_t>(in.gcount()));
    }
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int size = 0;
    EVP_DigestFinal_ex(ctx.get(), digest.data(), &size);
    std::string hex;
    for (unsigned int i = 0; i < size; ++i) {
        hex += fmt::format("{:02x}", digest[i]);
    }
    return hex;
}

void describe_source(ImportRecord& record, const std::filesystem::path& file) {
    record.source_file = file.filename().string();
    record.source_sha256 = sha256_hex(file);
}

std::int64_t insert_import(Database& db, ImportRecord record) {
    Statement stmt(db, "INSERT INTO lw_imports (kind, source_file, source_sha256, title, licence, "
                       "attribution, data_date, imported_at, tool_version, summary) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    stmt.bind(1, record.kind)
        .bind(2, record.source_file)
        .bind(3, record.source_sha256)
        .bind(4, record.title)
        .bind(5, record.licence)
        .bind(6, record.attribution)
        .bind(7, record.data_date)
        .bind(8, record.imported_at.empty() ? now_utc_iso8601() : record.imported_at)
        .bind(9, record.tool_version.empty() ? std::string(lw::version) : record.tool_version)
        .bind(10, record.summary.dump());
    stmt.run();
    return db.last_insert_rowid();
}

std::vector<ImportRecord> read_imports(Database& db) {
    Statement stmt(db, "SELECT id, kind, source_file, source_sha256, title, licence, attribution, "
                       "data_date, imported_at, tool_version, summary FROM lw_imports ORDER BY id");
    std::vector<ImportRecord> out;
    while (stmt.step()) {
        ImportRecord r;
        r.id = stmt.get_int(0);
        r.kind = stmt.get_text(1);
        r.source_file = stmt.get_text(2);
        r.source_sha256 = stmt.get_text(3);
        r.title = stmt.get_text(4);
        r.licence = stmt.get_text(5);
        r.attribution = stmt.get_text(6);
        r.data_date = stmt.get_opt_text(7);
        r.imported_at = stmt.get_text(8);
        r.tool_version = stmt.get_text(9);
        r.summary = nlohmann::json::parse(stmt.get_text(10));
        out.push_back(std::move(r));
    }
    return out;
}

} // namespace lw::store
