#pragma once
// Provenance: every import writes one row (source, licence, attribution, time, tool version,
// summary) in the same transaction as its data.

#include "store/sqlite.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace lw::store {

struct ImportRecord {
    std::int64_t id = 0; // set when read back
    std::string kind;    // osm, gv100ad, gvisys, regionalstatistik, lifetable, inkar, ...
    std::string source_file;
    std::string source_sha256;
    std::string title;
    std::string licence;
    std::string attribution;
    std::optional<std::string> data_date; // the data's reference date, ISO 8601
    std::string imported_at;
    std::string tool_version;
    nlohmann::json summary = nlohmann::json::object();
};

// Fills source_file and source_sha256 from a file on disk.
void describe_source(ImportRecord& record, const std::filesystem::path& file);

std::int64_t insert_import(Database& db, ImportRecord record);
std::vector<ImportRecord> read_imports(Database& db);

std::string sha256_hex(const std::filesystem::path& file);

} // namespace lw::store
