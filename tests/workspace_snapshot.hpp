#pragma once
// A fingerprint of everything a workspace holds (every row of every table, blobs included), to
// prove that a failed or killed import left it exactly as it was.

#include "store/sqlite.hpp"

#include <string>

namespace lw::test {

inline std::string snapshot(store::Database& db) {
    std::string out;
    store::Statement tables(db, "SELECT name FROM sqlite_master WHERE type = 'table' "
                                "AND name NOT LIKE 'sqlite_%' ORDER BY name");
    while (tables.step()) {
        const std::string table = tables.get_text(0);
        out += "## " + table + "\n";
        store::Statement rows(db, "SELECT * FROM \"" + table + "\" ORDER BY rowid");
        while (rows.step()) {
            for (int i = 0; i < rows.column_count(); ++i) {
                if (rows.is_null(i)) {
                    out += "<null>|";
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
