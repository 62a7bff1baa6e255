#pragma once
// The workspace schema and its migrations. Each migration moves the schema up by one version
// inside the caller's transaction; a workspace written by a newer lebenswert is refused.

#include "store/sqlite.hpp"

namespace lw::store {

// The schema version this build writes (the number of migrations).
int current_schema_version();

// The schema version recorded in a workspace (0 = not a lebenswert workspace).
int schema_version(Database& db);

// Applies every migration above the workspace's version. Throws workspace_version if the
// workspace is newer than this build. Returns the number of migrations applied.
int migrate(Database& db);

} // namespace lw::store
