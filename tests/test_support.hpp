#pragma once
// Small helpers shared by the test suites.

#include "core/error.hpp"
#include "store/imports.hpp"

#include <gtest/gtest.h>

#include <functional>

namespace lw::test {

// The lw::Error that `f` throws; a test failure (and an internal error) if it throws none.
inline Error error_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const Error& e) {
        return e;
    }
    ADD_FAILURE() << "expected an lw::Error, none was thrown";
    return Error(ErrorKind::internal, "no error");
}

// A provenance row for records written by a test (inside the caller's transaction).
inline std::int64_t add_test_import(store::Database& db, const std::string& kind = "test") {
    store::ImportRecord r;
    r.kind = kind;
    r.source_file = "fixture";
    r.source_sha256 = "0";
    r.title = r.licence = r.attribution = "test";
    return store::insert_import(db, r);
}

} // namespace lw::test
