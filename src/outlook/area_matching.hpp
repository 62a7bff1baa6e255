#pragma once
// Matching municipalities across a change of the territorial status (Gebietsstand), for comparing
// a projection from one date with the count of a later date. Municipalities merge (a code
// disappears, another absorbs it or a new code appears); the directories say who exists, not who
// became whom, and a town that absorbs a village grows by 1 %, which natural change can hide. So:
// a district whose codes changed is one pooled unit; elsewhere a code present at both dates is its
// own unit unless its population jumped in a Land with changes; a district pool with only one side
// or a jump of its population (codes moved between districts, as in Thuringia's 2019 reform) is
// pooled per Land. Totals are kept exactly:
// every code lands in exactly one unit. docs/population-projection.md.

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace lw::outlook {

struct AreaCount {
    std::string key;                  // 8-digit AGS
    std::optional<double> population; // empty = not given (a unit holding it is incomplete)
};

struct MatchedUnit {
    std::string label;               // the AGS of a 1:1 unit; "05370 (pooled)" or "05 (pooled)"
    std::vector<std::string> before; // codes at the earlier date
    std::vector<std::string> after;  // codes at the later date
    double population_before = 0;
    double population_after = 0;
    bool complete = true; // every population of the unit given
    bool pooled() const { return before.size() != 1 || after.size() != 1 || before[0] != after[0]; }
};

struct MatchingConfig {
    // Outside changed districts, a code kept at both dates is pooled per Land if its population
    // changed by more than this share (it absorbed or gave territory). 10 % is an assumption: three
    // years of migration rarely move a municipality that far.
    double jump_share = 0.10;
    // A district's pool whose population changed by more than this share lost or gained codes
    // to or from another district; such pools are merged per Land (an assumption, like above).
    double pool_jump_share = 0.20;
};

std::vector<MatchedUnit> match_areas(std::span<const AreaCount> before, std::span<const AreaCount> after,
                                     const MatchingConfig& config = {});

} // namespace lw::outlook
