#include "demand/population_equivalents.hpp"

#include "core/error.hpp"

#include <cmath>
#include <fmt/format.h>

namespace lw::demand {

namespace {

void check_non_negative(double value, const char* what) {
    if (!std::isfinite(value) || value < 0.0) {
        throw Error(ErrorKind::input_value,
                    fmt::format("{} is {}, expected a finite value >= 0", what, value));
    }
}

} // namespace

PeDemand population_equivalents(const PeInputs& inputs) {
    check_non_negative(inputs.residents, "residents");
    check_non_negative(inputs.commercial_pe, "commercial PE");
    if (!(inputs.connection_share >= 0.0 && inputs.connection_share <= 1.0)) {
        throw Error(ErrorKind::input_value,
                    fmt::format("connection share is {}, expected a share in [0, 1]",
                                inputs.connection_share));
    }
    PeDemand demand;
    demand.resident_pe = inputs.residents * inputs.connection_share;
    demand.commercial_pe = inputs.commercial_pe;
    demand.total_pe = demand.resident_pe + demand.commercial_pe;
    demand.resident_share = demand.total_pe > 0.0 ? demand.resident_pe / demand.total_pe : 0.0;
    demand.bod5_kg_per_day = demand.total_pe * bod5_g_per_pe_day / 1000.0;
    return demand;
}

double pe_from_bod5(double bod5_kg_per_day) {
    check_non_negative(bod5_kg_per_day, "BOD5 load (kg/day)");
    return bod5_kg_per_day * 1000.0 / bod5_g_per_pe_day;
}

std::uint8_t size_class(double bod5_kg_per_day) {
    check_non_negative(bod5_kg_per_day, "BOD5 design load (kg/day)");
    if (bod5_kg_per_day < 60.0) {
        return 1;
    }
    if (bod5_kg_per_day <= 300.0) {
        return 2;
    }
    if (bod5_kg_per_day <= 600.0) {
        return 3;
    }
    if (bod5_kg_per_day <= 6000.0) {
        return 4;
    }
    return 5;
}

} // namespace lw::demand
