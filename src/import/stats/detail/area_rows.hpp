#pragma once
// Checks shared by the one-row-per-area tables (age groups CSV, INKAR).

#include "import/table/csv.hpp"

#include <set>
#include <string>

namespace lw::import::detail {

// Validates a data row: between `min_fields` and the header's width (a wider row usually holds an
// unquoted decimal comma such as 26,7 that shifts every later value; a narrower one is cut off),
// an official area key in `key_col`, not seen before in the file. Returns the normalised key.
std::string checked_area_row(const CsvFile& csv, const CsvRow& row, const CsvRow& header,
                             std::size_t min_fields, std::size_t key_col, std::set<std::string>& seen);

} // namespace lw::import::detail
