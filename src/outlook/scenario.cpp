#include "outlook/scenario.hpp"

namespace lw::outlook {

ScenarioSpec preset(Variant variant) {
    ScenarioSpec s;
    s.mortality = variant;
    switch (variant) {
    case Variant::low:
        s.name = "kBV G1-L1-W1";
        s.tfr_2070 = 1.44;
        s.migration_factor = 180.0 / 290.0;
        break;
    case Variant::moderate:
        s.name = "kBV G2-L2-W2";
        s.tfr_2070 = 1.55;
        s.migration_factor = 1.0;
        break;
    case Variant::high:
        s.name = "kBV G3-L3-W3";
        s.tfr_2070 = 1.67;
        s.migration_factor = 400.0 / 290.0;
        break;
    }
    return s;
}

} // namespace lw::outlook
