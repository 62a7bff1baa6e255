#include "import/table/csv.hpp"

#include "stats_test_support.hpp"

#include <gtest/gtest.h>

namespace lw::import {
namespace {

using lw::test::catch_error;
using lw::test::expect_location;

CsvFile parse(std::string_view bytes, std::optional<char> delimiter = std::nullopt) {
    return CsvFile::parse(bytes, "inline.csv", delimiter);
}

TEST(CsvFile, DetectsSemicolonAndComma) {
    EXPECT_EQ(parse("a;b;c\n1;2;3\n").delimiter(), ';');
    EXPECT_EQ(parse("a,b,c\n1,2,3\n").delimiter(), ',');
    // Commas inside quotes do not count: INKAR writes "2.965,50" in a comma-separated file.
    EXPECT_EQ(parse("\"x,y\";\"1,5\";\"2,5\"\n").delimiter(), ';');
    EXPECT_EQ(parse("a,\"1;2;3;4\"\n").delimiter(), ',');
    // GENESIS title lines mix both; the table decides.
    EXPECT_EQ(parse("Sterbetafel: Deutschland, Jahre,;;;;\n;x;y;z\n").delimiter(), ';');
}

TEST(CsvFile, DelimiterCanBeGiven) {
    const CsvFile csv = parse("a;b,c\n", ',');
    EXPECT_EQ(csv.delimiter(), ',');
    ASSERT_EQ(csv.rows().size(), 1u);
    EXPECT_EQ(csv.rows()[0].cells, (std::vector<std::string>{"a;b", "c"}));
    catch_error([] { parse("a\n", '"'); }, ErrorKind::usage);
}

TEST(CsvFile, QuotedFieldsWithEscapesAndLineBreaks) {
    const CsvFile csv =
        parse("name;note\r\n\"Eschwege, Kreisstadt\";\"sagt \"\"hallo\"\"\r\nzweite Zeile\"\r\n"
              "plain;\"\"\r\n");
    ASSERT_EQ(csv.rows().size(), 3u);
    const CsvRow& row = csv.rows()[1];
    EXPECT_EQ(row.line, 2u);
    EXPECT_EQ(row.cells[0], "Eschwege, Kreisstadt");
    EXPECT_EQ(row.cells[1], "sagt \"hallo\"\nzweite Zeile"); // CRLF inside quotes becomes \n
    EXPECT_TRUE(row.is_quoted(0));
    EXPECT_EQ(csv.rows()[2].line, 4u); // the embedded line break counts
    EXPECT_FALSE(csv.rows()[2].is_quoted(0));
    EXPECT_TRUE(csv.rows()[2].is_quoted(1));
    EXPECT_EQ(csv.rows()[2].cells[1], "");
}

TEST(CsvFile, RowsOfDifferentWidthAndBlankLines) {
    const CsvFile csv = parse("Titel\n\n;;;\na;b;c\nFuß\n");
    ASSERT_EQ(csv.rows().size(), 4u); // the empty line is no row, ";;;" is a blank row
    EXPECT_EQ(csv.rows()[0].cells.size(), 1u);
    EXPECT_TRUE(csv.rows()[1].blank());
    EXPECT_EQ(csv.rows()[1].line, 3u);
    EXPECT_EQ(csv.rows()[2].cells.size(), 3u);
    EXPECT_EQ(csv.rows()[2].cell(7), ""); // beyond the row: empty, no crash
    EXPECT_EQ(csv.rows()[3].line, 5u);
}

TEST(CsvFile, LastLineWithoutNewline) {
    const CsvFile csv = parse("a,b\n1,2");
    ASSERT_EQ(csv.rows().size(), 2u);
    EXPECT_EQ(csv.rows()[1].cells[1], "2");
}

TEST(CsvFile, EncodingsBecomeUtf8) {
    const CsvFile bom = parse("\xEF\xBB\xBFkrs;name\n6636;Werra-Mei\xC3\x9Fner-Kreis\n");
    EXPECT_EQ(bom.encoding(), Encoding::utf8_bom);
    EXPECT_EQ(bom.rows()[0].cells[0], "krs"); // no BOM in the first cell
    EXPECT_EQ(bom.rows()[1].cells[1], "Werra-Mei\xC3\x9Fner-Kreis");

    const CsvFile utf8 = parse("name\nMei\xC3\x9Fner\n");
    EXPECT_EQ(utf8.encoding(), Encoding::utf8);
    EXPECT_EQ(utf8.rows()[1].cells[0], "Mei\xC3\x9Fner");

    const CsvFile latin1 = parse("name;wert\nMei\xDFner;\x96\nGr\xFC\xDF"
                                 "e;\x85\n");
    EXPECT_EQ(latin1.encoding(), Encoding::latin1);
    EXPECT_EQ(latin1.rows()[1].cells[0], "Mei\xC3\x9Fner");
    EXPECT_EQ(latin1.rows()[1].cells[1], "\xE2\x80\x93"); // Windows-1252 en dash
    EXPECT_EQ(latin1.rows()[2].cells[0], "Gr\xC3\xBC\xC3\x9F"
                                         "e");
    EXPECT_EQ(latin1.rows()[2].cells[1], "\xE2\x80\xA6"); // Windows-1252 ellipsis
}

TEST(CsvFile, BrokenQuotesNameLineAndField) {
    auto e = catch_error([] { parse("a;b\n1;\"offen\n2;3\n"); }, ErrorKind::input_format);
    expect_location(e, "inline.csv", 2, 2, "offen\n2;3\n");
    e = catch_error([] { parse("a;b\n1;\"zu\"x;3\n"); }, ErrorKind::input_format);
    expect_location(e, "inline.csv", 2, 2, "zu");
}

TEST(CsvFile, WrongEncodingBytesAreReported) {
    // A BOM promises UTF-8; a Latin-1 byte after it is an error at its line and character.
    auto e =
        catch_error([] { parse("\xEF\xBB\xBFname\nM\xC3\xBC\xDFner\n"); }, ErrorKind::input_format);
    expect_location(e, "inline.csv", 2, 3, "\\xDF");
    e = catch_error([] { parse("\xFF\xFEn\0a\0m\0e\0"); }, ErrorKind::input_format);
    expect_location(e, "inline.csv", 1, 1, "\\xFF\\xFE");
    e = catch_error([] { parse(std::string_view("a;b\n1;\0\n", 8)); }, ErrorKind::input_format);
    expect_location(e, "inline.csv", 2, 3, "\\x00");
}

TEST(CsvFile, FailNamesFileLineFieldAndValue) {
    const CsvFile csv = parse("a;b\n1;zwei\n");
    auto e =
        catch_error([&] { csv.fail(csv.rows()[1], 1, ErrorKind::input_value, "not a number"); },
                    ErrorKind::input_value);
    expect_location(e, "inline.csv", 2, 2, "zwei");
    EXPECT_NE(std::string(e->what()).find("inline.csv:2:2: not a number (value: \"zwei\")"),
              std::string::npos);
    e = catch_error([&] { csv.fail(csv.rows()[1], 5, ErrorKind::input_format, "missing"); },
                    ErrorKind::input_format);
    expect_location(e, "inline.csv", 2, 6, std::nullopt);
}

TEST(CsvFile, MissingFileIsNotFound) {
    catch_error([] { CsvFile::read(lw::test::data_dir() / "stats" / "no-such-file.csv"); },
                ErrorKind::not_found);
}

TEST(CsvFile, FindColumnIgnoresCaseAndSpace) {
    const CsvFile csv = parse("\"Krs\", Raumeinheit ,x\n");
    EXPECT_EQ(find_column(csv.rows()[0], "krs"), 0u);
    EXPECT_EQ(find_column(csv.rows()[0], "raumeinheit"), 1u);
    EXPECT_FALSE(find_column(csv.rows()[0], "aggregat").has_value());
}

} // namespace
} // namespace lw::import
