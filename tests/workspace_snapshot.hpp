#pragma once
// A fingerprint of everything a workspace holds (every row of every table, blobs included), to
// prove that a failed or killed import left it exactly as it was. Clock readings (columns
// imported_at, last_change, created_at) can be masked to compare two runs of the same import.

#include "store/sqlite.hpp"

#include <string>

namespace lw::test {

inline std::string snapshot(store::Database& db, bool mask_clock = false) {
    std::string out;
    store::Statement tables(db, "SELECT name FROM sqlite_master WHERE type = 'table' "
                                "AND name NOT LIKE 'sqlite_%' ORDER BY name");
    while (tables.step()) {
        const std::string table = tables.get_text(0);
        out += "## " + table + "\n";
        store::Statement rows(db, "SELECT * FROM \"" + table + "\" ORDER BY rowid");
        while (rows.step()) {
            for (int i = 0; i < rows.column_count(); ++i) {
                const std::string column = rows.column_name(i);
                if (rows.is_null(i)) {
                    out += "<null>|";
                } else if (mask_clock && (column == "imported_at" || column == "last_change" || column == "created_at")) {
                    out += "<time>|";
                } else {
                    const auto bytes = rows.get_blob(i);
                    out.append(reinterpret_cast<const char*>(bytes.data()), bytes.size());
                    out += "|";
                }
            }
            out += "\n";
        }
    }
    return out;
}

} // namespace lw::test
