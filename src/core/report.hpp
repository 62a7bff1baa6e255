#pragma once
// What a stage (an import, the distribution) tells its user at the end: a few labelled figures,
// warnings, and the same facts as JSON for the provenance record (lw_imports.summary).

#include <nlohmann/json.hpp>

#include <ostream>
#include <string>
#include <utility>
#include <vector>

namespace lw {

struct Report {
    std::string title;                                       // e.g. "OpenStreetMap import"
    std::vector<std::pair<std::string, std::string>> lines;  // label, value (already formatted)
    std::vector<std::string> warnings;
    nlohmann::json summary = nlohmann::json::object();       // machine-readable counterpart

    void add(std::string label, std::string value) { lines.emplace_back(std::move(label), std::move(value)); }
};

void print_report(const Report& report, std::ostream& out);

// Thousands grouped with commas, matching the English text of the CLI ("100,629").
std::string group_thousands(long long value);

} // namespace lw
