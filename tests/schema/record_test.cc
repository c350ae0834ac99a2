// Records read back from JSON: the round trip, and wrong types as errors
// that name the record and the field, never as exceptions.
#include "schema/record.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <utility>

namespace motiearchief::schema {
namespace {

TEST(RecordFromJsonTest, RoundTrip) {
  Record r;
  r.id = "3f2a9c0d1e4b5a67";
  r.soort = kMotie;
  r.titel = "Herstel financiële verhouding";
  r.indieners = {"Enschede"};
  r.verzoeken = {{"verzoekt", "het bestuur te lobbyen;", 2, "request.verzoekt"}};
  r.ondertekenaars = {{"R. Welten", std::string("burgemeester"), std::nullopt}};
  r.bron = {"x.pdf", "abc", 1, 2, true};
  auto back = RecordFromJson(ToJson(r, true));
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(ToJson(*back, true), ToJson(r, true));
}

TEST(RecordFromJsonTest, WrongTypesAreErrorsNamingRecordAndField) {
  // {JSON, words the error must hold}
  const std::pair<const char*, const char*> rows[] = {
      {R"({"id": "abc", "titel": 12})", "record abc: field \"titel\" should be text, not number"},
      {R"({"id": "abc", "indieners": "Zeist"})", "field \"indieners\" should be a list"},
      {R"({"id": "abc", "indieners": ["Zeist", 3]})",
       "field \"indieners\" should be a list of text"},
      {R"({"id": "abc", "verzoeken": [1]})", "field \"verzoeken\" should be a list of objects"},
      {R"({"id": "abc", "bron": {"pagina_van": "1"}})",
       "field \"pagina_van\" should be a whole number"},
      {R"({"id": "abc", "bron": {"ocr": "ja"}})", "field \"ocr\" should be true or false"},
      {R"({"id": "abc", "preadvies": "overnemen"})", "field \"preadvies\" should be an object"},
      {R"({"id": 7})", "record without id: field \"id\" should be text"},
      {R"([1, 2])", "should be a JSON object, not array"},
  };
  for (const auto& [json, words] : rows) {
    auto r = RecordFromJson(nlohmann::ordered_json::parse(json));
    ASSERT_FALSE(r.ok()) << json;
    EXPECT_EQ(r.status().code(), Status::Code::kCorruption) << json;
    EXPECT_NE(r.status().message().find(words), std::string::npos) << r.status().message();
  }
  auto broken = RecordFromJson(nlohmann::ordered_json::parse("{broken", nullptr, false));
  EXPECT_NE(broken.status().message().find("broken JSON"), std::string::npos);
  // Null is "not stated", not a wrong type.
  EXPECT_TRUE(RecordFromJson(nlohmann::ordered_json::parse(R"({"id": "a", "titel": null})")).ok());
}

}  // namespace
}  // namespace motiearchief::schema
