#pragma once
// A region workspace: one GeoPackage file that holds everything lebenswert knows about a region.
// Open it, start one Transaction per write, call the table functions (features.hpp,
// statistics.hpp, imports.hpp), commit.

#include "store/sqlite.hpp"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace lw::store {

// Which part of Germany the workspace covers: official keys (AGS) of districts or municipalities,
// or their prefixes. Importers keep rows inside the region and the upper levels it lies in.
struct RegionSpec {
    std::string name;
    std::vector<std::string> keys;

    bool contains(std::string_view ags) const;      // ags lies inside one of the keys
    bool is_parent_of(std::string_view key) const;  // key is Germany, a Land or district above a key
};

class Workspace {
public:
    // Creates a new workspace atomically (written beside the target, then renamed). Fails if the
    // file exists.
    static Workspace create(const std::filesystem::path& path, const RegionSpec& region);
    // Opens an existing workspace; read_write upgrades an older schema in one transaction.
    static Workspace open(const std::filesystem::path& path, OpenMode mode = OpenMode::read_write);

    Database& db() { return m_db; }
    const RegionSpec& region() const { return m_region; }
    const std::filesystem::path& path() const { return m_db.path(); }

private:
    Workspace(Database db, RegionSpec region) : m_db(std::move(db)), m_region(std::move(region)) {}
    Database m_db;
    RegionSpec m_region;
};

std::string now_utc_iso8601();

} // namespace lw::store
