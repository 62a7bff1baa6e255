#include "import/stats/gv100ad.hpp"

#include "core/error.hpp"
#include "core/text.hpp"
#include "import/table/encoding.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace lw::import {

namespace {

// Record layout (Datensatzbeschreibung GV100AD, Satzart 60). Columns are 1-based and inclusive.
struct Field {
    std::size_t from;
    std::size_t to;
    std::string_view name;
};
constexpr Field record_type{1, 2, "Satzart"};
constexpr Field territorial_date{3, 10, "Gebietsstand"};
constexpr Field district_key{11, 15, "Kreis key"};
constexpr Field municipality_key{11, 18, "Regionalschlüssel"};
constexpr Field name_field{23, 72, "name"};
constexpr Field text_code{123, 124, "Textkennzeichen"};
constexpr Field area_ha{129, 139, "area in ha"};
constexpr Field population_total{140, 150, "population"};
constexpr Field population_male{151, 161, "male population"};
constexpr Field postcode{166, 170, "PLZ"};

bool all_digits(std::string_view text) {
    if (text.empty()) {
        return false;
    }
    for (const char c : text) {
        if (c < '0' || c > '9') {
            return false;
        }
    }
    return true;
}

// One line, addressable by character column.
class FixedRecord {
public:
    FixedRecord(std::string_view line, std::uint64_t line_no, const std::filesystem::path& file)
        : m_line(line), m_line_no(line_no), m_file(file) {
        for (std::size_t i = 0; i < line.size(); ++i) {
            if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) {
                m_offsets.push_back(i);
            }
        }
        m_offsets.push_back(line.size());
    }

    std::size_t length() const { return m_offsets.size() - 1; }

    // The field's text; throws when the record ends before the field does.
    std::string_view field(const Field& f) const {
        if (length() < f.to) {
            fail(length() + 1, ErrorKind::input_format,
                 fmt::format("the record ends at column {}, but its {} needs columns {}-{}: the "
                             "line is truncated",
                             length(), f.name, f.from, f.to),
                 std::string(trim(m_line)));
        }
        return slice(f);
    }

    // The field's text, or nullopt when the record is too short to hold it.
    std::optional<std::string_view> optional_field(const Field& f) const {
        return length() < f.to ? std::nullopt : std::optional<std::string_view>(slice(f));
    }

    // An unsigned number field (NOV): nullopt when blank.
    std::optional<std::int64_t> number(const Field& f) const {
        const std::string_view text = trim(field(f));
        if (text.empty()) {
            return std::nullopt;
        }
        if (!all_digits(text)) {
            fail(f.from, ErrorKind::input_value, fmt::format("{} must be digits", f.name),
                 std::string(text));
        }
        return *parse_integer(text);
    }

    [[noreturn]] void fail(std::size_t column, ErrorKind kind, std::string message,
                           std::string value) const {
        throw Error(kind, std::move(message),
                    {m_file.string(), m_line_no, column, std::move(value)});
    }

private:
    std::string_view slice(const Field& f) const {
        const std::size_t begin = m_offsets[f.from - 1];
        return m_line.substr(begin, m_offsets[f.to] - begin);
    }

    std::string_view m_line;
    std::uint64_t m_line_no;
    const std::filesystem::path& m_file;
    std::vector<std::size_t> m_offsets; // byte offset of each character, plus the end
};

std::string iso_from_yyyymmdd(const FixedRecord& record) {
    const std::string_view text = record.field(territorial_date);
    std::optional<ReferenceDate> date;
    if (all_digits(text)) {
        date = parse_reference_date(
            fmt::format("{}-{}-{}", text.substr(0, 4), text.substr(4, 2), text.substr(6, 2)));
    }
    if (!date) {
        record.fail(territorial_date.from, ErrorKind::input_value,
                    "the Gebietsstand must be a date written YYYYMMDD", std::string(text));
    }
    return date->iso;
}

store::PopulationValue population_value(const std::string& ags, const std::string& name,
                                        const ReferenceDate& date, store::Sex sex,
                                        StatValue value) {
    store::PopulationValue v;
    v.area_key = ags;
    v.area_name = name;
    v.year = date.year;
    v.reference_date = date.iso;
    v.sex = sex;
    v.value = value;
    v.source_table = "GV100AD";
    return v;
}

void read_municipality(const FixedRecord& record, const ReferenceDate& date, ParsedStats& out,
                       std::vector<std::string>& zero_inhabited) {
    const std::string ags(record.field(municipality_key));
    if (!all_digits(ags)) {
        record.fail(municipality_key.from, ErrorKind::input_value,
                    "the Regionalschlüssel of a Gemeinde must be 8 digits", ags);
    }
    const std::string name(trim(record.field(name_field)));
    const std::string code(trim(record.field(text_code)));
    const auto area = record.number(area_ha);
    const auto total = record.number(population_total);
    const auto male = record.number(population_male);

    StatValue total_value = StatValue::marked(ValueStatus::missing);
    StatValue male_value = total_value;
    StatValue female_value = total_value;
    if (total && *total == 0 && code != gv100ad_uninhabited_code) {
        zero_inhabited.push_back(fmt::format("{} ({})", name, ags));
    } else if (total) {
        total_value = StatValue::number(static_cast<double>(*total));
        if (male) {
            if (*male > *total) {
                record.fail(population_male.from, ErrorKind::input_value,
                            fmt::format("more males than inhabitants ({})", *total),
                            std::to_string(*male));
            }
            // GV100AD gives total and males; females are their difference, exactly.
            male_value = StatValue::number(static_cast<double>(*male));
            female_value = StatValue::number(static_cast<double>(*total - *male));
        }
    }
    out.population.push_back(population_value(ags, name, date, store::Sex::total, total_value));
    out.population.push_back(population_value(ags, name, date, store::Sex::male, male_value));
    out.population.push_back(population_value(ags, name, date, store::Sex::female, female_value));

    store::MunicipalityDirectoryEntry entry;
    entry.ags = ags;
    entry.name = name;
    if (area) {
        entry.area_km2 = static_cast<double>(*area) / 100.0;
    }
    if (const auto plz = record.optional_field(postcode)) {
        const std::string_view text = trim(*plz);
        if (!text.empty() && (text.size() != 5 || !all_digits(text))) {
            record.fail(postcode.from, ErrorKind::input_value, "a PLZ must be 5 digits",
                        std::string(text));
        }
        if (!text.empty()) {
            entry.postcode = std::string(text);
        }
    }
    out.directory.push_back(std::move(entry));
}

} // namespace

ParsedStats parse_gv100ad(const std::filesystem::path& file, const ReferenceDate& reference_date) {
    const DecodedText decoded = decode_text(read_file_bytes(file), file);
    ParsedStats out;
    out.format = StatsFormat::gv100ad;
    out.source_table = "GV100AD";
    out.encoding = decoded.encoding;
    std::vector<std::string> zero_inhabited;

    const std::string_view text = decoded.text;
    std::uint64_t line_no = 0;
    for (std::size_t start = 0; start < text.size();) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) {
            end = text.size();
        }
        std::string_view line = text.substr(start, end - start);
        start = end + 1;
        ++line_no;
        if (!line.empty() && line.back() == '\r') {
            line.remove_suffix(1);
        }
        if (trim(line).empty()) {
            continue;
        }
        const FixedRecord record(line, line_no, file);
        const std::string_view type = record.field(record_type);
        if (type != "10" && type != "20" && type != "30" && type != "40" && type != "50" &&
            type != "60") {
            record.fail(record_type.from, ErrorKind::input_format,
                        "unknown GV100AD record type (Satzart 10, 20, 30, 40, 50 or 60 expected)",
                        std::string(type));
        }
        const std::string date = iso_from_yyyymmdd(record);
        if (!out.territorial_date) {
            out.territorial_date = date;
        } else if (*out.territorial_date != date) {
            record.fail(territorial_date.from, ErrorKind::input_value,
                        fmt::format("the Gebietsstand differs from the first record's ({})",
                                    *out.territorial_date),
                        std::string(record.field(territorial_date)));
        }
        ++out.records;
        if (type == "40") {
            const std::string key(record.field(district_key));
            if (!all_digits(key)) {
                record.fail(district_key.from, ErrorKind::input_value,
                            "the key of a Kreis must be 5 digits", key);
            }
            out.districts.push_back({key, std::string(trim(record.field(name_field)))});
        } else if (type == "60") {
            read_municipality(record, reference_date, out, zero_inhabited);
        }
    }
    if (out.records == 0) {
        throw Error(ErrorKind::input_format, "the file is empty: no GV100AD records",
                    {file.string(), 1, 1, std::string(trim(text.substr(0, 80)))});
    }
    if (!zero_inhabited.empty()) {
        out.notes.push_back(fmt::format(
            "{} inhabited municipalities have population 0 in the file, which GV100AD uses for "
            "\"not given\"; stored as missing: {}",
            zero_inhabited.size(), fmt::join(zero_inhabited, ", ")));
    }
    collect_reference_dates(out);
    return out;
}

} // namespace lw::import
