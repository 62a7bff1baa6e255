#pragma once
// Fault injection for the crash tests: with LW_FAULT set, the process kills itself (SIGKILL, no
// clean-up, exactly like `kill -9`) at a named point. Never set in normal use.
//   LW_FAULT=kill-before-commit   just before COMMIT of a workspace write
//   LW_FAULT=kill-after-rows:N    after the Nth row written in this process

struct sqlite3;

namespace lw::store {

void fault_point(const char* name);
void install_fault_hook(sqlite3* db);

} // namespace lw::store
