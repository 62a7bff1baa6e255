#include "core/progress.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <unistd.h>

namespace lw {

Progress::Progress(std::string label, std::uint64_t total)
    : m_label(std::move(label)), m_total(total),
      m_enabled(::isatty(STDERR_FILENO) != 0 && std::getenv("LW_NO_PROGRESS") == nullptr) {}

Progress::~Progress() { finish(); }

void Progress::update(std::uint64_t done) {
    m_done = done;
    draw(false);
}

void Progress::set_label(std::string label) {
    m_label = std::move(label);
    draw(true);
}

void Progress::finish() {
    if (m_finished) {
        return;
    }
    m_finished = true;
    if (m_enabled) {
        m_done = m_total;
        draw(true);
        std::fputc('\n', stderr);
    }
}

void Progress::draw(bool force) {
    if (!m_enabled) {
        return;
    }
    const auto now = std::chrono::steady_clock::now();
    if (!force && now - m_last_draw < std::chrono::milliseconds(100)) {
        return;
    }
    m_last_draw = now;
    constexpr int width = 30;
    const double fraction =
        m_total == 0 ? 0.0 : std::min(1.0, static_cast<double>(m_done) / static_cast<double>(m_total));
    const int filled = static_cast<int>(fraction * width);
    fmt::print(stderr, "\r{:<28} [{}{}] {:5.1f} %", m_label, std::string(filled, '#'),
               std::string(width - filled, ' '), fraction * 100.0);
    std::fflush(stderr);
}

} // namespace lw
