#include "core/error.hpp"

#include <fmt/format.h>

namespace lw {

std::string_view to_string(ErrorKind kind) {
    switch (kind) {
    case ErrorKind::usage: return "usage";
    case ErrorKind::not_found: return "not_found";
    case ErrorKind::input_format: return "input_format";
    case ErrorKind::input_value: return "input_value";
    case ErrorKind::workspace: return "workspace";
    case ErrorKind::workspace_version: return "workspace_version";
    case ErrorKind::io: return "io";
    case ErrorKind::internal: return "internal";
    }
    return "internal";
}

namespace {

std::string format_message(const std::string& message, const SourceLocation& where) {
    if (where.file.empty()) {
        return message;
    }
    std::string prefix = where.file;
    if (where.line > 0) {
        prefix += fmt::format(":{}", where.line);
        if (where.column > 0) {
            prefix += fmt::format(":{}", where.column);
        }
    }
    std::string text = fmt::format("{}: {}", prefix, message);
    if (where.value) {
        text += fmt::format(" (value: \"{}\")", *where.value);
    }
    return text;
}

} // namespace

Error::Error(ErrorKind kind, std::string message, SourceLocation where)
    : std::runtime_error(format_message(message, where)), m_kind(kind), m_where(std::move(where)),
      m_detail(std::move(message)) {}

} // namespace lw
