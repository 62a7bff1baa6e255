#include "location/result.hpp"

#include <algorithm>
#include <cmath>

namespace lw::location {

std::string_view to_string(Sense sense) {
    switch (sense) {
    case Sense::maximise:
        return "maximise";
    case Sense::minimise:
        return "minimise";
    }
    return "maximise";
}

std::string_view to_string(Status status) {
    switch (status) {
    case Status::optimal:
        return "optimal";
    case Status::feasible:
        return "feasible";
    case Status::time_limit:
        return "time_limit";
    }
    return "feasible";
}

std::string_view to_string(BoundKind kind) {
    switch (kind) {
    case BoundKind::none:
        return "none";
    case BoundKind::trivial:
        return "trivial";
    case BoundKind::lagrangian:
        return "lagrangian";
    case BoundKind::lp_relaxation:
        return "lp_relaxation";
    case BoundKind::mip:
        return "mip";
    }
    return "none";
}

std::string_view to_string(Method method) {
    switch (method) {
    case Method::greedy:
        return "greedy";
    case Method::greedy_interchange:
        return "greedy_interchange";
    case Method::exact_mip:
        return "exact_mip";
    }
    return "greedy";
}

double relative_gap(Sense sense, double value, double bound) {
    // high: the bound when maximising, the value when minimising; low: the other one.
    const double high = sense == Sense::maximise ? bound : value;
    const double low = sense == Sense::maximise ? value : bound;
    if (high <= low) {
        return 0.0;
    }
    if (high <= 0) {
        return 1.0; // cannot happen for the non-negative objectives here
    }
    return std::min(1.0, (high - low) / high);
}

} // namespace lw::location
