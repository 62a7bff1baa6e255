#include "location/detail/mip.hpp"

#include "core/error.hpp"

#include <fmt/format.h>
#include <glpk.h>

#include <algorithm>
#include <chrono>
#include <climits>
#include <cmath>
#include <limits>
#include <memory>

namespace lw::location::detail {

namespace {

struct ProbDeleter {
    void operator()(glp_prob* p) const { glp_delete_prob(p); }
};
using Prob = std::unique_ptr<glp_prob, ProbDeleter>;

// Column layout: y_j are columns 1..n; then one column per group (coverage: z_g) or per entry
// (median, capacitated: x_e).
struct Model {
    Prob prob;
    int n = 0;
    int second_col = 0; // first column after the y_j
};

Model build(const Instance& in, Formulation form, std::uint32_t k,
            std::span<const double> capacity) {
    const std::uint32_t n = in.candidate_count;
    const std::uint32_t groups = in.group_count();
    const std::size_t entries = in.entry_count();
    const std::size_t per_group_cols = form == Formulation::coverage ? groups : entries;
    const std::size_t cols = n + per_group_cols;
    std::size_t rows = groups + 1;
    std::size_t nonzeros = n; // the k row
    if (form == Formulation::coverage) {
        nonzeros += groups + entries;
    } else {
        rows += entries;
        nonzeros += entries + 2 * entries;
        if (form == Formulation::capacitated_coverage) {
            rows += n;
            nonzeros += entries + n;
        }
    }
    if (cols > INT_MAX / 2 || rows > INT_MAX / 2 || nonzeros > INT_MAX / 2) {
        throw Error(
            ErrorKind::input_value,
            fmt::format(
                "the MIP would have {} rows, {} columns and {} nonzeros: too large for GLPK", rows,
                cols, nonzeros));
    }

    Model model;
    model.prob.reset(glp_create_prob());
    glp_prob* lp = model.prob.get();
    model.n = static_cast<int>(n);
    model.second_col = model.n + 1;
    glp_set_obj_dir(lp, GLP_MIN);
    glp_set_obj_coef(lp, 0, in.base_cost);
    glp_add_cols(lp, static_cast<int>(cols));
    for (int j = 1; j <= model.n; ++j) {
        glp_set_col_kind(lp, j, GLP_BV);
    }
    std::vector<int> ia(1), ja(1);
    std::vector<double> ar(1);
    ia.reserve(nonzeros + 1);
    ja.reserve(nonzeros + 1);
    ar.reserve(nonzeros + 1);
    auto put = [&](int row, int col, double value) {
        ia.push_back(row);
        ja.push_back(col);
        ar.push_back(value);
    };
    auto y_col = [](CandidateId j) { return static_cast<int>(j) + 1; };
    glp_add_rows(lp, static_cast<int>(rows));
    int row = 0;
    if (form == Formulation::coverage) {
        for (std::uint32_t g = 0; g < groups; ++g) {
            const int z = model.second_col + static_cast<int>(g);
            glp_set_col_bnds(lp, z, GLP_DB, 0.0, 1.0);
            glp_set_obj_coef(lp, z, -in.weight[g]);
            ++row;
            glp_set_row_bnds(lp, row, GLP_UP, 0.0, 0.0);
            put(row, z, 1.0);
            for (std::uint32_t e = in.group_first[g]; e < in.group_first[g + 1]; ++e) {
                put(row, y_col(in.group_candidate[e]), -1.0);
            }
        }
    } else {
        const bool capacitated = form == Formulation::capacitated_coverage;
        for (std::uint32_t g = 0; g < groups; ++g) {
            ++row;
            glp_set_row_bnds(lp, row, GLP_UP, 0.0, 1.0);
            for (std::uint32_t e = in.group_first[g]; e < in.group_first[g + 1]; ++e) {
                const int x = model.second_col + static_cast<int>(e);
                const CandidateId j = in.group_candidate[e];
                if (capacitated) {
                    glp_set_col_kind(lp, x, GLP_BV);
                    glp_set_obj_coef(lp, x, -in.weight[g]);
                    if (in.weight[g] > capacity[j]) {
                        glp_set_col_bnds(lp, x, GLP_FX, 0.0, 0.0); // can never fit
                    }
                } else {
                    glp_set_col_bnds(lp, x, GLP_DB, 0.0, 1.0);
                    glp_set_obj_coef(lp, x,
                                     in.weight[g] * (static_cast<double>(in.group_time[e]) -
                                                     static_cast<double>(in.base[g])));
                }
                put(row, x, 1.0);
            }
        }
        for (std::size_t e = 0; e < entries; ++e) {
            ++row;
            glp_set_row_bnds(lp, row, GLP_UP, 0.0, 0.0);
            put(row, model.second_col + static_cast<int>(e), 1.0);
            put(row, y_col(in.group_candidate[e]), -1.0);
        }
        if (capacitated) {
            // Per candidate: sum of the weight it serves <= C_j y_j (a free row if C_j is inf).
            for (CandidateId j = 0; j < n; ++j) {
                ++row;
                const bool finite = std::isfinite(capacity[j]);
                glp_set_row_bnds(lp, row, finite ? GLP_UP : GLP_FR, 0.0, 0.0);
                if (!finite) {
                    continue;
                }
                for (std::uint32_t p = in.candidate_first[j]; p < in.candidate_first[j + 1]; ++p) {
                    const std::uint32_t g = in.candidate_group[p];
                    // The entry of (g, j) in group-major order: search g's short row.
                    std::uint32_t e = in.group_first[g];
                    while (in.group_candidate[e] != j) {
                        ++e;
                    }
                    put(row, model.second_col + static_cast<int>(e), in.weight[g]);
                }
                put(row, y_col(j), -capacity[j]);
            }
        }
    }
    ++row;
    glp_set_row_bnds(lp, row, GLP_UP, 0.0, static_cast<double>(k));
    for (CandidateId j = 0; j < n; ++j) {
        put(row, y_col(j), 1.0);
    }
    glp_load_matrix(lp, static_cast<int>(ia.size() - 1), ia.data(), ja.data(), ar.data());
    return model;
}

int milliseconds(double seconds) {
    return static_cast<int>(std::clamp(seconds * 1000.0, 1.0, static_cast<double>(INT_MAX)));
}

// Solves the LP relaxation; false if the time limit struck first.
bool solve_relaxation(glp_prob* lp, double time_limit_s) {
    glp_term_out(GLP_OFF);
    glp_scale_prob(lp, GLP_SF_AUTO);
    glp_smcp parm;
    glp_init_smcp(&parm);
    parm.msg_lev = GLP_MSG_OFF;
    parm.tm_lim = milliseconds(time_limit_s);
    const int ret = glp_simplex(lp, &parm);
    if (ret == GLP_ETMLIM || ret == GLP_EITLIM) {
        return false;
    }
    if (ret != 0 || glp_get_status(lp) != GLP_OPT) {
        throw Error(ErrorKind::internal,
                    fmt::format("GLPK simplex failed (return code {}, status {})", ret,
                                glp_get_status(lp)));
    }
    return true;
}

struct CallbackData {
    std::vector<double> warm; // 1-based column values, empty: none
    bool warm_sent = false;
    bool has_bound = false;
    double bound = 0;
    int nodes = 0;
};

void callback(glp_tree* tree, void* info) {
    auto* data = static_cast<CallbackData*>(info);
    if (glp_ios_reason(tree) == GLP_IHEUR && !data->warm_sent && !data->warm.empty()) {
        data->warm_sent = true;
        glp_ios_heur_sol(tree, data->warm.data());
    }
    // The best local bound among the active nodes bounds the optimum from below (minimisation);
    // it only rises during the search, so the last one seen is the best known.
    if (const int best = glp_ios_best_node(tree); best != 0) {
        data->bound = glp_ios_node_bound(tree, best);
        data->has_bound = true;
    }
    int active = 0, current = 0, total = 0;
    glp_ios_tree_size(tree, &active, &current, &total);
    data->nodes = total;
}

std::vector<double> warm_values(const Instance& in, Formulation form, const Model& model,
                                const MipSettings& settings) {
    std::vector<double> x(static_cast<std::size_t>(glp_get_num_cols(model.prob.get())) + 1, 0.0);
    std::vector<std::uint8_t> open(in.candidate_count, 0);
    for (const CandidateId j : settings.warm_sites) {
        open[j] = 1;
        x[static_cast<std::size_t>(j) + 1] = 1.0;
    }
    for (std::uint32_t g = 0; g < in.group_count(); ++g) {
        for (std::uint32_t e = in.group_first[g]; e < in.group_first[g + 1]; ++e) {
            const CandidateId j = in.group_candidate[e];
            bool take = false;
            if (form == Formulation::capacitated_coverage) {
                take = !settings.warm_assignment.empty() && settings.warm_assignment[g] == j;
            } else {
                take = open[j] != 0; // entries are sorted by time: the first open is nearest
            }
            if (take) {
                const std::size_t col = form == Formulation::coverage
                                            ? static_cast<std::size_t>(model.second_col) + g
                                            : static_cast<std::size_t>(model.second_col) + e;
                x[col] = 1.0;
                break;
            }
        }
    }
    return x;
}

} // namespace

MipOutcome solve_mip(const Instance& in, Formulation form, std::uint32_t k,
                     std::span<const double> capacity, const MipSettings& settings) {
    const auto start = std::chrono::steady_clock::now();
    Model model = build(in, form, k, capacity);
    glp_prob* lp = model.prob.get();
    MipOutcome out;
    out.bound = -std::numeric_limits<double>::infinity();
    if (!solve_relaxation(lp, settings.time_limit_s)) {
        return out; // not even the relaxation: no solution, no bound
    }
    out.bound = glp_get_obj_val(lp);

    CallbackData data;
    if (!settings.warm_sites.empty()) {
        data.warm = warm_values(in, form, model, settings);
    }
    const double used =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    glp_iocp parm;
    glp_init_iocp(&parm);
    parm.msg_lev = GLP_MSG_OFF;
    parm.tm_lim = milliseconds(settings.time_limit_s - used);
    parm.mip_gap = settings.relative_gap;
    parm.cb_func = callback;
    parm.cb_info = &data;
    const int ret = glp_intopt(lp, &parm);
    if (ret != 0 && ret != GLP_ETMLIM && ret != GLP_EMIPGAP) {
        throw Error(ErrorKind::internal,
                    fmt::format("GLPK branch and bound failed (return code {})", ret));
    }
    out.nodes = static_cast<std::uint32_t>(data.nodes);
    const int status = glp_mip_status(lp);
    if (status != GLP_OPT && status != GLP_FEAS) {
        return out;
    }
    out.has_solution = true;
    out.cost = glp_mip_obj_val(lp);
    for (CandidateId j = 0; j < in.candidate_count; ++j) {
        if (glp_mip_col_val(lp, static_cast<int>(j) + 1) > 0.5) {
            out.sites.push_back(j);
        }
    }
    if (form == Formulation::capacitated_coverage) {
        out.assignment.assign(in.group_count(), no_site);
        for (std::uint32_t g = 0; g < in.group_count(); ++g) {
            for (std::uint32_t e = in.group_first[g]; e < in.group_first[g + 1]; ++e) {
                if (glp_mip_col_val(lp, model.second_col + static_cast<int>(e)) > 0.5) {
                    out.assignment[g] = in.group_candidate[e];
                    break;
                }
            }
        }
    }
    if (status == GLP_OPT && ret == 0) {
        out.status = Status::optimal;
        out.bound = out.cost;
    } else {
        out.status = ret == GLP_EMIPGAP ? Status::feasible : Status::time_limit;
        if (data.has_bound) {
            out.bound = std::max(out.bound, data.bound);
        }
        out.bound = std::min(out.bound, out.cost);
    }
    return out;
}

std::optional<double> lp_bound(const Instance& in, Formulation form, std::uint32_t k,
                               std::span<const double> capacity, double time_limit_s) {
    Model model = build(in, form, k, capacity);
    if (!solve_relaxation(model.prob.get(), time_limit_s)) {
        return std::nullopt;
    }
    return glp_get_obj_val(model.prob.get());
}

} // namespace lw::location::detail
