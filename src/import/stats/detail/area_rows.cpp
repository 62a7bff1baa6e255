#include "import/stats/detail/area_rows.hpp"

#include "core/area_key.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace lw::import::detail {

std::string checked_area_row(const CsvFile& csv, const CsvRow& row, const CsvRow& header,
                             std::size_t min_fields, std::size_t key_col, std::set<std::string>& seen) {
    if (row.cells.size() < min_fields || row.cells.size() > header.cells.size()) {
        csv.fail(row, std::min(row.cells.size(), header.cells.size()), ErrorKind::input_format,
                 fmt::format("the row has {} fields; the header has {}", row.cells.size(),
                             header.cells.size()));
    }
    const auto key = normalize_area_key(row.cell(key_col));
    if (!key || !area_level_of(*key)) {
        csv.fail(row, key_col, ErrorKind::input_value, "not an official area key (AGS)");
    }
    if (!seen.insert(*key).second) {
        csv.fail(row, key_col, ErrorKind::input_format, "the area appears twice");
    }
    return *key;
}

} // namespace lw::import::detail
