#include "outlook/projection_results.hpp"

#include "core/error.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <set>

namespace lw::outlook {

namespace {

StoredScenario find(store::Database& db, const std::string& name) {
    for (auto& s : list_projections(db)) {
        if (s.name == name) {
            return s;
        }
    }
    throw Error(ErrorKind::usage, fmt::format("there is no projection \"{}\" (see `lebenswert project list`)", name));
}

// "12,345 (12,001–12,690)": the median with the 80 % interval.
std::string with_interval(double p50, double p10, double p90) {
    return fmt::format("{} ({}–{})", group_thousands(std::llround(p50)), group_thousands(std::llround(p10)),
                       group_thousands(std::llround(p90)));
}

} // namespace

std::vector<StoredScenario> list_projections(store::Database& db) {
    std::vector<StoredScenario> out;
    store::Statement stmt(db, "SELECT id, name, created_at, base_year, last_year, runs FROM projection_scenarios ORDER BY id");
    while (stmt.step()) {
        out.push_back({stmt.get_int(0), stmt.get_text(1), stmt.get_text(2), static_cast<int>(stmt.get_int(3)),
                       static_cast<int>(stmt.get_int(4)), stmt.get_int(5)});
    }
    return out;
}

void delete_projection(store::Database& db, const std::string& name) {
    const auto s = find(db, name);
    store::Transaction tx(db);
    store::Statement del(db, "DELETE FROM projection_scenarios WHERE id = ?");
    del.bind(1, s.id);
    del.run();
    tx.commit();
}

Report projection_summary(store::Database& db, const std::string& name) {
    const auto s = find(db, name);
    Report report;
    report.title = fmt::format("Population projection \"{}\" ({} -> {}, {} Monte-Carlo runs; median and 80 % interval)",
                               s.name, s.base_year, s.last_year, s.runs);
    std::set<int> years{s.base_year};
    for (const int y : {2030, 2040, s.last_year}) {
        if (y > s.base_year && y <= s.last_year) {
            years.insert(y);
        }
    }
    store::Statement q(db, R"sql(
SELECT d.ags, ifnull(m.name, d.ags), d.indicator, d.year, d.p50, d.p10, d.p90 FROM projection_demand d
LEFT JOIN municipalities m ON m.ags = d.ags
WHERE d.scenario_id = ? AND d.indicator IN ('total', 'children_3_5', 'children_6_9')
ORDER BY d.ags, d.indicator = 'total' DESC, d.indicator, d.year)sql");
    q.bind(1, s.id);
    std::string current, line;
    const auto flush = [&] {
        if (!current.empty()) {
            report.add(current, line);
        }
    };
    while (q.step()) {
        if (!years.contains(static_cast<int>(q.get_int(3)))) {
            continue;
        }
        const auto indicator = q.get_text(2);
        const auto label = fmt::format("{} {}", q.get_text(1),
                                       indicator == "total" ? "total" : indicator == "children_3_5" ? "aged 3-5 (Kita)" : "aged 6-9 (primary school)");
        if (label != current) {
            flush();
            current = label;
            line.clear();
        }
        line += fmt::format("{}{}: {}", line.empty() ? "" : "  ", q.get_int(3),
                            with_interval(q.get_double(4), q.get_double(5), q.get_double(6)));
    }
    flush();
    store::Statement a(db, "SELECT assumptions FROM projection_scenarios WHERE id = ?");
    a.bind(1, s.id);
    if (a.step()) {
        for (const auto& line_json : nlohmann::json::parse(a.get_text(0))) {
            report.add("assumption", line_json.get<std::string>());
        }
    }
    store::Statement e(db, "SELECT ags, indicator, capacity, year, probability FROM projection_exceedance WHERE scenario_id = ? ORDER BY ags, indicator, capacity, year");
    e.bind(1, s.id);
    while (e.step()) {
        if (years.contains(static_cast<int>(e.get_int(3)))) {
            report.add(fmt::format("P({} {} > {:g})", e.get_text(0), e.get_text(1), e.get_double(2)),
                       fmt::format("{}: {:.0f} %", e.get_int(3), 100 * e.get_double(4)));
        }
    }
    return report;
}

Report compare_projections(store::Database& db, const std::string& a, const std::string& b) {
    const auto sa = find(db, a);
    const auto sb = find(db, b);
    const int year = std::min(sa.last_year, sb.last_year);
    Report report;
    report.title = fmt::format("\"{}\" and \"{}\" in {} (median and 80 % interval)", a, b, year);
    store::Statement q(db, R"sql(
SELECT x.ags, ifnull(m.name, x.ags), x.indicator, x.p50, x.p10, x.p90, y.p50, y.p10, y.p90
FROM projection_demand x JOIN projection_demand y ON y.ags = x.ags AND y.year = x.year AND y.indicator = x.indicator
LEFT JOIN municipalities m ON m.ags = x.ags
WHERE x.scenario_id = ?1 AND y.scenario_id = ?2 AND x.year = ?3 AND x.indicator IN ('total', 'children_3_5')
ORDER BY x.ags, x.indicator DESC)sql");
    q.bind(1, sa.id).bind(2, sb.id).bind(3, year);
    while (q.step()) {
        report.add(fmt::format("{} {}", q.get_text(1), q.get_text(2) == "total" ? "total" : "aged 3-5"),
                   fmt::format("{}   {}", with_interval(q.get_double(3), q.get_double(4), q.get_double(5)),
                               with_interval(q.get_double(6), q.get_double(7), q.get_double(8))));
    }
    return report;
}

exporting::Table demand_table(store::Database& db, const std::string& name) {
    const auto s = find(db, name);
    exporting::Table t{"Projektion", {"scenario", "ags", "name", "year", "indicator", "deterministic", "p2_5", "p10", "p50", "p90", "p97_5"}, {}};
    store::Statement q(db, R"sql(
SELECT d.ags, ifnull(m.name, ''), d.year, d.indicator, d.deterministic, d.p025, d.p10, d.p50, d.p90, d.p975
FROM projection_demand d LEFT JOIN municipalities m ON m.ags = d.ags WHERE d.scenario_id = ? ORDER BY d.ags, d.indicator, d.year)sql");
    q.bind(1, s.id);
    while (q.step()) {
        std::vector<exporting::Cell> row{s.name, q.get_text(0), q.get_text(1), q.get_int(2), q.get_text(3), q.get_double(4)};
        for (int c = 5; c < 10; ++c) {
            row.push_back(q.is_null(c) ? exporting::Cell{} : exporting::Cell{q.get_double(c)});
        }
        t.rows.push_back(std::move(row));
    }
    return t;
}

} // namespace lw::outlook
