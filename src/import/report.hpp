#pragma once
// Imports report with the stage report of core (core/report.hpp).

#include "core/report.hpp"

namespace lw::import {

using ImportReport = lw::Report;
using lw::group_thousands;
using lw::print_report;

} // namespace lw::import
