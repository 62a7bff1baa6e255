#pragma once
// One error type for bad input and failed I/O. Programmer errors are asserts; expected outcomes
// (not found, does not snap) are return values. Each boundary (CLI exit code, later HTTP status)
// maps ErrorKind in exactly one table.

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace lw {

enum class ErrorKind {
    usage,             // wrong command-line arguments or options
    not_found,         // an input file or workspace does not exist
    input_format,      // a file is not of the expected kind or its structure is broken
    input_value,       // a single value cannot be parsed or is out of range
    workspace,         // the workspace is damaged, locked, or misses what a command needs
    workspace_version, // the workspace was written by a newer lebenswert
    io,                // reading or writing failed (disk full, permissions)
    internal,          // a library call failed unexpectedly
};

std::string_view to_string(ErrorKind kind);

// Where in an input the problem sits. Line and column are 1-based; 0 means "not applicable".
struct SourceLocation {
    std::string file;
    std::uint64_t line = 0;
    std::uint64_t column = 0;
    std::optional<std::string> value; // the offending text, if there is one
};

class Error : public std::runtime_error {
public:
    Error(ErrorKind kind, std::string message, SourceLocation where = {});

    ErrorKind kind() const noexcept { return m_kind; }
    const SourceLocation& where() const noexcept { return m_where; }
    const std::string& detail() const noexcept { return m_detail; }

private:
    ErrorKind m_kind;
    SourceLocation m_where;
    std::string m_detail; // the message without the location prefix
};

} // namespace lw
