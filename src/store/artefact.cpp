#include "store/artefact.hpp"

#include "core/error.hpp"
#include "store/workspace.hpp"

#include <fmt/format.h>
#include <zlib.h>

#include <algorithm>
#include <array>

namespace lw::store {

namespace {

constexpr char magic[8] = {'L', 'W', 'A', 'R', 'T', 'E', 'F', '\0'};
constexpr std::uint32_t header_version = 1;
constexpr std::size_t tag_size = 48;
// magic, header version, tag, format version, element size, count, crc32
constexpr std::size_t header_size = 8 + 4 + tag_size + 4 + 4 + 8 + 4;

template <typename T> void put(std::vector<std::uint8_t>& out, T v) {
    const auto* p = reinterpret_cast<const std::uint8_t*>(&v);
    out.insert(out.end(), p, p + sizeof(T));
}

template <typename T> T get(std::span<const std::uint8_t> in, std::size_t& pos) {
    T v;
    std::memcpy(&v, in.data() + pos, sizeof(T));
    pos += sizeof(T);
    return v;
}

std::uint32_t crc(const void* data, std::size_t bytes) {
    uLong value = crc32(0L, Z_NULL, 0);
    const auto* p = static_cast<const Bytef*>(data);
    while (bytes > 0) {
        const auto chunk = static_cast<uInt>(std::min<std::size_t>(bytes, 1u << 30));
        value = crc32(value, p, chunk);
        p += chunk;
        bytes -= chunk;
    }
    return static_cast<std::uint32_t>(value);
}

} // namespace

std::vector<std::uint8_t> pack_artefact(const ArtefactHeader& header, const void* data, std::size_t bytes) {
    if (header.type_tag.size() >= tag_size) {
        throw Error(ErrorKind::internal, "artefact type tag too long");
    }
    if (bytes != header.element_size * header.element_count) {
        throw Error(ErrorKind::internal, "artefact size does not match element size times count");
    }
    std::vector<std::uint8_t> out;
    out.reserve(header_size + bytes);
    out.insert(out.end(), magic, magic + sizeof magic);
    put(out, header_version);
    std::array<char, tag_size> tag{};
    std::memcpy(tag.data(), header.type_tag.data(), header.type_tag.size());
    out.insert(out.end(), tag.begin(), tag.end());
    put(out, header.format_version);
    put(out, header.element_size);
    put(out, header.element_count);
    put(out, crc(data, bytes));
    const auto* p = static_cast<const std::uint8_t*>(data);
    out.insert(out.end(), p, p + bytes);
    return out;
}

std::vector<std::uint8_t> unpack_artefact(std::string_view name, std::span<const std::uint8_t> blob,
                                          const ArtefactHeader& expected, ArtefactHeader* found) {
    const auto bad = [&](std::string_view what) {
        return Error(ErrorKind::workspace,
                     fmt::format("artefact \"{}\" cannot be used: {}; rebuild it", name, what));
    };
    if (blob.size() < header_size || std::memcmp(blob.data(), magic, sizeof magic) != 0) {
        throw bad("it has no lebenswert artefact header");
    }
    std::size_t pos = sizeof magic;
    if (get<std::uint32_t>(blob, pos) != header_version) {
        throw bad("unknown header version");
    }
    ArtefactHeader h;
    const char* tag = reinterpret_cast<const char*>(blob.data() + pos);
    h.type_tag = std::string(tag, strnlen(tag, tag_size));
    pos += tag_size;
    h.format_version = get<std::uint32_t>(blob, pos);
    h.element_size = get<std::uint32_t>(blob, pos);
    h.element_count = get<std::uint64_t>(blob, pos);
    const auto checksum = get<std::uint32_t>(blob, pos);
    if (h.type_tag != expected.type_tag) {
        throw bad(fmt::format("it holds \"{}\", expected \"{}\"", h.type_tag, expected.type_tag));
    }
    if (h.format_version != expected.format_version) {
        throw bad(fmt::format("format version {} (this lebenswert reads {})", h.format_version,
                              expected.format_version));
    }
    if (h.element_size != expected.element_size) {
        throw bad(fmt::format("element size {} bytes, expected {}", h.element_size, expected.element_size));
    }
    const std::size_t payload = blob.size() - header_size;
    if (payload != h.element_size * h.element_count) {
        throw bad(fmt::format("payload is {} bytes, header says {} elements of {} bytes", payload,
                              h.element_count, h.element_size));
    }
    if (crc(blob.data() + header_size, payload) != checksum) {
        throw bad("checksum mismatch (the data are damaged)");
    }
    if (found != nullptr) {
        *found = h;
    }
    return {blob.begin() + static_cast<std::ptrdiff_t>(header_size), blob.end()};
}

void write_artefact(Database& db, std::string_view name, const ArtefactHeader& header,
                    const void* data, std::size_t bytes) {
    const auto blob = pack_artefact(header, data, bytes);
    Statement stmt(db, "INSERT OR REPLACE INTO lw_artefacts (name, type_tag, format_version, "
                       "created_at, data) VALUES (?, ?, ?, ?, ?)");
    stmt.bind(1, name).bind(2, header.type_tag).bind(3, static_cast<std::int64_t>(header.format_version));
    stmt.bind(4, now_utc_iso8601()).bind(5, blob);
    stmt.run();
}

std::vector<std::uint8_t> read_artefact(Database& db, std::string_view name,
                                        const ArtefactHeader& expected, ArtefactHeader* found) {
    Statement stmt(db, "SELECT data FROM lw_artefacts WHERE name = ?");
    stmt.bind(1, name);
    if (!stmt.step()) {
        throw Error(ErrorKind::workspace,
                    fmt::format("the workspace has no artefact \"{}\"", name));
    }
    return unpack_artefact(name, stmt.get_blob(0), expected, found);
}

} // namespace lw::store
