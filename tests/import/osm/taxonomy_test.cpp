// The facility taxonomy, one declarative case per line: tags -> exact categories. Every category
// needs a positive case and a near miss (a case with one of its rule keys that must not match).

#include "import/osm/osm_test_util.hpp"

#include "import/osm/taxonomy.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

namespace {

using lw::import::osm::classify;
using lw::import::osm::facility_categories;
using TagVector = std::vector<std::pair<std::string, std::string>>;

struct Case {
    TagVector tags;
    std::set<std::string> expected;
};

const std::vector<Case>& cases() {
    static const std::vector<Case> list{
        // Nahversorgung
        {{{"shop", "supermarket"}, {"name", "Edeka Sperber"}}, {"supermarket"}},
        {{{"shop", "supermarket"}, {"brand", "Kaufland"}, {"name", "Lidl-Kaufland"}},
         {"supermarket"}},
        {{{"shop", "supermarket"}, {"brand", "ALDI SÜD"}}, {"discounter"}},
        {{{"shop", "supermarket"}, {"name", "Netto Marken-Discount"}}, {"discounter"}},
        {{{"shop", "supermarket"}, {"name", "Penny-Markt"}}, {"discounter"}},
        {{{"shop", "supermarket"}, {"name", "Normannen-Markt"}}, {"supermarket"}},
        {{{"shop", "convenience"}}, {"convenience"}},
        {{{"shop", "general"}, {"name", "Kramerladen"}}, {"convenience"}},
        {{{"shop", "farm"}, {"name", "Dorfladen Heuchling"}}, {"farm_shop", "convenience"}},
        {{{"shop", "supermarket"}, {"name", "Dorfladen Ottensoos"}}, {"supermarket"}},
        {{{"shop", "kiosk"}}, {}},
        {{{"shop", "bakery"}}, {"bakery"}},
        {{{"shop", "pastry"}}, {}},
        {{{"shop", "butcher"}}, {"butcher"}},
        {{{"shop", "deli"}}, {}},
        {{{"shop", "farm"}}, {"farm_shop"}},
        {{{"amenity", "marketplace"}}, {"weekly_market"}},
        {{{"amenity", "vending_machine"}, {"shop", "no"}}, {}},
        {{{"disused:shop", "bakery"}}, {}},
        // Gesundheit
        {{{"amenity", "doctors"}}, {"doctor"}},
        {{{"healthcare", "doctor"}, {"healthcare:speciality", "general;internal"}}, {"doctor"}},
        {{{"amenity", "doctors"}, {"healthcare:speciality", "ophthalmology"}},
         {"doctor_specialist"}},
        {{{"amenity", "doctors"},
          {"healthcare", "doctor"},
          {"healthcare:speciality", "paediatrics"}},
         {"doctor_specialist"}},
        {{{"amenity", "doctors"}, {"healthcare", "alternative"}}, {}},
        {{{"amenity", "doctors"}, {"healthcare:speciality", "dentistry"}}, {"dentist"}},
        {{{"amenity", "doctors"}, {"healthcare", "dentist"}}, {"dentist"}},
        {{{"amenity", "dentist"}}, {"dentist"}},
        {{{"healthcare", "dentist"}}, {"dentist"}},
        {{{"healthcare", "physiotherapist"}}, {}},
        {{{"amenity", "pharmacy"}}, {"pharmacy"}},
        {{{"healthcare", "pharmacy"}}, {"pharmacy"}},
        {{{"shop", "chemist"}}, {}},
        {{{"amenity", "hospital"}}, {"hospital"}},
        {{{"amenity", "clinic"}}, {}},
        // Bildung
        {{{"amenity", "kindergarten"}}, {"kita"}},
        {{{"amenity", "childcare"}}, {"kita"}},
        {{{"amenity", "school"}, {"name", "Grundschule Heuchling"}}, {"primary_school"}},
        {{{"amenity", "school"}, {"name", "Grund- und Mittelschule Rückersdorf"}},
         {"primary_school", "secondary_school"}},
        {{{"amenity", "school"}, {"name", "Grund-/Mittelschule"}},
         {"primary_school", "secondary_school"}},
        {{{"amenity", "school"}, {"school:de", "Realschule"}, {"name", "Schule Nord"}},
         {"secondary_school"}},
        {{{"amenity", "school"}, {"name", "Christoph-Jacob-Treu-Gymnasium"}}, {"secondary_school"}},
        {{{"amenity", "school"}, {"name", "Staatliche Fachoberschule"}}, {"vocational_school"}},
        {{{"amenity", "school"}, {"name", "Berufsschule Lauf"}}, {"vocational_school"}},
        {{{"amenity", "school"}, {"grades", "1-4"}}, {"primary_school"}},
        {{{"amenity", "school"}, {"grades", "5-10"}}, {"secondary_school"}},
        {{{"amenity", "school"}, {"grades", "1-6"}}, {"primary_school"}},
        {{{"amenity", "school"}, {"isced:level", "1;2"}}, {"primary_school", "secondary_school"}},
        {{{"amenity", "school"}, {"isced:level", "1"}, {"name", "Gymnasium-Vorschule"}},
         {"primary_school"}},
        {{{"amenity", "school"}, {"name", "Montessori-Schule"}}, {"school_unspecified"}},
        {{{"amenity", "school"}}, {"school_unspecified"}},
        {{{"amenity", "music_school"}}, {}},
        {{{"amenity", "library"}}, {"library"}},
        {{{"amenity", "public_bookcase"}}, {}},
        // Soziales
        {{{"amenity", "community_centre"}}, {"community_centre"}},
        {{{"amenity", "social_centre"}}, {}},
        {{{"amenity", "nursing_home"}}, {"nursing_home"}},
        {{{"amenity", "social_facility"}, {"social_facility", "nursing_home"}}, {"nursing_home"}},
        {{{"amenity", "social_facility"}, {"social_facility", "group_home"}}, {}},
        // Mobilität
        {{{"highway", "bus_stop"}}, {"bus_stop"}},
        {{{"public_transport", "platform"}, {"bus", "yes"}}, {"bus_stop"}},
        {{{"highway", "bus_stop"}, {"public_transport", "platform"}, {"bus", "yes"}}, {"bus_stop"}},
        {{{"public_transport", "stop_position"}, {"bus", "yes"}}, {}},
        {{{"public_transport", "platform"}, {"tram", "yes"}}, {}},
        {{{"highway", "residential"}}, {}},
        {{{"railway", "station"}}, {"railway_station"}},
        {{{"railway", "halt"}}, {"railway_station"}},
        {{{"railway", "station"}, {"station", "subway"}}, {}},
        {{{"railway", "station"}, {"station", "light_rail"}, {"train", "yes"}},
         {"railway_station"}},
        {{{"railway", "tram_stop"}}, {}},
        // Dienstleistungen, Sicherheit
        {{{"amenity", "post_office"}}, {"post_office"}},
        {{{"shop", "convenience"}, {"post_office", "post_partner"}},
         {"convenience", "post_office"}},
        {{{"amenity", "post_box"}}, {}},
        {{{"amenity", "bank"}, {"atm", "yes"}}, {"bank", "atm"}},
        {{{"amenity", "bank"}, {"atm", "no"}}, {"bank"}},
        {{{"amenity", "atm"}}, {"atm"}},
        {{{"amenity", "bureau_de_change"}}, {}},
        {{{"amenity", "fire_station"}}, {"fire_station"}},
        {{{"amenity", "police"}}, {}},
    };
    return list;
}

std::string describe(const TagVector& tags) {
    std::string out;
    for (const auto& [k, v] : tags) {
        out += k + "=" + v + " ";
    }
    return out;
}

TEST(Taxonomy, ClassifiesEachCaseExactly) {
    for (const auto& c : cases()) {
        const lw::test::Tags tags(c.tags);
        std::set<std::string> got;
        for (const auto id : classify(tags)) {
            got.insert(std::string(id));
        }
        EXPECT_EQ(got, c.expected) << describe(c.tags);
    }
}

TEST(Taxonomy, EveryCategoryHasPositiveAndNearMissCases) {
    for (const auto& category : facility_categories()) {
        const std::string id(category.id);
        bool positive = false, near_miss = false;
        for (const auto& c : cases()) {
            if (c.expected.count(id) > 0) {
                positive = true;
                continue;
            }
            for (const auto& rule : category.rules) {
                if (rule.key.empty()) {
                    continue;
                }
                near_miss |= std::any_of(c.tags.begin(), c.tags.end(),
                                         [&](const auto& tag) { return tag.first == rule.key; });
            }
        }
        EXPECT_TRUE(positive) << id << " has no positive case";
        EXPECT_TRUE(near_miss) << id << " has no near-miss case";
    }
}

TEST(Taxonomy, CategoryIdsAreUniqueAndLabelled) {
    std::set<std::string_view> ids;
    for (const auto& category : facility_categories()) {
        EXPECT_TRUE(ids.insert(category.id).second) << category.id;
        EXPECT_FALSE(category.label_de.empty());
        EXPECT_FALSE(category.label_en.empty());
        EXPECT_FALSE(category.group.empty());
        EXPECT_FALSE(category.rules[0].key.empty());
        EXPECT_EQ(category.refinement == lw::import::osm::Refinement::none,
                  category.refinement_text.empty())
            << category.id << ": a refinement needs its documentation text";
        EXPECT_EQ(lw::import::osm::find_category(category.id), &category);
    }
    EXPECT_EQ(lw::import::osm::find_category("casino"), nullptr);
}

TEST(Taxonomy, DiscountChainsMatchTheFirstWordOnly) {
    using lw::import::osm::is_discount_chain;
    EXPECT_TRUE(is_discount_chain("Aldi Nord"));
    EXPECT_TRUE(is_discount_chain("LIDL"));
    EXPECT_TRUE(is_discount_chain("Netto"));
    EXPECT_TRUE(is_discount_chain("NORMA"));
    EXPECT_TRUE(is_discount_chain("Treff 3000"));
    EXPECT_TRUE(is_discount_chain("NP-Markt"));
    EXPECT_FALSE(is_discount_chain("Kaufland"));
    EXPECT_FALSE(is_discount_chain("Edeka Netto-Center")); // first word decides
    EXPECT_FALSE(is_discount_chain("Normannen"));
    EXPECT_FALSE(is_discount_chain(""));
}

TEST(Taxonomy, SchoolWordsHandleCompoundsAndVocationalSchools) {
    using lw::import::osm::school_levels_from_text;
    const auto both = school_levels_from_text("Grund- und Hauptschule");
    EXPECT_TRUE(both.primary);
    EXPECT_TRUE(both.secondary);
    const auto fos = school_levels_from_text("Fachoberschule");
    EXPECT_TRUE(fos.vocational);
    EXPECT_FALSE(fos.secondary) << "Fachoberschule ends in -oberschule but is vocational";
    const auto rs = school_levels_from_text("Staatliche Realschule Lauf");
    EXPECT_FALSE(rs.primary);
    EXPECT_TRUE(rs.secondary);
    EXPECT_FALSE(school_levels_from_text("Grundstücksverwaltung").primary);
    EXPECT_FALSE(school_levels_from_text("Volksschule").any());
}

} // namespace
