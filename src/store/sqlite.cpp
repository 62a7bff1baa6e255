#include "store/sqlite.hpp"

#include "core/error.hpp"
#include "store/fault.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

namespace lw::store {

namespace {

[[noreturn]] void fail(sqlite3* db, std::string_view what) {
    const int code = db != nullptr ? sqlite3_extended_errcode(db) : SQLITE_ERROR;
    const char* message = db != nullptr ? sqlite3_errmsg(db) : "out of memory";
    const int primary = code & 0xFF;
    const ErrorKind kind = (primary == SQLITE_FULL || primary == SQLITE_IOERR ||
                            primary == SQLITE_PERM || primary == SQLITE_READONLY ||
                            primary == SQLITE_CANTOPEN)
                               ? ErrorKind::io
                               : ErrorKind::workspace;
    throw Error(kind, fmt::format("{}: {}", what, message));
}

} // namespace

Database::Database(const std::filesystem::path& path, OpenMode mode) : m_path(path) {
    int flags = SQLITE_OPEN_NOMUTEX;
    switch (mode) {
    case OpenMode::read_only: flags |= SQLITE_OPEN_READONLY; break;
    case OpenMode::read_write: flags |= SQLITE_OPEN_READWRITE; break;
    case OpenMode::create: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE; break;
    }
    m_read_only = mode == OpenMode::read_only;
    const int rc = sqlite3_open_v2(path.c_str(), &m_db, flags, nullptr);
    if (rc != SQLITE_OK) {
        const std::string message = m_db != nullptr ? sqlite3_errmsg(m_db) : "out of memory";
        sqlite3_close(m_db);
        m_db = nullptr;
        throw Error(ErrorKind::io, fmt::format("cannot open workspace {}: {}", path.string(), message));
    }
    sqlite3_extended_result_codes(m_db, 1);
    // Another process (an import, QGIS) may hold the write lock for a moment.
    sqlite3_busy_timeout(m_db, 5000);
    try {
        configure();
    } catch (...) {
        sqlite3_close_v2(m_db); // the destructor does not run for a failed constructor
        m_db = nullptr;
        throw;
    }
    install_fault_hook(m_db);
}

void Database::configure() {
    exec("PRAGMA foreign_keys = ON");
    // A whole import is one transaction: a page cache large enough for it (up to 256 MiB,
    // allocated as used) keeps SQLite from spilling and rewriting pages before the commit.
    exec("PRAGMA cache_size = -262144");
    // Statement journals (opened for every statement that fires the R-tree triggers) stay in
    // memory instead of a temporary file: 150,000 fewer writes for the Lauf OSM import.
    exec("PRAGMA temp_store = MEMORY");
}

Database::~Database() {
    if (m_db != nullptr) {
        sqlite3_close_v2(m_db);
    }
}

Database::Database(Database&& other) noexcept
    : m_db(other.m_db), m_path(std::move(other.m_path)), m_read_only(other.m_read_only) {
    other.m_db = nullptr;
}

Database& Database::operator=(Database&& other) noexcept {
    if (this != &other) {
        if (m_db != nullptr) {
            sqlite3_close_v2(m_db);
        }
        m_db = other.m_db;
        m_path = std::move(other.m_path);
        m_read_only = other.m_read_only;
        other.m_db = nullptr;
    }
    return *this;
}

void Database::exec(std::string_view sql) {
    char* message = nullptr;
    const std::string text(sql);
    if (sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
        const std::string detail = message != nullptr ? message : "unknown error";
        sqlite3_free(message);
        const int primary = sqlite3_extended_errcode(m_db) & 0xFF;
        throw Error(primary == SQLITE_FULL || primary == SQLITE_IOERR || primary == SQLITE_READONLY
                        ? ErrorKind::io
                        : ErrorKind::workspace,
                    fmt::format("SQL failed: {} ({})", detail, text.substr(0, 80)));
    }
}

std::int64_t Database::last_insert_rowid() const { return sqlite3_last_insert_rowid(m_db); }

std::int64_t Database::changes() const { return sqlite3_changes64(m_db); }

std::optional<std::int64_t> Database::query_int(std::string_view sql) {
    Statement stmt(*this, sql);
    if (!stmt.step() || stmt.is_null(0)) {
        return std::nullopt;
    }
    return stmt.get_int(0);
}

std::optional<std::string> Database::query_text(std::string_view sql) {
    Statement stmt(*this, sql);
    if (!stmt.step() || stmt.is_null(0)) {
        return std::nullopt;
    }
    return stmt.get_text(0);
}

bool Database::table_exists(std::string_view name) {
    Statement stmt(*this, "SELECT 1 FROM sqlite_master WHERE type IN ('table','view') AND name = ?");
    stmt.bind(1, name);
    return stmt.step();
}

Statement::Statement(Database& db, std::string_view sql) : m_db(&db) {
    if (sqlite3_prepare_v2(db.handle(), sql.data(), static_cast<int>(sql.size()), &m_stmt,
                           nullptr) != SQLITE_OK) {
        fail(db.handle(), fmt::format("cannot prepare \"{}\"", sql.substr(0, 80)));
    }
}

Statement::~Statement() {
    if (m_stmt != nullptr) {
        sqlite3_finalize(m_stmt);
    }
}

Statement::Statement(Statement&& other) noexcept : m_stmt(other.m_stmt), m_db(other.m_db) {
    other.m_stmt = nullptr;
}

Statement& Statement::bind(int index, std::int64_t value) {
    if (sqlite3_bind_int64(m_stmt, index, value) != SQLITE_OK) {
        fail(m_db->handle(), "bind");
    }
    return *this;
}

Statement& Statement::bind(int index, double value) {
    if (sqlite3_bind_double(m_stmt, index, value) != SQLITE_OK) {
        fail(m_db->handle(), "bind");
    }
    return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
    if (sqlite3_bind_text(m_stmt, index, value.data(), static_cast<int>(value.size()),
                          SQLITE_TRANSIENT) != SQLITE_OK) {
        fail(m_db->handle(), "bind");
    }
    return *this;
}

Statement& Statement::bind(int index, std::span<const std::uint8_t> blob) {
    if (sqlite3_bind_blob64(m_stmt, index, blob.data(), blob.size(), SQLITE_TRANSIENT) != SQLITE_OK) {
        fail(m_db->handle(), "bind");
    }
    return *this;
}

Statement& Statement::bind_null(int index) {
    if (sqlite3_bind_null(m_stmt, index) != SQLITE_OK) {
        fail(m_db->handle(), "bind");
    }
    return *this;
}

bool Statement::step() {
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) {
        return true;
    }
    if (rc == SQLITE_DONE) {
        return false;
    }
    fail(m_db->handle(), fmt::format("statement \"{}\" failed",
                                     std::string_view(sqlite3_sql(m_stmt)).substr(0, 80)));
}

void Statement::run() {
    step();
    reset();
}

void Statement::reset() {
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

int Statement::column_count() const { return sqlite3_column_count(m_stmt); }

std::string Statement::column_name(int column) const {
    const char* name = sqlite3_column_name(m_stmt, column);
    return name != nullptr ? name : "";
}

bool Statement::is_null(int column) const {
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

std::int64_t Statement::get_int(int column) const { return sqlite3_column_int64(m_stmt, column); }

double Statement::get_double(int column) const { return sqlite3_column_double(m_stmt, column); }

std::string Statement::get_text(int column) const {
    const auto* text = sqlite3_column_text(m_stmt, column);
    const int size = sqlite3_column_bytes(m_stmt, column);
    return text != nullptr ? std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(size))
                           : std::string();
}

std::optional<std::int64_t> Statement::get_opt_int(int column) const {
    return is_null(column) ? std::nullopt : std::optional(get_int(column));
}

std::optional<double> Statement::get_opt_double(int column) const {
    return is_null(column) ? std::nullopt : std::optional(get_double(column));
}

std::optional<std::string> Statement::get_opt_text(int column) const {
    return is_null(column) ? std::nullopt : std::optional(get_text(column));
}

std::span<const std::uint8_t> Statement::get_blob(int column) const {
    const void* data = sqlite3_column_blob(m_stmt, column);
    const int size = sqlite3_column_bytes(m_stmt, column);
    return {static_cast<const std::uint8_t*>(data), static_cast<std::size_t>(size)};
}

Transaction::Transaction(Database& db) : m_db(&db) { db.exec("BEGIN IMMEDIATE"); }

Transaction::~Transaction() {
    if (!m_done) {
        sqlite3_exec(m_db->handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    }
}

void Transaction::commit() {
    fault_point("before-commit");
    m_db->exec("COMMIT");
    m_done = true;
}

} // namespace lw::store
