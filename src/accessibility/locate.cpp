#include "accessibility/locate.hpp"

#include "accessibility/inputs.hpp"
#include "accessibility/measures.hpp"
#include "accessibility/network.hpp"
#include "accessibility/whatif.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "geo/crs.hpp"
#include "geo/gpkg_blob.hpp"
#include "import/table/csv.hpp"
#include "location/closure.hpp"
#include "location/exact.hpp"
#include "location/mclp.hpp"
#include "location/pmedian.hpp"
#include "store/gpkg.hpp"

#include <fmt/format.h>

#include <chrono>

namespace lw::accessibility {

namespace {

struct Candidates {
    std::vector<geo::Point> position;
    std::vector<std::string> name;
};

Candidates read_candidates(store::Database& db, const ProfileNetwork& net, const LocateConfig& c) {
    Candidates out;
    switch (c.candidates) {
    case CandidateSource::nodes:
        for (graph::NodeId v = 0; v < net.graph().node_count(); ++v) {
            out.position.push_back(net.graph().position[v]);
            out.name.push_back(fmt::format("node {}", net.graph().network_node[v]));
        }
        break;
    case CandidateSource::cells: {
        const geo::Transformer to_utm(geo::epsg_laea, geo::epsg_utm32);
        for (const auto& cell : store::read_grid_cells(db)) {
            out.position.push_back(to_utm({static_cast<double>(cell.x_ll + 50), static_cast<double>(cell.y_ll + 50)}));
            out.name.push_back(cell.cell_id);
        }
        break;
    }
    case CandidateSource::file: {
        const auto csv = import::CsvFile::read(c.candidate_file);
        const geo::Transformer to_utm(geo::epsg_wgs84, geo::epsg_utm32);
        const auto& rows = csv.rows();
        for (std::size_t r = 1; r < rows.size(); ++r) { // the first row is a header
            if (rows[r].blank()) {
                continue;
            }
            const auto number = [&](std::size_t i) {
                const auto text = rows[r].cell(i);
                const auto v = text.find(',') != std::string_view::npos ? parse_number(text, german_format)
                                                                        : parse_number(text, plain_format);
                if (!v) {
                    csv.fail(rows[r], i, ErrorKind::input_value, "expected a number (WGS84 degrees)");
                }
                return *v;
            };
            out.position.push_back(to_utm({number(0), number(1)}));
            out.name.push_back(rows[r].cells.size() > 2 ? std::string(trim(rows[r].cell(2))) : fmt::format("row {}", rows[r].line));
        }
        break;
    }
    }
    if (out.position.empty()) {
        throw Error(ErrorKind::usage, "there are no candidate sites (use --candidates nodes, cells or a file)");
    }
    return out;
}

std::vector<double> weights_of(const Origins& o, const SnappedPoints& snaps, const std::string& weight) {
    std::vector<double> w(o.size(), 0.0);
    for (std::size_t i = 0; i < o.size(); ++i) {
        if (!snaps.snapped(i)) {
            continue; // not on the network: no candidate can serve it, and no site does now
        }
        w[i] = weight == "65plus"    ? o.population_65plus[i]
               : weight == "under18" ? o.population_under18[i]
                                     : static_cast<double>(o.population[i]);
    }
    return w;
}

// Sparse lists (CSR) of the demand each site reaches within `bound`.
void build_lists(MeasureEngine& engine, std::size_t sites, std::uint32_t bound, std::vector<std::uint32_t>& first,
                 std::vector<location::DemandId>& demand, std::vector<location::TimeS>* times) {
    first.assign(1, 0);
    for (std::uint32_t j = 0; j < sites; ++j) {
        engine.reach(j, bound, [&](std::uint32_t o, std::uint32_t seconds) {
            demand.push_back(o);
            if (times != nullptr) {
                times->push_back(seconds);
            }
        });
        first.push_back(static_cast<std::uint32_t>(demand.size()));
    }
}

} // namespace

Report run_locate(store::Workspace& workspace, const LocateConfig& c) {
    auto& db = workspace.db();
    const auto start = std::chrono::steady_clock::now();
    const graph::Profile* profile = graph::find_profile(c.profile);
    if (profile == nullptr) {
        throw Error(ErrorKind::usage, fmt::format("unknown profile \"{}\"", c.profile));
    }
    if (c.weight != "all" && c.weight != "65plus" && c.weight != "under18") {
        throw Error(ErrorKind::usage, "--weight is all, 65plus or under18");
    }
    const store::Network network = store::read_network(db);
    if (network.edges.empty()) {
        throw Error(ErrorKind::workspace, "the workspace has no road network; run `lebenswert import osm` first");
    }
    const auto net_ptr = open_profile_network(db, network, *profile);
    const ProfileNetwork& net = *net_ptr;
    const Origins origins = read_origins(db);
    const auto origin_snaps = snap_points(net, origins.position, PointRole::origin, c.max_snap_m);
    const Destinations all = read_destinations(db);
    std::vector<std::uint32_t> existing;
    for (std::uint32_t d = 0; d < all.size(); ++d) {
        if (c.set.contains(all.category[d])) {
            existing.push_back(d);
        }
    }
    const auto existing_snaps = snap_points(net, all.position, PointRole::destination, c.max_snap_m);
    MeasureEngine current_engine(net, origin_snaps, existing_snaps);
    const NearestState current = nearest_state(current_engine, existing);
    const std::vector<double> weight = weights_of(origins, origin_snaps, c.weight);
    const std::uint32_t threshold = c.minutes * 60;
    const std::uint32_t horizon = std::max(c.horizon_minutes * 60, threshold);

    Report report;
    location::Result result;
    std::vector<geo::Point> site_position;
    std::vector<std::string> site_name;
    std::vector<std::optional<std::int64_t>> site_fid;
    std::string action;

    if (c.close) {
        // Which of the existing sites could close: the open sites are the candidates.
        action = "close";
        if (*c.close == 0 || *c.close > existing.size()) {
            throw Error(ErrorKind::usage, fmt::format("--close must be between 1 and the {} open {} sites", existing.size(), c.set.name));
        }
        SnappedPoints open_snaps;
        for (const auto d : existing) {
            open_snaps.anchors.push_back(existing_snaps.anchors[d]);
            open_snaps.snap.push_back(existing_snaps.snap[d]);
            site_position.push_back(all.position[d]);
            site_name.push_back(fmt::format("facility {}", all.fid[d]));
            site_fid.push_back(all.fid[d]);
        }
        MeasureEngine engine(net, origin_snaps, open_snaps);
        if (c.objective == Objective::coverage) {
            location::CoverageProblem p;
            p.weight = weight;
            build_lists(engine, existing.size(), threshold, p.first, p.demand, nullptr);
            result = c.exact ? location::close_mclp_exact(p, *c.close) : location::close_mclp(p, *c.close);
        } else {
            location::MedianProblem p;
            p.weight = weight;
            p.horizon_s = horizon;
            build_lists(engine, existing.size(), horizon, p.first, p.demand, &p.time_s);
            result = c.exact ? location::close_pmedian_exact(p, *c.close) : location::close_pmedian(p, *c.close);
        }
    } else {
        action = "open";
        const Candidates candidates = read_candidates(db, net, c);
        const auto cand_snaps = snap_points(net, candidates.position, PointRole::destination, c.max_snap_m);
        MeasureEngine engine(net, origin_snaps, cand_snaps);
        site_position = candidates.position;
        site_name = candidates.name;
        site_fid.assign(candidates.position.size(), std::nullopt);
        if (c.objective == Objective::coverage) {
            location::CoverageProblem p;
            p.weight = weight;
            p.already_covered.resize(origins.size());
            for (std::size_t o = 0; o < origins.size(); ++o) {
                p.already_covered[o] = current.seconds[o] <= threshold ? 1 : 0;
            }
            build_lists(engine, candidates.position.size(), threshold, p.first, p.demand, nullptr);
            result = c.exact ? location::solve_mclp_exact(p, c.k) : location::solve_mclp(p, c.k);
        } else {
            location::MedianProblem p;
            p.weight = weight;
            p.horizon_s = horizon;
            p.current_time_s = current.seconds;
            build_lists(engine, candidates.position.size(), horizon, p.first, p.demand, &p.time_s);
            result = c.exact ? location::solve_pmedian_exact(p, c.k) : location::solve_pmedian(p, c.k);
        }
        report.add("candidates", fmt::format("{} ({} on the network)", candidates.position.size(),
                                             std::count_if(cand_snaps.anchors.begin(), cand_snaps.anchors.end(),
                                                           [](const auto& a) { return a.count > 0; })));
    }

    double total_weight = 0.0, covered_now = 0.0, weighted_minutes_now = 0.0;
    for (std::size_t o = 0; o < origins.size(); ++o) {
        total_weight += weight[o];
        covered_now += current.seconds[o] <= threshold ? weight[o] : 0.0;
        weighted_minutes_now += weight[o] * static_cast<double>(std::min(current.seconds[o], horizon)) / 60.0;
    }
    const std::string objective = c.objective == Objective::coverage
                                      ? fmt::format("residents ({}) within {} min", c.weight, c.minutes)
                                      : fmt::format("weighted travel time ({}), horizon {} min", c.weight, c.horizon_minutes);
    report.title = fmt::format("Location {} for {} ({}, {})", action == "open" ? "of new sites" : "of sites that could close",
                               c.set.name, c.profile, objective);
    report.add("existing sites", std::to_string(existing.size()));
    if (c.objective == Objective::coverage) {
        report.add("now covered", fmt::format("{:.0f} of {:.0f} ({:.1f} %)", covered_now, total_weight,
                                              total_weight > 0 ? covered_now / total_weight * 100 : 0.0));
        report.add(action == "open" ? "newly covered" : "coverage lost",
                   fmt::format("{:.0f} (bound {:.0f}, gap {:.2f} %)", result.value, result.bound, result.gap * 100));
    } else {
        report.add("mean minutes now", fmt::format("{:.2f}", total_weight > 0 ? weighted_minutes_now / total_weight : 0.0));
        const double after = action == "open" ? result.value : result.value + result.baseline;
        report.add(action == "open" ? "mean minutes with the new sites" : "added person-minutes",
                   action == "open" ? fmt::format("{:.2f} (bound {:.2f}, gap {:.2f} %)", total_weight > 0 ? after / 60.0 / total_weight : 0.0,
                                                  total_weight > 0 ? result.bound / 60.0 / total_weight : 0.0, result.gap * 100)
                                    : fmt::format("{:.0f} (gap {:.2f} %)", result.value / 60.0, result.gap * 100));
    }
    report.add("method", fmt::format("{}, {} bound, {}, {:.2f} s", location::to_string(result.method),
                                     location::to_string(result.bound_kind), location::to_string(result.status), result.seconds));
    const geo::Transformer to_wgs(geo::epsg_utm32, geo::epsg_wgs84);
    const std::string label = c.label.empty() ? fmt::format("{} {} {} ({})", action, c.set.name, c.profile,
                                                            c.objective == Objective::coverage ? "coverage" : "time")
                                              : c.label;
    store::Transaction tx(db);
    save_if_built(db, net);
    store::Statement insert(db, R"sql(
INSERT INTO location_sites (geom, label, category, profile, objective, action, rank, facility_fid, candidate,
  value, bound, gap, method, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14))sql");
    for (std::size_t r = 0; r < result.sites.size(); ++r) {
        const auto j = result.sites[r];
        const geo::Point wgs = to_wgs(site_position[j]);
        report.add(fmt::format("{} {}", action == "open" ? "site" : "could close", r + 1),
                   fmt::format("{} at {:.5f}, {:.5f}", site_name[j], wgs.x, wgs.y));
        insert.bind(1, geo::encode_gpkg(site_position[j], geo::epsg_utm32)).bind(2, label).bind(3, c.set.name);
        insert.bind(4, c.profile).bind(5, c.objective == Objective::coverage ? "coverage" : "time").bind(6, action);
        insert.bind(7, static_cast<std::int64_t>(r + 1)).bind(8, site_fid[j]).bind(9, site_name[j]);
        insert.bind(10, result.value).bind(11, result.bound).bind(12, result.gap).bind(13, std::string(location::to_string(result.method)));
        insert.bind(14, store::now_utc_iso8601());
        insert.run();
    }
    store::refresh_contents(db, "location_sites");
    tx.commit();
    report.add("layer", "location_sites");
    report.add("time", fmt::format("{:.2f} s", std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count()));
    report.summary = {{"value", result.value}, {"bound", result.bound}, {"gap", result.gap}, {"sites", result.sites},
                      {"method", location::to_string(result.method)}, {"status", location::to_string(result.status)}};
    return report;
}

} // namespace lw::accessibility
