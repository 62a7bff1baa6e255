#pragma once
// Matching municipalities across a change of the territorial status (Gebietsstand), for comparing
// a projection from one date with the count of a later date. Municipalities merge (a code
// disappears, another absorbs it or a new code appears); the directories say who exists, not who
// became whom. So: a code present at both dates is its own unit unless its district also lost or
// gained codes and its population jumped; everything changed within a district is pooled into one
// unit of that district; a pool with only one side (codes moved between districts) is pooled per
// Land. Totals are kept exactly: every code lands in exactly one unit. docs/population-projection.md.

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
    // A code kept at both dates joins its district's pool if its population changed by more than
    // this share (absorbed or gave territory). 10 % is an assumption: three years of migration
    // rarely move a municipality that far, a merger almost always does.
    double jump_share = 0.10;
};

std::vector<MatchedUnit> match_areas(std::span<const AreaCount> before, std::span<const AreaCount> after,
                                     const MatchingConfig& config = {});

} // namespace lw::outlook
