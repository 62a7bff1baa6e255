#include "cli/exit_codes.hpp"

#include <array>
#include <utility>

namespace lw::cli {

namespace {

constexpr std::array<std::pair<ErrorKind, int>, 8> table{{
    {ErrorKind::internal, 1},
    {ErrorKind::usage, 2},
    {ErrorKind::not_found, 3},
    {ErrorKind::input_format, 4},
    {ErrorKind::input_value, 5},
    {ErrorKind::workspace, 6},
    {ErrorKind::workspace_version, 7},
    {ErrorKind::io, 8},
}};

} // namespace

int exit_code(ErrorKind kind) {
    for (const auto& [k, code] : table) {
        if (k == kind) {
            return code;
        }
    }
    return 1;
}

} // namespace lw::cli
