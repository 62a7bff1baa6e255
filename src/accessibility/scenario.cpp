#include "accessibility/scenario.hpp"

#include "accessibility/aggregate.hpp"
#include "accessibility/inputs.hpp"
#include "accessibility/network.hpp"
#include "accessibility/whatif.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "geo/crs.hpp"
#include "geo/gpkg_blob.hpp"
#include "store/gpkg.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <chrono>
#include <map>
#include <set>

namespace lw::accessibility {

Opening parse_opening(const std::string& text) {
    const auto at = text.find('@');
    if (at == std::string::npos) {
        throw Error(ErrorKind::usage, fmt::format("--open \"{}\": write CATEGORY@LON,LAT[:CAPACITY], e.g. kita@11.2802,49.5101:75", text));
    }
    Opening o;
    o.category = std::string(trim(text.substr(0, at)));
    if (parse_category_set(o.category).members.size() != 1) {
        throw Error(ErrorKind::usage, fmt::format("--open \"{}\": a new facility has exactly one category", text));
    }
    std::string rest = text.substr(at + 1);
    if (const auto colon = rest.find(':'); colon != std::string::npos) {
        const auto capacity = parse_number(rest.substr(colon + 1), plain_format);
        if (!capacity || *capacity < 0) {
            throw Error(ErrorKind::usage, fmt::format("--open \"{}\": the capacity after ':' must be a number", text));
        }
        o.capacity = capacity;
        rest = rest.substr(0, colon);
    }
    const auto parts = split(rest, ',');
    const auto lon = parse_number(parts.front(), plain_format);
    const auto lat = parse_number(parts.back(), plain_format);
    const bool valid = parts.size() == 2 && lon && lat && std::abs(*lon) <= 180 && std::abs(*lat) <= 90;
    if (!valid) {
        throw Error(ErrorKind::usage, fmt::format("--open \"{}\": the position is longitude,latitude in WGS84 degrees", text));
    }
    o.position = geo::Transformer(geo::epsg_wgs84, geo::epsg_utm32)({lon.value_or(0.0), lat.value_or(0.0)});
    return o;
}

namespace {

std::optional<double> minutes_of(std::uint32_t seconds) {
    return seconds == graph::inf_time ? std::nullopt : std::optional(static_cast<double>(seconds) / 60.0);
}

std::int64_t store_scenario(store::Database& db, const WhatIfConfig& c) {
    if (c.replace) {
        store::Statement drop(db, "DELETE FROM scenarios WHERE name = ?");
        drop.bind(1, c.name);
        drop.run();
    } else {
        store::Statement exists(db, "SELECT 1 FROM scenarios WHERE name = ?");
        exists.bind(1, c.name);
        if (exists.step()) {
            throw Error(ErrorKind::usage, fmt::format("a scenario \"{}\" exists already; use --replace or another name", c.name));
        }
    }
    store::Statement insert(db, "INSERT INTO scenarios (name, description, created_at) VALUES (?, ?, ?)");
    insert.bind(1, c.name).bind(2, c.description).bind(3, store::now_utc_iso8601());
    insert.run();
    const auto id = db.last_insert_rowid();
    store::Statement close(db, "INSERT INTO scenario_closures (scenario_id, facility_fid) VALUES (?, ?)");
    for (const auto fid : c.close) {
        close.bind(1, id).bind(2, fid);
        close.run();
    }
    store::Statement open(db, "INSERT INTO scenario_openings (geom, scenario_id, category, name, capacity) VALUES (?, ?, ?, ?, ?)");
    for (const auto& o : c.open) {
        open.bind(1, geo::encode_gpkg(o.position, geo::epsg_utm32)).bind(2, id).bind(3, o.category).bind(4, o.name);
        open.bind(5, o.capacity);
        open.run();
    }
    return id;
}

// The sets a scenario touches: the given ones, or every default/named set with a changed category.
std::vector<CategorySet> touched_sets(const WhatIfConfig& c, const std::set<std::string>& categories) {
    if (!c.sets.empty()) {
        return c.sets;
    }
    std::vector<CategorySet> candidates = default_category_sets();
    for (const auto& named : named_sets()) {
        candidates.push_back(named);
    }
    std::vector<CategorySet> out;
    std::set<std::string> seen;
    for (const auto& set : candidates) {
        for (const auto& category : categories) {
            if (set.contains(category) && seen.insert(set.name).second) {
                out.push_back(set);
            }
        }
    }
    for (const auto& category : categories) { // a category no default set holds: on its own
        bool held = false;
        for (const auto& set : out) {
            held = held || set.contains(category);
        }
        if (!held) {
            out.push_back({category, {category}});
        }
    }
    return out;
}

} // namespace

Report run_whatif(store::Workspace& workspace, const WhatIfConfig& config) {
    auto& db = workspace.db();
    const auto start = std::chrono::steady_clock::now();
    if (config.name.empty()) {
        throw Error(ErrorKind::usage, "a scenario needs a --name");
    }
    if (config.close.empty() && config.open.empty()) {
        throw Error(ErrorKind::usage, "a scenario needs at least one --close or --open");
    }
    const store::Network network = store::read_network(db);
    if (network.edges.empty()) {
        throw Error(ErrorKind::workspace, "the workspace has no road network; run `lebenswert import osm` first");
    }
    const Origins origins = read_origins(db);
    Destinations destinations = read_destinations(db);
    const std::size_t existing = destinations.size();
    std::set<std::string> categories;
    std::vector<std::uint32_t> closed_index;
    for (const auto fid : config.close) {
        const auto it = std::find(destinations.fid.begin(), destinations.fid.end(), fid);
        if (it == destinations.fid.end()) {
            throw Error(ErrorKind::usage, fmt::format("--close {}: no open facility has this fid (see the facilities layer)", fid));
        }
        const auto index = static_cast<std::uint32_t>(it - destinations.fid.begin());
        closed_index.push_back(index);
        categories.insert(destinations.category[index]);
    }
    for (std::size_t k = 0; k < config.open.size(); ++k) {
        const auto& o = config.open[k];
        destinations.fid.push_back(-1 - static_cast<std::int64_t>(k)); // not in the facilities layer
        destinations.category.push_back(o.category);
        destinations.position.push_back(o.position);
        destinations.capacity.push_back(o.capacity);
        destinations.ags.push_back("");
        categories.insert(o.category);
    }
    const auto sets = touched_sets(config, categories);

    Report report;
    report.title = fmt::format("What-if \"{}\"", config.name);
    for (const auto index : closed_index) {
        report.add("close", fmt::format("fid {} ({})", destinations.fid[index], destinations.category[index]));
    }
    for (const auto& o : config.open) {
        report.add("open", fmt::format("{} at {:.0f}, {:.0f} (EPSG:25832){}", o.category, o.position.x, o.position.y,
                                       o.capacity ? fmt::format(", capacity {:g}", *o.capacity) : ""));
    }

    struct RunOutput {
        std::string profile;
        nlohmann::json summary;
        std::vector<AreaRow> areas;
        std::vector<std::tuple<std::string, std::uint32_t, std::uint32_t, std::uint32_t, std::int32_t, std::int32_t>> effects;
    };
    std::vector<RunOutput> outputs;
    for (const auto& profile_name : config.profiles) {
        const graph::Profile* profile = graph::find_profile(profile_name);
        if (profile == nullptr) {
            throw Error(ErrorKind::usage, fmt::format("unknown profile \"{}\"", profile_name));
        }
        const ProfileNetwork net(network, *profile);
        const auto origin_snaps = snap_points(net, origins.position, PointRole::origin, config.max_snap_m);
        const auto dest_snaps = snap_points(net, destinations.position, PointRole::destination, config.max_snap_m);
        MeasureEngine engine(net, origin_snaps, dest_snaps);
        RunOutput out;
        out.profile = profile_name;
        out.summary = nlohmann::json::object();
        for (const auto& set : sets) {
            std::vector<std::uint32_t> members;
            for (std::uint32_t d = 0; d < existing; ++d) {
                if (set.contains(destinations.category[d])) {
                    members.push_back(d);
                }
            }
            Change change;
            for (const auto index : closed_index) {
                if (set.contains(destinations.category[index])) {
                    change.close.push_back(index);
                }
            }
            for (std::uint32_t k = 0; k < config.open.size(); ++k) {
                if (set.contains(config.open[k].category)) {
                    change.open.push_back(static_cast<std::uint32_t>(existing + k));
                }
            }
            NearestState state = nearest_state(engine, members);
            const std::vector<std::uint32_t> before_seconds = state.seconds;
            const std::vector<std::int32_t> before_nearest = state.nearest;
            SetResult before{before_seconds, before_nearest, {}, std::vector<double>(origins.size(), 0.0)};
            const auto timer = std::chrono::steady_clock::now();
            const auto changed = apply_change(engine, state, change);
            const double update_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - timer).count();
            SetResult after{state.seconds, state.nearest, {}, std::vector<double>(origins.size(), 0.0)};
            auto areas_before = aggregate(origins, origin_snaps, set.name, before, config.thresholds_min);
            auto areas_after = aggregate(origins, origin_snaps, set.name, after, config.thresholds_min);

            // Who loses or gains, by municipality and threshold (persons, 65+, under 18).
            struct Delta {
                std::int64_t lose = 0, gain = 0;
                double lose65 = 0, gain65 = 0, lose18 = 0, gain18 = 0;
            };
            std::map<std::pair<std::string, std::uint32_t>, Delta> deltas;
            for (const auto o : changed) {
                out.effects.emplace_back(set.name, o, before_seconds[o], state.seconds[o], before_nearest[o], state.nearest[o]);
                for (const auto t : config.thresholds_min) {
                    const bool was = before_seconds[o] <= t * 60, is = state.seconds[o] <= t * 60;
                    if (was == is) {
                        continue;
                    }
                    auto& d = deltas[{origins.ags[o].empty() ? "outside" : origins.ags[o], t}];
                    (was ? d.lose : d.gain) += origins.population[o];
                    (was ? d.lose65 : d.gain65) += origins.population_65plus[o];
                    (was ? d.lose18 : d.gain18) += origins.population_under18[o];
                }
            }
            std::string shares;
            for (std::size_t i = 0; i < areas_after.size(); ++i) {
                if (areas_after[i].level == "region") {
                    shares += fmt::format("{} min {:.1f} -> {:.1f} %  ", areas_after[i].threshold_min,
                                          areas_before[i].share().value_or(0) * 100, areas_after[i].share().value_or(0) * 100);
                }
            }
            report.add(fmt::format("{}: {}", profile_name, set.name),
                       fmt::format("{}({} origins change; update {:.2f} ms)", shares, changed.size(), update_ms));
            nlohmann::json set_summary = {{"changed_origins", changed.size()}, {"update_ms", update_ms},
                                          {"municipalities", nlohmann::json::array()}};
            for (const auto& [key, d] : deltas) {
                report.add(fmt::format("  {} within {} min", key.first, key.second),
                           fmt::format("lose {} (65+: {:.0f}, under 18: {:.0f}), gain {} (65+: {:.0f}, under 18: {:.0f})",
                                       d.lose, d.lose65, d.lose18, d.gain, d.gain65, d.gain18));
                set_summary["municipalities"].push_back({{"ags", key.first}, {"threshold_min", key.second},
                                                         {"lose", d.lose}, {"gain", d.gain},
                                                         {"lose_65plus", d.lose65}, {"gain_65plus", d.gain65},
                                                         {"lose_under18", d.lose18}, {"gain_under18", d.gain18}});
            }
            out.summary[set.name] = set_summary;
            out.areas.insert(out.areas.end(), areas_after.begin(), areas_after.end());
        }
        outputs.push_back(std::move(out));
    }

    store::Transaction tx(db);
    const auto scenario_id = store_scenario(db, config);
    for (const auto& out : outputs) {
        store::Statement run(db, "INSERT INTO access_runs (created_at, scenario_id, profile, config, summary) VALUES (?, ?, ?, ?, ?)");
        nlohmann::json cfg = {{"profile", out.profile}, {"thresholds_min", config.thresholds_min}, {"max_snap_m", config.max_snap_m}};
        run.bind(1, store::now_utc_iso8601()).bind(2, scenario_id).bind(3, out.profile).bind(4, cfg.dump()).bind(5, out.summary.dump());
        run.run();
        const auto run_id = db.last_insert_rowid();
        store::Statement effect(db, R"sql(
INSERT INTO scenario_effects (geom, run_id, origin_type, origin_ref, ags, category, population, minutes_before,
  minutes_after, nearest_before, nearest_after) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11))sql");
        for (const auto& [set_name, o, sec_before, sec_after, near_before, near_after] : out.effects) {
            effect.bind(1, geo::encode_gpkg(origins.position[o], geo::epsg_utm32)).bind(2, run_id);
            effect.bind(3, origins.type[o] == OriginType::building ? "building" : "cell").bind(4, origins.ref[o]);
            effect.bind(5, origins.ags[o]).bind(6, set_name).bind(7, origins.population[o]);
            effect.bind(8, minutes_of(sec_before)).bind(9, minutes_of(sec_after));
            if (near_before >= 0) {
                effect.bind(10, destinations.fid[static_cast<std::size_t>(near_before)]);
            }
            if (near_after >= 0) {
                effect.bind(11, destinations.fid[static_cast<std::size_t>(near_after)]);
            }
            effect.run();
        }
        store::Statement area(db, R"sql(
INSERT INTO access_areas (run_id, level, area_key, category, threshold_min, residents, assessed, within,
  share, residents_65plus, within_65plus, residents_under18, within_under18, mean_minutes, supply_ratio)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, NULL))sql");
        for (const auto& row : out.areas) {
            area.bind(1, run_id).bind(2, row.level).bind(3, row.area_key).bind(4, row.category);
            area.bind(5, static_cast<std::int64_t>(row.threshold_min)).bind(6, row.residents).bind(7, row.assessed);
            area.bind(8, row.within).bind(9, row.share()).bind(10, row.residents_65plus).bind(11, row.within_65plus);
            area.bind(12, row.residents_under18).bind(13, row.within_under18).bind(14, row.mean_minutes);
            area.run();
        }
    }
    for (const auto* table : {"scenarios", "scenario_closures", "scenario_openings", "scenario_effects", "access_runs", "access_areas"}) {
        store::refresh_contents(db, table);
    }
    tx.commit();
    report.add("stored", fmt::format("scenario {} (layers scenario_effects, scenario_openings; table access_areas)", scenario_id));
    report.add("time", fmt::format("{:.2f} s", std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count()));
    report.summary = {{"scenario_id", scenario_id}};
    for (const auto& out : outputs) {
        report.summary[out.profile] = out.summary;
    }
    return report;
}

std::vector<ScenarioInfo> list_scenarios(store::Database& db) {
    store::Statement stmt(db, R"sql(
SELECT s.id, s.name, ifnull(s.description, ''), s.created_at,
  (SELECT count(*) FROM scenario_closures c WHERE c.scenario_id = s.id),
  (SELECT count(*) FROM scenario_openings o WHERE o.scenario_id = s.id)
FROM scenarios s ORDER BY s.id)sql");
    std::vector<ScenarioInfo> out;
    while (stmt.step()) {
        out.push_back({stmt.get_int(0), stmt.get_text(1), stmt.get_text(2), stmt.get_text(3),
                       static_cast<std::size_t>(stmt.get_int(4)), static_cast<std::size_t>(stmt.get_int(5))});
    }
    return out;
}

void delete_scenario(store::Database& db, const std::string& name) {
    store::Transaction tx(db);
    store::Statement stmt(db, "DELETE FROM scenarios WHERE name = ?");
    stmt.bind(1, name);
    stmt.run();
    if (db.changes() == 0) {
        throw Error(ErrorKind::usage, fmt::format("there is no scenario \"{}\" (see `lebenswert scenarios list`)", name));
    }
    tx.commit();
}

Report compare_scenarios(store::Database& db, const std::string& a, const std::string& b) {
    // Region shares per profile, set and threshold: the scenario runs and the baseline run.
    const auto shares = [&](const std::optional<std::string>& scenario) {
        store::Statement stmt(db, R"sql(
SELECT r.profile, a.category, a.threshold_min, a.share FROM access_areas a JOIN access_runs r ON r.id = a.run_id
LEFT JOIN scenarios s ON s.id = r.scenario_id
WHERE a.level = 'region' AND ((?1 IS NULL AND r.scenario_id IS NULL) OR s.name = ?1))sql");
        stmt.bind(1, scenario);
        std::map<std::tuple<std::string, std::string, std::int64_t>, std::optional<double>> out;
        while (stmt.step()) {
            out[{stmt.get_text(0), stmt.get_text(1), stmt.get_int(2)}] = stmt.get_opt_double(3);
        }
        return out;
    };
    for (const auto& name : {a, b}) {
        store::Statement exists(db, "SELECT 1 FROM scenarios WHERE name = ?");
        exists.bind(1, name);
        if (!exists.step()) {
            throw Error(ErrorKind::usage, fmt::format("there is no scenario \"{}\"", name));
        }
    }
    const auto base = shares(std::nullopt), first = shares(a), second = shares(b);
    Report report;
    report.title = fmt::format("Residents within reach: baseline, \"{}\", \"{}\" (region)", a, b);
    std::set<std::tuple<std::string, std::string, std::int64_t>> keys;
    for (const auto* m : {&first, &second}) {
        for (const auto& [key, value] : *m) {
            keys.insert(key);
        }
    }
    const auto pct = [](const auto& m, const auto& key) {
        const auto it = m.find(key);
        return it != m.end() && it->second ? fmt::format("{:5.1f} %", *it->second * 100) : std::string("    –  ");
    };
    bool base_missing = false;
    for (const auto& key : keys) {
        report.add(fmt::format("{} {} within {} min", std::get<0>(key), std::get<1>(key), std::get<2>(key)),
                   fmt::format("{}   {}   {}", pct(base, key), pct(first, key), pct(second, key)));
        base_missing = base_missing || !base.contains(key);
    }
    if (base_missing) {
        report.add("note", "– = not computed for that run; for a missing baseline run "
                           "`lebenswert access` with that --profile and --category");
    }
    return report;
}

} // namespace lw::accessibility
