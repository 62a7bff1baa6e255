#pragma once
// A progress bar on stderr, drawn only when stderr is a terminal (and LW_NO_PROGRESS is unset),
// so logs and tests stay clean. Redraws at most ten times a second.

#include <chrono>
#include <cstdint>
#include <string>

namespace lw {

class Progress {
public:
    Progress(std::string label, std::uint64_t total);
    ~Progress();
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;

    void update(std::uint64_t done);
    void set_label(std::string label);
    void finish();

private:
    void draw(bool force);

    std::string m_label;
    std::uint64_t m_total;
    std::uint64_t m_done = 0;
    bool m_enabled;
    bool m_finished = false;
    std::chrono::steady_clock::time_point m_last_draw{};
};

} // namespace lw
