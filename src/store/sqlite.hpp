#pragma once
// A thin RAII layer over the SQLite C API: connection, prepared statement, transaction.
// Failures throw lw::Error(workspace or io) carrying SQLite's message.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace lw::store {

enum class OpenMode { read_only, read_write, create };

class Database {
public:
    Database(const std::filesystem::path& path, OpenMode mode);
    ~Database();
    Database(Database&& other) noexcept;
    Database& operator=(Database&& other) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    void exec(std::string_view sql);
    std::int64_t last_insert_rowid() const;
    std::int64_t changes() const; // rows changed by the last statement
    sqlite3* handle() const { return m_db; }
    const std::filesystem::path& path() const { return m_path; }
    bool read_only() const { return m_read_only; }

    // Single-value helpers for metadata queries.
    std::optional<std::int64_t> query_int(std::string_view sql);
    std::optional<std::string> query_text(std::string_view sql);
    bool table_exists(std::string_view name);

private:
    void configure();

    sqlite3* m_db = nullptr;
    std::filesystem::path m_path;
    bool m_read_only = false;
};

class Statement {
public:
    Statement(Database& db, std::string_view sql);
    ~Statement();
    Statement(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    Statement& operator=(Statement&&) = delete;

    // Binding is 1-based as in SQLite. Empty optionals bind NULL.
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view value);
    Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
    Statement& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
    Statement& bind(int index, std::span<const std::uint8_t> blob);
    Statement& bind(int index, const std::vector<std::uint8_t>& blob) {
        return bind(index, std::span<const std::uint8_t>(blob));
    }
    Statement& bind_null(int index);
    template <typename T> Statement& bind(int index, const std::optional<T>& value) {
        return value ? bind(index, *value) : bind_null(index);
    }

    // Steps once: true if a row is available.
    bool step();
    // Steps a statement that returns no rows, then resets it for the next bind.
    void run();
    void reset();

    int column_count() const;
    std::string column_name(int column) const;
    bool is_null(int column) const;
    std::int64_t get_int(int column) const;
    double get_double(int column) const;
    std::string get_text(int column) const;
    std::optional<std::int64_t> get_opt_int(int column) const;
    std::optional<double> get_opt_double(int column) const;
    std::optional<std::string> get_opt_text(int column) const;
    std::span<const std::uint8_t> get_blob(int column) const;

private:
    sqlite3_stmt* m_stmt = nullptr;
    Database* m_db = nullptr;
};

// BEGIN IMMEDIATE on construction; rolls back unless commit() was called. A workspace write is
// exactly one Transaction, so a killed process leaves the previous state.
class Transaction {
public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    void commit();

private:
    Database* m_db;
    bool m_done = false;
};

} // namespace lw::store
