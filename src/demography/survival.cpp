#include "demography/survival.hpp"

namespace lw::demography {

Survival survival_from_life_tables(const LifeTables& tables) {
    Survival out;
    out.to_next.assign(cell_count, 0.0);
    for (std::size_t sex_idx = 0; sex_idx < sex_count; ++sex_idx) {
        const auto sex = static_cast<Sex>(sex_idx);
        const LifeTable& table = tables[sex_idx];
        for (std::size_t age = 0; age + 1 < open_age; ++age) {
            out.to_next[cell(sex, age)] = table.Lx[age + 1] / table.Lx[age];
        }
        // Lx[open_age] is T(100), so T(99) = L(99) + T(100).
        const double open = table.Tx[open_age] / table.Tx[open_age - 1];
        out.to_next[cell(sex, open_age - 1)] = open;
        out.to_next[cell(sex, open_age)] = open;
        out.births[sex_idx] = table.Lx[0] / table.lx[0];
    }
    return out;
}

} // namespace lw::demography
