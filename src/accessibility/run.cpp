#include "accessibility/run.hpp"

#include "accessibility/aggregate.hpp"
#include "accessibility/inputs.hpp"
#include "accessibility/network.hpp"
#include "core/error.hpp"
#include "geo/crs.hpp"
#include "geo/gpkg_blob.hpp"
#include "store/gpkg.hpp"
#include "store/statistics.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cmath>
#include <limits>

namespace lw::accessibility {

AirlineSummary airline_summary(const std::vector<geo::Point>& origins, const std::vector<std::int64_t>& population,
                               const std::vector<geo::Point>& facilities) {
    AirlineSummary s;
    if (facilities.empty()) {
        return s;
    }
    double weighted = 0.0, within = 0.0;
    for (std::size_t o = 0; o < origins.size(); ++o) {
        double best = std::numeric_limits<double>::max();
        for (const auto& f : facilities) {
            best = std::min(best, std::hypot(f.x - origins[o].x, f.y - origins[o].y));
        }
        weighted += best * static_cast<double>(population[o]);
        within += best <= 1000.0 ? static_cast<double>(population[o]) : 0.0;
        s.persons += population[o];
    }
    if (s.persons > 0) {
        s.mean_m = weighted / static_cast<double>(s.persons);
        s.share_1km = within / static_cast<double>(s.persons);
    }
    return s;
}

namespace {

std::optional<double> minutes_of(std::uint32_t seconds) {
    return seconds == graph::inf_time ? std::nullopt : std::optional(static_cast<double>(seconds) / 60.0);
}

std::vector<std::uint32_t> members_of(const Destinations& d, const CategorySet& set) {
    std::vector<std::uint32_t> members;
    for (std::uint32_t i = 0; i < d.size(); ++i) {
        if (set.contains(d.category[i])) {
            members.push_back(i);
        }
    }
    return members;
}

nlohmann::json config_json(const std::string& profile, const AccessConfig& c) {
    nlohmann::json sets = nlohmann::json::object();
    for (const auto& s : c.sets) {
        sets[s.name] = s.members;
    }
    nlohmann::json decay = nlohmann::json::array();
    for (const auto& d : c.decay) {
        decay.push_back({{"up_to_minutes", d.up_to_minutes}, {"weight", d.weight}});
    }
    return {{"profile", profile}, {"sets", sets}, {"thresholds_min", c.thresholds_min},
            {"max_snap_m", c.max_snap_m}, {"decay", decay}};
}

// INKAR's reference indicators for the sets it covers (area = the district of the region).
const std::vector<std::pair<std::string, std::string>>& inkar_indicators() {
    static const std::vector<std::pair<std::string, std::string>> list{
        {"grocery", "nahversorgung_supermärkte"},
        {"pharmacy", "nahversorgung_apotheken"},
        {"primary_school", "nahversorgung_grundschulen"},
    };
    return list;
}

} // namespace

Report run_access(store::Workspace& workspace, const AccessConfig& config) {
    auto& db = workspace.db();
    const auto start = std::chrono::steady_clock::now();
    const store::Network network = store::read_network(db);
    if (network.edges.empty()) {
        throw Error(ErrorKind::workspace, "the workspace has no road network; run `lebenswert import osm` first");
    }
    const Origins origins = read_origins(db);
    const Destinations destinations = read_destinations(db);

    Report report;
    report.title = "Accessibility computed";
    report.summary = nlohmann::json::object();

    struct ProfileOutput {
        std::string profile;
        nlohmann::json config, summary;
        std::vector<std::tuple<std::string, SetResult>> results;
        std::shared_ptr<const ProfileNetwork> net; // kept to store its graph in the transaction
        std::vector<AreaRow> areas;
        std::vector<CatchmentRow> flows;
        SnappedPoints origin_snaps;
    };
    std::vector<ProfileOutput> outputs;

    for (const auto& profile_name : config.profiles) {
        const graph::Profile* profile = graph::find_profile(profile_name);
        if (profile == nullptr) {
            throw Error(ErrorKind::usage, fmt::format("unknown profile \"{}\" (walk, walk_senior, bike, car)", profile_name));
        }
        auto net_ptr = open_profile_network(db, network, *profile, !config.rebuild);
        const ProfileNetwork& net = *net_ptr;
        ProfileOutput out;
        out.profile = profile_name;
        out.origin_snaps = snap_points(net, origins.position, PointRole::origin, config.max_snap_m);
        const auto dest_snaps = snap_points(net, destinations.position, PointRole::destination, config.max_snap_m);
        MeasureEngine engine(net, out.origin_snaps, dest_snaps);

        std::int64_t persons = 0, unsnapped_persons = 0;
        std::size_t unsnapped = 0;
        for (std::size_t o = 0; o < origins.size(); ++o) {
            persons += origins.population[o];
            if (!out.origin_snaps.snapped(o)) {
                ++unsnapped;
                unsnapped_persons += origins.population[o];
            }
        }
        std::size_t facilities_unsnapped = 0;
        for (std::size_t d = 0; d < destinations.size(); ++d) {
            facilities_unsnapped += dest_snaps.snapped(d) ? 0 : 1;
        }
        report.add(fmt::format("{}: network", profile_name),
                   fmt::format("{} nodes, {} arcs{}", group_thousands(static_cast<long long>(net.graph().node_count())),
                               group_thousands(static_cast<long long>(net.graph().forward.arc_count())),
                               net.loaded() ? " (stored graph)"
                                            : fmt::format(" ({} nodes outside the largest connected part left out)",
                                                          group_thousands(static_cast<long long>(net.stats().dropped_nodes)))));
        report.add(fmt::format("{}: origins", profile_name),
                   fmt::format("{} with {} persons; not on the network (> {:g} m away): {} origins, {} persons",
                               group_thousands(static_cast<long long>(origins.size())), group_thousands(persons),
                               config.max_snap_m, group_thousands(static_cast<long long>(unsnapped)),
                               group_thousands(unsnapped_persons)));
        report.add(fmt::format("{}: facilities", profile_name),
                   fmt::format("{} open, {} not on the network", destinations.size(), facilities_unsnapped));
        out.summary = {{"graph_nodes", net.graph().node_count()},
                       {"graph_arcs", net.graph().forward.arc_count()},
                       {"dropped_nodes", net.stats().dropped_nodes},
                       {"origins", origins.size()},
                       {"persons", persons},
                       {"unsnapped_origins", unsnapped},
                       {"unsnapped_persons", unsnapped_persons},
                       {"unsnapped_facilities", facilities_unsnapped},
                       {"sets", nlohmann::json::object()}};

        std::vector<std::vector<std::uint32_t>> all_members;
        for (const auto& set : config.sets) {
            all_members.push_back(members_of(destinations, set));
        }
        // Nearest facility of every set: with a contraction hierarchy, one PHAST sweep for up to 16.
        const auto all_labels = engine.nearest_labels(all_members);
        for (std::size_t s = 0; s < config.sets.size(); ++s) {
            const auto& set = config.sets[s];
            const auto& members = all_members[s];
            SetResult result = engine.compute(members, origins.population, destinations.capacity, config.decay, &all_labels[s]);
            auto areas = aggregate(origins, out.origin_snaps, set.name, result, config.thresholds_min);
            std::int64_t unreachable = 0;
            for (std::size_t o = 0; o < origins.size(); ++o) {
                if (out.origin_snaps.snapped(o) && result.seconds[o] == graph::inf_time) {
                    unreachable += origins.population[o];
                }
            }
            std::string line;
            nlohmann::json shares = nlohmann::json::object();
            for (const auto& row : areas) {
                if (row.level == "region") {
                    line += fmt::format("{} min {:.0f} %  ", row.threshold_min, row.share().value_or(0.0) * 100.0);
                    shares[std::to_string(row.threshold_min)] = row.share().value_or(0.0);
                    if (row.threshold_min == config.thresholds_min.back() && row.mean_minutes) {
                        line += fmt::format("| mean {:.1f} min", *row.mean_minutes);
                    }
                }
            }
            if (unreachable > 0) {
                line += fmt::format(" | {} persons reach none", group_thousands(unreachable));
            }
            report.add(fmt::format("{}: {} ({} open)", profile_name, set.name, members.size()), line);
            out.summary["sets"][set.name] = {{"facilities", members.size()}, {"share_within", shares},
                                             {"unreachable_persons", unreachable}};
            auto flows = catchments(origins, destinations, set.name, result);
            out.areas.insert(out.areas.end(), areas.begin(), areas.end());
            out.flows.insert(out.flows.end(), flows.begin(), flows.end());
            out.results.emplace_back(set.name, std::move(result));
        }
        out.config = config_json(profile_name, config);
        out.net = std::shared_ptr<const ProfileNetwork>(net_ptr.release());
        outputs.push_back(std::move(out));
    }

    // INKAR comparison (airline distance, as INKAR defines it) for the origins on the network of the
    // first profile (the others lie outside the OSM data, where facilities are not mapped either).
    std::vector<geo::Point> covered_points;
    std::vector<std::int64_t> covered_population;
    for (std::size_t o = 0; o < origins.size(); ++o) {
        if (!outputs.empty() && outputs.front().origin_snaps.snapped(o)) {
            covered_points.push_back(origins.position[o]);
            covered_population.push_back(origins.population[o]);
        }
    }
    for (const auto& [set_name, indicator] : inkar_indicators()) {
        const CategorySet set = parse_category_set(set_name);
        std::vector<geo::Point> points;
        for (const auto i : members_of(destinations, set)) {
            points.push_back(destinations.position[i]);
        }
        if (points.empty() || covered_points.empty()) {
            continue;
        }
        const auto airline = airline_summary(covered_points, covered_population, points);
        std::optional<double> reference_mean, reference_share;
        std::string district;
        for (const auto& key : workspace.region().keys) {
            district = key.substr(0, std::min<std::size_t>(5, key.size()));
            for (const auto& v : store::read_reference_values(db, district)) {
                if (v.value.value && v.indicator == indicator + "_durchschnittsdistanz") {
                    reference_mean = v.value.value;
                }
                if (v.value.value && v.indicator == indicator + "_anteil_der_bev__1km_radius") {
                    reference_share = v.value.value;
                }
            }
            if (reference_mean) {
                break;
            }
        }
        report.add(fmt::format("airline to {}", set_name),
                   fmt::format("mean {:.0f} m, {:.0f} % within 1 km{}", airline.mean_m, airline.share_1km * 100.0,
                               reference_mean ? fmt::format("  (INKAR 2017, district {}: {:.0f} m, {:.0f} %)", district,
                                                            *reference_mean, reference_share.value_or(0.0))
                                              : ""));
        report.summary["airline"][set_name] = {{"mean_m", airline.mean_m}, {"share_1km", airline.share_1km},
                                               {"persons", airline.persons}};
        if (reference_mean) {
            report.summary["airline"][set_name]["inkar_mean_m"] = *reference_mean;
            report.summary["airline"][set_name]["inkar_share_1km"] = reference_share.value_or(0.0) / 100.0;
        }
    }

    // One transaction for all profiles.
    store::Transaction tx(db);
    const std::string now = store::now_utc_iso8601();
    for (const auto& out : outputs) {
        save_if_built(db, *out.net);
        store::Statement drop(db, "DELETE FROM access_runs WHERE profile = ? AND scenario_id IS NULL");
        drop.bind(1, out.profile);
        drop.run();
        store::Statement run(db, "INSERT INTO access_runs (created_at, scenario_id, profile, config, summary) "
                                 "VALUES (?, NULL, ?, ?, ?)");
        run.bind(1, now).bind(2, out.profile).bind(3, out.config.dump()).bind(4, out.summary.dump());
        run.run();
        const auto run_id = db.last_insert_rowid();
        report.summary[out.profile] = out.summary;
        report.summary[out.profile]["run_id"] = run_id;

        store::Statement origin(db, R"sql(
INSERT INTO access_origins (geom, run_id, origin_type, origin_ref, ags, cell_id, category, population,
  snapped, minutes, nearest_fid, n_5, n_10, n_15, n_20, n_30, supply_ratio)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17))sql");
        for (const auto& [set_name, result] : out.results) {
            for (std::size_t o = 0; o < origins.size(); ++o) {
                const bool snapped = out.origin_snaps.snapped(o);
                origin.bind(1, geo::encode_gpkg(origins.position[o], geo::epsg_utm32)).bind(2, run_id);
                origin.bind(3, origins.type[o] == OriginType::building ? "building" : "cell").bind(4, origins.ref[o]);
                origin.bind(5, origins.ags[o]).bind(6, origins.cell_id[o]).bind(7, set_name);
                origin.bind(8, origins.population[o]).bind(9, snapped ? 1 : 0).bind(10, minutes_of(result.seconds[o]));
                if (result.nearest[o] >= 0) {
                    origin.bind(11, destinations.fid[static_cast<std::size_t>(result.nearest[o])]);
                }
                for (std::size_t t = 0; t < count_minutes.size(); ++t) {
                    if (snapped) {
                        origin.bind(12 + static_cast<int>(t), static_cast<std::int64_t>(result.counts[o][t]));
                    }
                }
                if (snapped) {
                    origin.bind(17, result.supply_ratio[o] * 1000.0);
                }
                origin.run();
            }
        }
        store::Statement area(db, R"sql(
INSERT INTO access_areas (run_id, level, area_key, category, threshold_min, residents, assessed, within,
  share, residents_65plus, within_65plus, residents_under18, within_under18, mean_minutes, supply_ratio)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15))sql");
        for (const auto& row : out.areas) {
            area.bind(1, run_id).bind(2, row.level).bind(3, row.area_key).bind(4, row.category);
            area.bind(5, static_cast<std::int64_t>(row.threshold_min)).bind(6, row.residents).bind(7, row.assessed);
            area.bind(8, row.within).bind(9, row.share()).bind(10, row.residents_65plus).bind(11, row.within_65plus);
            area.bind(12, row.residents_under18).bind(13, row.within_under18).bind(14, row.mean_minutes);
            area.bind(15, row.supply_ratio);
            area.run();
        }
        store::Statement flow(db, "INSERT INTO access_catchments (run_id, category, from_ags, to_ags, residents) "
                                  "VALUES (?, ?, ?, ?, ?)");
        for (const auto& f : out.flows) {
            flow.bind(1, run_id).bind(2, f.category).bind(3, f.from_ags).bind(4, f.to_ags).bind(5, f.residents);
            flow.run();
        }
    }
    for (const auto* table : {"access_runs", "access_origins", "access_areas", "access_catchments"}) {
        store::refresh_contents(db, table);
    }
    tx.commit();
    report.add("time", fmt::format("{:.2f} s", std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count()));
    return report;
}

} // namespace lw::accessibility
