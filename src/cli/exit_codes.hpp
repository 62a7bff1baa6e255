#pragma once
// The one table mapping error kinds to process exit codes (docs/cli.md lists it).

#include "core/error.hpp"

namespace lw::cli {

inline constexpr int exit_ok = 0;

int exit_code(ErrorKind kind);

} // namespace lw::cli
