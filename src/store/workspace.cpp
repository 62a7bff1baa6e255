#include "store/workspace.hpp"

#include "core/area_key.hpp"
#include "core/error.hpp"
#include "store/gpkg.hpp"
#include "store/schema.hpp"

#include <fmt/chrono.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include <chrono>
#include <ctime>

namespace lw::store {

namespace fs = std::filesystem;

bool RegionSpec::contains(std::string_view ags) const {
    for (const auto& key : keys) {
        if (key_within(ags, key)) {
            return true;
        }
    }
    return false;
}

bool RegionSpec::is_parent_of(std::string_view key) const {
    if (key == "DG") {
        return true;
    }
    for (const auto& k : keys) {
        if (key.size() < k.size() && key_within(k, key)) {
            return true;
        }
    }
    return false;
}

std::string now_utc_iso8601() {
    const auto now = std::chrono::system_clock::now();
    return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", fmt::gmtime(std::chrono::system_clock::to_time_t(now)));
}

namespace {

void write_meta(Database& db, std::string_view key, std::string_view value) {
    Statement stmt(db, "INSERT OR REPLACE INTO lw_meta (key, value) VALUES (?, ?)");
    stmt.bind(1, key).bind(2, value);
    stmt.run();
}

RegionSpec read_region(Database& db) {
    const auto text = db.query_text("SELECT value FROM lw_meta WHERE key = 'region'");
    if (!text) {
        throw Error(ErrorKind::workspace,
                    fmt::format("{} has no region definition", db.path().string()));
    }
    const auto json = nlohmann::json::parse(*text);
    return {json.at("name").get<std::string>(), json.at("keys").get<std::vector<std::string>>()};
}

} // namespace

Workspace Workspace::create(const fs::path& path, const RegionSpec& region) {
    if (fs::exists(path)) {
        throw Error(ErrorKind::usage,
                    fmt::format("{} exists already; choose another path or remove it", path.string()));
    }
    if (region.keys.empty()) {
        throw Error(ErrorKind::usage, "a region needs at least one official key (AGS)");
    }
    for (const auto& key : region.keys) {
        const auto level = area_level_of(key);
        if (!level || *level == AreaLevel::country) {
            throw Error(ErrorKind::usage,
                        fmt::format("\"{}\" is not an official key of a Land, district or "
                                    "municipality (2, 3, 5 or 8 digits)",
                                    key));
        }
    }
    if (path.has_parent_path()) {
        fs::create_directories(path.parent_path());
    }
    const fs::path temp = path.string() + fmt::format(".creating-{}", ::getpid());
    fs::remove(temp);
    {
        Database db(temp, OpenMode::create);
        register_spatial_functions(db);
        Transaction tx(db);
        migrate(db);
        write_meta(db, "region", nlohmann::json{{"name", region.name}, {"keys", region.keys}}.dump());
        write_meta(db, "created_at", now_utc_iso8601());
        tx.commit();
    }
    fs::rename(temp, path);
    return open(path);
}

Workspace Workspace::open(const fs::path& path, OpenMode mode) {
    if (!fs::exists(path)) {
        throw Error(ErrorKind::not_found,
                    fmt::format("workspace {} does not exist; create it with `lebenswert init`",
                                path.string()));
    }
    Database db(path, mode == OpenMode::create ? OpenMode::read_write : mode);
    const auto app_id = db.query_int("PRAGMA application_id");
    if (!app_id || *app_id != gpkg_application_id || !db.table_exists("lw_meta")) {
        throw Error(ErrorKind::workspace,
                    fmt::format("{} is not a lebenswert workspace (a GeoPackage made by "
                                "`lebenswert init`)",
                                path.string()));
    }
    register_spatial_functions(db);
    if (!db.read_only() && schema_version(db) < current_schema_version()) {
        Transaction tx(db);
        migrate(db);
        tx.commit();
    } else if (schema_version(db) > current_schema_version()) {
        migrate(db); // throws workspace_version
    }
    RegionSpec region = read_region(db);
    return Workspace(std::move(db), std::move(region));
}

} // namespace lw::store
