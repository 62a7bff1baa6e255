#pragma once
// An uninitialised array of a trivially copyable type, aligned to 2 MiB when large and marked
// madvise(MADV_HUGEPAGE) before first touch: PHAST label arrays are read at scattered positions,
// where 4 KiB pages cost a TLB miss per read (PERFORMANCE.md: ~2x on random access).
// LW_NO_HUGE_PAGES=1 in the environment turns the advice off (for measurements).

#include <cstddef>
#include <cstdlib>
#include <memory>
#include <new>
#include <type_traits>

namespace lw::routing::detail {

// Allocates at least `bytes` (64-byte aligned; 2 MiB aligned and huge-page advised from 2 MiB on).
void* allocate_huge(std::size_t bytes);

template <typename T> class HugeBuffer {
    static_assert(std::is_trivially_copyable_v<T>);

public:
    // Discards the contents when the size grows.
    void resize(std::size_t size) {
        if (size > m_capacity) {
            m_data.reset(static_cast<T*>(allocate_huge(size * sizeof(T))));
            m_capacity = size;
        }
        m_size = size;
    }
    T* data() { return m_data.get(); }
    const T* data() const { return m_data.get(); }
    std::size_t size() const { return m_size; }
    T& operator[](std::size_t i) { return m_data.get()[i]; }
    const T& operator[](std::size_t i) const { return m_data.get()[i]; }

private:
    struct Free {
        void operator()(T* p) const { std::free(p); }
    };
    std::unique_ptr<T, Free> m_data;
    std::size_t m_size = 0;
    std::size_t m_capacity = 0;
};

} // namespace lw::routing::detail
