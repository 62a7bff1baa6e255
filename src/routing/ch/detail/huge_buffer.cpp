#include "routing/ch/detail/huge_buffer.hpp"

#include <algorithm>
#include <cstring>

#include <sys/mman.h>

namespace lw::routing::detail {

namespace {

// LW_NO_HUGE_PAGES=1 turns the advice off, to measure what it brings (docs/performance.md).
bool huge_pages_wanted() {
    static const bool wanted = [] {
        const char* off = std::getenv("LW_NO_HUGE_PAGES");
        return off == nullptr || std::strcmp(off, "1") != 0;
    }();
    return wanted;
}

} // namespace

void* allocate_huge(std::size_t bytes) {
    constexpr std::size_t huge = std::size_t{2} << 20;
    const std::size_t align = bytes >= huge ? huge : 64;
    const std::size_t rounded = (std::max<std::size_t>(bytes, 1) + align - 1) / align * align;
    void* p = std::aligned_alloc(align, rounded);
    if (p == nullptr) {
        throw std::bad_alloc();
    }
    if (align == huge && huge_pages_wanted()) {
        ::madvise(p, rounded, MADV_HUGEPAGE); // advisory: without THP the pages stay 4 KiB
    }
    return p;
}

} // namespace lw::routing::detail
