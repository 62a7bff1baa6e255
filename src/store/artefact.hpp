#pragma once
// Binary artefacts (a routing graph, a precomputed matrix) stored as blobs in the workspace,
// each behind a header that is checked on load: magic, header version, a type tag with its own
// format version, element size and count, and a CRC-32 of the payload. A stale or damaged
// artefact is refused with a clear error instead of being misread.

#include "store/sqlite.hpp"

#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace lw::store {

struct ArtefactHeader {
    std::string type_tag;           // e.g. "routing-graph-walk"
    std::uint32_t format_version{}; // version of the payload layout for this type tag
    std::uint32_t element_size{};   // bytes per element
    std::uint64_t element_count{};
};

// Serialises header + payload (exposed for tests of the checks).
std::vector<std::uint8_t> pack_artefact(const ArtefactHeader& header, const void* data, std::size_t bytes);
// Verifies and returns the payload bytes; throws workspace errors naming what does not match.
std::vector<std::uint8_t> unpack_artefact(std::string_view name, std::span<const std::uint8_t> blob,
                                          const ArtefactHeader& expected_without_count,
                                          ArtefactHeader* found = nullptr);

void write_artefact(Database& db, std::string_view name, const ArtefactHeader& header,
                    const void* data, std::size_t bytes);
std::vector<std::uint8_t> read_artefact(Database& db, std::string_view name,
                                        const ArtefactHeader& expected, ArtefactHeader* found = nullptr);

template <typename T>
void write_array(Database& db, std::string_view name, std::string_view type_tag,
                 std::uint32_t format_version, const std::vector<T>& values) {
    static_assert(std::is_trivially_copyable_v<T>);
    write_artefact(db, name, {std::string(type_tag), format_version, sizeof(T), values.size()},
                   values.data(), values.size() * sizeof(T));
}

template <typename T>
std::vector<T> read_array(Database& db, std::string_view name, std::string_view type_tag,
                          std::uint32_t format_version) {
    static_assert(std::is_trivially_copyable_v<T>);
    ArtefactHeader found;
    const auto bytes = read_artefact(db, name, {std::string(type_tag), format_version, sizeof(T), 0}, &found);
    std::vector<T> values(found.element_count);
    if (!bytes.empty()) {
        std::memcpy(values.data(), bytes.data(), bytes.size());
    }
    return values;
}

} // namespace lw::store
