#include "store/fault.hpp"

#include <sqlite3.h>

#include <csignal>
#include <cstdlib>
#include <cstring>
#include <string_view>

namespace lw::store {

namespace {

long rows_until_kill() {
    const char* fault = std::getenv("LW_FAULT");
    constexpr std::string_view prefix = "kill-after-rows:";
    if (fault == nullptr || std::string_view(fault).substr(0, prefix.size()) != prefix) {
        return -1;
    }
    return std::strtol(fault + prefix.size(), nullptr, 10);
}

long g_rows_left = 0;

void count_row(void*, int, const char*, const char*, sqlite3_int64) {
    if (--g_rows_left <= 0) {
        std::raise(SIGKILL);
    }
}

} // namespace

void fault_point(const char* name) {
    const char* fault = std::getenv("LW_FAULT");
    if (fault != nullptr && std::strncmp(fault, "kill-", 5) == 0 && std::strcmp(fault + 5, name) == 0) {
        std::raise(SIGKILL);
    }
}

void install_fault_hook(sqlite3* db) {
    const long rows = rows_until_kill();
    if (rows > 0) {
        g_rows_left = rows;
        sqlite3_update_hook(db, &count_row, nullptr);
    }
}

} // namespace lw::store
