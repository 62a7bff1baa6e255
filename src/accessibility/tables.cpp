#include "accessibility/tables.hpp"

#include "core/error.hpp"

#include <fmt/format.h>

namespace lw::accessibility {

namespace {

exporting::Cell opt(const store::Statement& s, int column) {
    if (s.is_null(column)) {
        return std::monostate{};
    }
    return s.get_double(column);
}

} // namespace

exporting::Table access_table(store::Database& db) {
    exporting::Table t;
    t.title = "Erreichbarkeit";
    t.headers = {"profile", "category", "level", "ags", "name", "minutes", "residents", "assessed", "within",
                 "share_percent", "within_65plus", "within_under18", "mean_minutes", "supply_per_1000"};
    store::Statement s(db, R"sql(
SELECT r.profile, a.category, a.level, a.area_key, ifnull(m.name, ''), a.threshold_min, a.residents, a.assessed,
  a.within, a.share * 100.0, a.within_65plus, a.within_under18, a.mean_minutes, a.supply_ratio
FROM access_areas a JOIN access_runs r ON r.id = a.run_id
LEFT JOIN municipalities m ON m.ags = a.area_key
WHERE r.scenario_id IS NULL AND a.level IN ('region', 'municipality')
ORDER BY r.profile, a.category, a.level DESC, a.area_key, a.threshold_min)sql");
    while (s.step()) {
        t.rows.push_back({s.get_text(0), s.get_text(1), s.get_text(2), s.get_text(3), s.get_text(4), s.get_int(5),
                          s.get_int(6), s.get_int(7), s.get_int(8), opt(s, 9), opt(s, 10), opt(s, 11), opt(s, 12),
                          opt(s, 13)});
    }
    if (t.rows.empty()) {
        throw Error(ErrorKind::workspace, "the workspace has no accessibility results yet; run `lebenswert access`");
    }
    return t;
}

exporting::Table scenario_table(store::Database& db, const std::string& scenario) {
    exporting::Table t;
    t.title = "Szenario";
    t.headers = {"scenario", "profile", "category", "level", "ags", "name", "minutes", "within_before", "within_after",
                 "change", "share_before_percent", "share_after_percent", "within_65plus_before", "within_65plus_after"};
    store::Statement s(db, R"sql(
SELECT sc.name, r.profile, a.category, a.level, a.area_key, ifnull(m.name, ''), a.threshold_min,
  b.within, a.within, a.within - b.within, b.share * 100.0, a.share * 100.0, b.within_65plus, a.within_65plus
FROM access_areas a JOIN access_runs r ON r.id = a.run_id JOIN scenarios sc ON sc.id = r.scenario_id
JOIN access_runs br ON br.profile = r.profile AND br.scenario_id IS NULL
JOIN access_areas b ON b.run_id = br.id AND b.level = a.level AND b.area_key = a.area_key
  AND b.category = a.category AND b.threshold_min = a.threshold_min
LEFT JOIN municipalities m ON m.ags = a.area_key
WHERE sc.name = ?1 AND a.level IN ('region', 'municipality')
ORDER BY r.profile, a.category, a.level DESC, a.area_key, a.threshold_min)sql");
    s.bind(1, scenario);
    while (s.step()) {
        t.rows.push_back({s.get_text(0), s.get_text(1), s.get_text(2), s.get_text(3), s.get_text(4), s.get_text(5),
                          s.get_int(6), s.get_int(7), s.get_int(8), s.get_int(9), opt(s, 10), opt(s, 11), opt(s, 12),
                          opt(s, 13)});
    }
    if (t.rows.empty()) {
        throw Error(ErrorKind::workspace,
                    fmt::format("no comparable results for scenario \"{}\": run `lebenswert access` for the same "
                                "profiles and categories first, then the scenario",
                                scenario));
    }
    return t;
}

} // namespace lw::accessibility
