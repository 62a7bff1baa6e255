#include "import/stats/import_stats.hpp"

#include "core/error.hpp"
#include "import/stats/age_groups_csv.hpp"
#include "import/stats/detail/provenance.hpp"
#include "import/stats/detail/stats_report.hpp"
#include "import/stats/detect.hpp"
#include "import/stats/genesis_population.hpp"
#include "import/stats/gv100ad.hpp"
#include "import/stats/gvisys.hpp"
#include "import/stats/inkar.hpp"
#include "import/stats/life_table.hpp"
#include "store/imports.hpp"
#include "store/sqlite.hpp"

#include <fmt/format.h>

namespace lw::import {

ParsedStats parse_stats(const StatsConfig& config) {
    const StatsFormat format =
        config.format == StatsFormat::detect ? detect_stats_format(config.input) : config.format;
    std::optional<ReferenceDate> date;
    if (config.reference_date) {
        date = parse_reference_date(*config.reference_date);
        if (!date) {
            throw Error(
                ErrorKind::usage,
                fmt::format("--reference-date \"{}\" is not a date; write 2019-12-31 or 31.12.2019",
                            *config.reference_date),
                {config.input.string(), 0, 0, *config.reference_date});
        }
    }
    if (needs_reference_date(format) && !date) {
        throw Error(
            ErrorKind::usage,
            fmt::format("{} files do not state the day their population refers to; pass it with "
                        "--reference-date, e.g. 2019-12-31 or 31.12.2019",
                        to_string(format)),
            {config.input.string(), 0, 0, std::nullopt});
    }
    ParsedStats parsed;
    switch (format) {
    case StatsFormat::gv100ad:
        parsed = parse_gv100ad(config.input, *date);
        break;
    case StatsFormat::gvisys:
        parsed = parse_gvisys(config.input, *date);
        break;
    case StatsFormat::age_groups_csv:
        parsed = parse_age_groups_csv(config.input, *date);
        break;
    case StatsFormat::genesis_population:
        parsed = parse_genesis_population(config.input, date);
        break;
    case StatsFormat::life_table:
        parsed = parse_life_table(config.input);
        break;
    case StatsFormat::inkar:
        parsed = parse_inkar(config.input);
        break;
    case StatsFormat::detect:
        break;
    }
    if (date && (format == StatsFormat::life_table || format == StatsFormat::inkar)) {
        parsed.notes.push_back(
            fmt::format("--reference-date is ignored for {} files", to_string(format)));
    }
    return parsed;
}

ImportReport import_stats(store::Workspace& workspace, const StatsConfig& config) {
    const ParsedStats parsed = parse_stats(config);
    ParsedStats kept = parsed;
    keep_region(kept, workspace.region());
    collect_reference_dates(kept);

    store::ImportRecord record;
    record.kind = std::string(import_kind(parsed.format));
    record.title = detail::import_title(kept);
    record.licence = std::string(detail::stats_licence);
    record.attribution = detail::attribution(kept);
    if (!kept.reference_dates.empty()) {
        record.data_date = kept.reference_dates.back();
    }
    store::describe_source(record, config.input);
    ImportReport report = detail::stats_report(parsed, kept, config.input, workspace.region());
    record.summary = report.summary;

    store::Database& db = workspace.db();
    store::Transaction transaction(db);
    const std::int64_t import_id = store::insert_import(db, record);
    if (!kept.population.empty()) {
        store::upsert_population(db, kept.population, import_id);
    }
    if (!kept.directory.empty()) {
        store::upsert_municipality_directory(db, "", kept.directory, import_id);
    }
    if (!kept.life_table.empty()) {
        store::upsert_life_table(db, kept.life_table, import_id);
    }
    if (!kept.reference_values.empty()) {
        store::upsert_reference_values(db, kept.reference_values, import_id);
    }
    transaction.commit();
    report.summary["import_id"] = import_id;
    return report;
}

} // namespace lw::import
