#pragma once
// The age-by-sex layout shared by the demography and projection engines: single years of age
// 0..99 and an open group 100+, two sexes, stored flat as [sex * age_count + age]. Arrays of
// several areas or years repeat this block: [(area * years + year) * cell_count + cell].

#include <cstddef>
#include <cstdint>

namespace lw {

enum class Sex : std::uint8_t { male = 0, female = 1 };

inline constexpr std::size_t age_count = 101; // 0, 1, ..., 99, 100+ (open group)
inline constexpr std::size_t open_age = age_count - 1;
inline constexpr std::size_t sex_count = 2;
inline constexpr std::size_t cell_count = sex_count * age_count;

constexpr std::size_t cell(Sex sex, std::size_t age) {
    return static_cast<std::size_t>(sex) * age_count + age;
}

} // namespace lw
