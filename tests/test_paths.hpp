#pragma once
// Where tests find their inputs (compiled in by tests/CMakeLists.txt, overridable by environment
// variables of the same names) and scratch space.

#include <cstdlib>
#include <filesystem>
#include <string>
#include <unistd.h>

namespace lw::test {

inline std::filesystem::path env_path(const char* name, const char* fallback) {
    const char* value = std::getenv(name);
    return value != nullptr ? std::filesystem::path(value) : std::filesystem::path(fallback);
}

inline std::filesystem::path data_dir() { return env_path("LW_TEST_DATA_DIR", LW_TEST_DATA_DIR); }
inline std::filesystem::path demo_dir() { return env_path("LW_DEMO_DATA_DIR", LW_DEMO_DATA_DIR); }
inline std::filesystem::path binary() { return env_path("LW_BINARY", LW_BINARY); }
// The repository root (docs/ is checked against the code by some tests).
inline std::filesystem::path repo_dir() { return demo_dir().parent_path(); }

// A fresh, empty directory per test, removed again at the end of the test.
class ScratchDir {
public:
    explicit ScratchDir(const std::string& name) {
        m_path = std::filesystem::temp_directory_path() /
                 ("lw-test-" + name + "-" + std::to_string(::getpid()));
        std::filesystem::remove_all(m_path);
        std::filesystem::create_directories(m_path);
    }
    ~ScratchDir() { std::filesystem::remove_all(m_path); }
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;

    const std::filesystem::path& path() const { return m_path; }
    std::filesystem::path operator/(const std::string& file) const { return m_path / file; }

private:
    std::filesystem::path m_path;
};

} // namespace lw::test
