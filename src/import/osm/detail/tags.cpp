#include "import/osm/detail/tags.hpp"

#include "core/text.hpp"

namespace lw::import::osm::detail {

std::vector<std::string_view> split_values(std::string_view value, char separator) {
    std::vector<std::string_view> out;
    for (std::string_view part : split(value, separator)) {
        part = trim(part);
        if (!part.empty()) {
            out.push_back(part);
        }
    }
    return out;
}

} // namespace lw::import::osm::detail
