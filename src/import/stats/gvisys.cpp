#include "import/stats/gvisys.hpp"

#include "core/error.hpp"
#include "core/text.hpp"
#include "import/stats/gv100ad.hpp"
#include "import/table/csv.hpp"
#include "import/table/stat_cell.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <array>

namespace lw::import {

namespace {

constexpr NumberFormat count_format = german_space_format; // "19 412"
constexpr NumberFormat area_format{'.', ' '};              // " 73.75"
constexpr NumberFormat coordinate_format{',', '\0'};       // "9,980802"

// Germany's extent with a margin: a seat outside it means swapped or broken coordinates.
constexpr double min_lon = 5.0, max_lon = 16.0, min_lat = 47.0, max_lat = 56.0;

struct Columns {
    std::size_t satzart, textkennzeichen, land, rb, kreis, gemeinde, name, population, male, female;
    std::optional<std::size_t> area, postcode, lon, lat;
    std::size_t required_width = 0; // cells a Gemeinde row needs
};

Columns find_columns(const CsvFile& csv, const CsvRow& header) {
    const auto required = [&](std::string_view name) {
        const auto col = find_column(header, name);
        if (!col) {
            throw Error(ErrorKind::input_format,
                        fmt::format("the GV-ISys header has no column \"{}\"", name),
                        {csv.path().string(), header.line, 0, std::string(name)});
        }
        return *col;
    };
    Columns c{required("satzart"),
              required("textkennzeichen"),
              required("land"),
              required("rb"),
              required("kreis"),
              required("gemeinde"),
              required("gemeindename"),
              required("bevoelkerung"),
              required("maennlich"),
              required("weiblich"),
              find_column(header, "flaeche"),
              find_column(header, "postleitzahl"),
              find_column(header, "laengengrad"),
              find_column(header, "breitengrad"),
              0};
    for (const std::size_t col : {c.satzart, c.textkennzeichen, c.land, c.rb, c.kreis, c.gemeinde,
                                  c.name, c.population, c.male, c.female}) {
        c.required_width = std::max(c.required_width, col + 1);
    }
    return c;
}

// A key part of exactly `width` digits.
std::string key_part(const CsvFile& csv, const CsvRow& row, std::size_t col, std::size_t width,
                     std::string_view what) {
    const std::string_view text = trim(row.cell(col));
    bool ok = text.size() == width;
    for (const char c : text) {
        ok = ok && c >= '0' && c <= '9';
    }
    if (!ok) {
        csv.fail(row, col, ErrorKind::input_value,
                 fmt::format("the {} must be {} digits", what, width));
    }
    return std::string(text);
}

StatValue count_cell(const CsvFile& csv, const CsvRow& row, std::size_t col) {
    const auto value = parse_stat_cell(row.cell(col), count_format);
    if (!value) {
        csv.fail(row, col, ErrorKind::input_value,
                 "not a count (digits with spaces between thousands) or an official marker");
    }
    return *value;
}

std::optional<double> optional_number(const CsvFile& csv, const CsvRow& row,
                                      std::optional<std::size_t> col, NumberFormat format,
                                      std::string_view what) {
    if (!col || trim(row.cell(*col)).empty()) {
        return std::nullopt;
    }
    const auto value = parse_number(row.cell(*col), format);
    if (!value) {
        csv.fail(row, *col, ErrorKind::input_value, fmt::format("not a valid {}", what));
    }
    return value;
}

void read_municipality(const CsvFile& csv, const CsvRow& row, const Columns& c,
                       const ReferenceDate& date, ParsedStats& out,
                       std::vector<std::string>& zero_inhabited) {
    if (row.cells.size() < c.required_width) {
        csv.fail(row, row.cells.size(), ErrorKind::input_format,
                 fmt::format("the row has {} fields; a Gemeinde row needs at least {}",
                             row.cells.size(), c.required_width));
    }
    const std::string ags = key_part(csv, row, c.land, 2, "Land key") +
                            key_part(csv, row, c.rb, 1, "rb key") +
                            key_part(csv, row, c.kreis, 2, "Kreis key") +
                            key_part(csv, row, c.gemeinde, 3, "Gemeinde key");
    const std::string name(trim(row.cell(c.name)));
    const std::string_view code = trim(row.cell(c.textkennzeichen));

    std::array<StatValue, 3> values{count_cell(csv, row, c.population),
                                    count_cell(csv, row, c.male), count_cell(csv, row, c.female)};
    const bool zero = values[0].status == ValueStatus::ok && values[0].value == 0.0;
    if (zero && code != gv100ad_uninhabited_code) {
        zero_inhabited.push_back(fmt::format("{} ({})", name, ags));
        values.fill(StatValue::marked(ValueStatus::missing));
    }
    constexpr std::array<store::Sex, 3> sexes{store::Sex::total, store::Sex::male,
                                              store::Sex::female};
    for (std::size_t sex_idx = 0; sex_idx < sexes.size(); ++sex_idx) {
        store::PopulationValue v;
        v.area_key = ags;
        v.area_name = name;
        v.year = date.year;
        v.reference_date = date.iso;
        v.sex = sexes[sex_idx];
        v.value = values[sex_idx];
        v.source_table = "GV-ISys";
        out.population.push_back(std::move(v));
    }

    store::MunicipalityDirectoryEntry entry;
    entry.ags = ags;
    entry.name = name;
    entry.area_km2 = optional_number(csv, row, c.area, area_format, "area in km² (dot decimal)");
    const auto lon =
        optional_number(csv, row, c.lon, coordinate_format, "longitude (decimal comma)");
    const auto lat =
        optional_number(csv, row, c.lat, coordinate_format, "latitude (decimal comma)");
    // The extract writes 0 for areas without a seat (e.g. the German-Luxembourg condominium).
    if (lon && lat && !(*lon == 0.0 && *lat == 0.0)) {
        if (*lon < min_lon || *lon > max_lon) {
            csv.fail(row, *c.lon, ErrorKind::input_value, "the longitude lies outside Germany");
        }
        if (*lat < min_lat || *lat > max_lat) {
            csv.fail(row, *c.lat, ErrorKind::input_value, "the latitude lies outside Germany");
        }
        entry.seat_lonlat = geo::Point{*lon, *lat};
    }
    if (c.postcode) {
        std::string plz(trim(row.cell(*c.postcode)));
        if (plz.size() == 4) {
            plz.insert(0, "0"); // Excel drops the leading zero of PLZ 0xxxx
        }
        bool ok = plz.empty() || plz.size() == 5;
        for (const char ch : plz) {
            ok = ok && ch >= '0' && ch <= '9';
        }
        if (!ok) {
            csv.fail(row, *c.postcode, ErrorKind::input_value, "a Postleitzahl must be 5 digits");
        }
        if (!plz.empty()) {
            entry.postcode = std::move(plz);
        }
    }
    out.directory.push_back(std::move(entry));
}

} // namespace

ParsedStats parse_gvisys(const std::filesystem::path& file, const ReferenceDate& reference_date) {
    const CsvFile csv = CsvFile::read(file);
    const auto& rows = csv.rows();
    if (rows.empty()) {
        throw Error(ErrorKind::input_format, "the file is empty",
                    {file.string(), 1, 1, std::string()});
    }
    ParsedStats out;
    out.format = StatsFormat::gvisys;
    out.source_table = "GV-ISys";
    out.encoding = csv.encoding();
    const Columns columns = find_columns(csv, rows.front());
    std::vector<std::string> zero_inhabited;

    for (std::size_t row_idx = 1; row_idx < rows.size(); ++row_idx) {
        const CsvRow& row = rows[row_idx];
        if (row.blank()) {
            continue;
        }
        if (row.cells.size() > rows.front().cells.size()) {
            // Usually an unquoted comma in a name, which shifts every later field.
            csv.fail(row, rows.front().cells.size(), ErrorKind::input_format,
                     fmt::format("the row has {} fields; the header has {}", row.cells.size(),
                                 rows.front().cells.size()));
        }
        const std::string_view satzart = trim(row.cell(columns.satzart));
        ++out.records;
        if (satzart == "40") {
            const std::string key = key_part(csv, row, columns.land, 2, "Land key") +
                                    key_part(csv, row, columns.rb, 1, "rb key") +
                                    key_part(csv, row, columns.kreis, 2, "Kreis key");
            out.districts.push_back({key, std::string(trim(row.cell(columns.name)))});
        } else if (satzart == "60") {
            read_municipality(csv, row, columns, reference_date, out, zero_inhabited);
        } else if (satzart != "10" && satzart != "20" && satzart != "30" && satzart != "50") {
            csv.fail(row, columns.satzart, ErrorKind::input_value,
                     "unknown satzart (10, 20, 30, 40, 50 or 60 expected)");
        }
    }
    if (out.records == 0) {
        throw Error(ErrorKind::input_format, "the file has a header but no rows",
                    {file.string(), rows.front().line, 1, std::string(rows.front().cell(0))});
    }
    if (!zero_inhabited.empty()) {
        out.notes.push_back(fmt::format(
            "{} municipalities have population 0 without Textkennzeichen 66 (uninhabited); "
            "stored as missing: {}",
            zero_inhabited.size(), fmt::join(zero_inhabited, ", ")));
    }
    collect_reference_dates(out);
    return out;
}

} // namespace lw::import
