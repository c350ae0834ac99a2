// Stemming and query translation, table-driven: what a researcher types,
// and the FTS5 expression it must become.
#include "search/search_text.h"

#include <gtest/gtest.h>

#include <random>

namespace motiearchief::search {
namespace {

TEST(StemWordTest, DutchFormsMeet) {
  const std::pair<const char*, const char*> same[] = {
      {"woning", "woningen"},  {"gemeente", "gemeenten"}, {"huur", "huren"},
      {"bestuur", "besturen"}, {"verzoek", "verzoeken"},  {"overweging", "overwegingen"},
      {"middel", "middelen"},
  };
  for (const auto& [a, b] : same) EXPECT_EQ(StemWord(a), StemWord(b)) << a << " / " << b;
  EXPECT_NE(StemWord("woning"), StemWord("wonder"));
  // A limit of Snowball Dutch: a plural -s after a vowel stays (ParseQuery
  // looks for both forms).
  EXPECT_NE(StemWord("motie"), StemWord("moties"));
}

TEST(SearchTextTest, FoldsDiacriticsAndStems) {
  EXPECT_EQ(SearchText("Súdwest-Fryslân"), "sudwest fryslan");
  EXPECT_EQ(SearchText("Meer WONINGEN!"), SearchText("meer woning"));
}

struct QueryRow {
  const char* input;
  const char* fts;  // nullptr: no words, an error
};

TEST(ParseQueryTest, Table) {
  const QueryRow rows[] = {
      {"woningen", "\"woning\""},
      {"woning bouwen", "(\"woning\" AND \"bouw\")"},
      {"Súdwest-Fryslân", "\"sudwest fryslan\""},
      {"sudwest fryslan", "(\"sudwest\" AND \"fryslan\")"},
      {"\"meer woningen bouwen\"", "\"mer woning bouw\""},
      {"woning*", "\"woning\"*"},
      {"woning OR huis", "(\"woning\" OR \"huis\")"},
      {"woning NOT huren", "(\"woning\" NOT \"hur\")"},
      {"(woning OR huis) AND bouwen", "(((\"woning\" OR \"huis\")) AND \"bouw\")"},
      // Input that is not meant as syntax never breaks the query.
      {"woning AND", "\"woning\""},
      {"AND woning", "\"woning\""},
      {"NOT woning", nullptr},
      {"woning OR", "\"woning\""},
      {"woning ((", "\"woning\""},
      {"woning ) (", "\"woning\""},
      // Snowball keeps a plural -s after a vowel; a word stands for both.
      {"motie", "(\"motie\" OR \"moties\")"},
      {"Moties", "(\"moties\" OR \"motie\")"},
      {"subsidies", "(\"subsidies\" OR \"subsidie\")"},
      {"organisatie", "(\"organisatie\" OR \"organisaties\")"},
      {"\"motie van\"", "(\"motie van\" OR \"moties van\")"},
      {"motie NOT subsidie", "((\"motie\" OR \"moties\") NOT (\"subsidie\" OR \"subsidies\"))"},
      // Phrases: at most four alternatives, else the words as typed.
      {"\"motie subsidie\"",
       "(\"motie subsidie\" OR \"motie subsidies\" OR \"moties subsidie\" OR "
       "\"moties subsidies\")"},
      {"\"motie subsidie organisatie\"", "\"motie subsidie organisatie\""},
      {"motie*", "\"motie\"*"},  // prefixes are not stemmed
      {"knie", "(\"knie\" OR \"knies\")"},
      {"die", "\"die\""},  // too short to be a plural stem
      {"\"open zinsdeel", "\"open zinsdel\""},
      {"or and not", "((\"or\" AND \"and\") AND \"not\")"},
      {"col:umn^ -x +y", "((\"col umn\" AND \"x\") AND \"y\")"},
      {"\"\"", nullptr},
      {"*", nullptr},
      {"()", nullptr},
      {"   ", nullptr},
  };
  for (const QueryRow& row : rows) {
    auto q = ParseQuery(row.input);
    if (row.fts == nullptr) {
      EXPECT_FALSE(q.ok()) << row.input << " gave " << q->fts;
      continue;
    }
    ASSERT_TRUE(q.ok()) << row.input << ": " << q.status().ToString();
    EXPECT_EQ(q->fts, row.fts) << row.input;
  }
}

// The same queries for PostgreSQL: the words folded, not stemmed (the
// server's `dutch` configuration stems them as it stemmed the documents).
TEST(ParseQueryTest, TsQueryTable) {
  struct Row {
    const char* input;
    const char* column;
    const char* tsquery;
  };
  const Row rows[] = {
      {"woningen", "", "'woningen'"},
      {"woning bouwen", "", "('woning' & 'bouwen')"},
      {"Súdwest-Fryslân", "", "('sudwest' <-> 'fryslan')"},
      {"\"meer woningen bouwen\"", "", "('meer' <-> 'woningen' <-> 'bouwen')"},
      {"woning*", "", "'woning':*"},
      {"woning OR huis", "", "('woning' | 'huis')"},
      {"woning NOT huren", "", "('woning' & !'huren')"},
      {"(woning OR huis) AND bouwen", "", "((('woning' | 'huis')) & 'bouwen')"},
      {"motie", "", "('motie' | 'moties')"},
      {"subsidies", "", "('subsidies' | 'subsidie')"},
      {"woning", "verzoeken", "'woning':D"},
      {"woning*", "titel", "'woning':*A"},
      {"kabinet OR rijk", "overwegingen", "('kabinet':C | 'rijk':C)"},
      {"col:umn^ -x +y", "", "((('col' <-> 'umn') & 'x') & 'y')"},
  };
  for (const Row& row : rows) {
    auto q = ParseQuery(row.input, row.column);
    ASSERT_TRUE(q.ok()) << row.input;
    EXPECT_EQ(q->tsquery, row.tsquery) << row.input;
  }
}

TEST(ParseQueryTest, ColumnLimitsTheWholeExpression) {
  auto q = ParseQuery("kabinet OR rijk", "verzoeken");
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(q->fts, "verzoeken : ((\"kabinet\" OR \"rijk\"))");
}

TEST(ParseQueryTest, QueryHitsStemsAndPrefixes) {
  auto q = ParseQuery("woningen bouw*");
  ASSERT_TRUE(q.ok());
  EXPECT_TRUE(QueryHits(*q, "woning"));
  EXPECT_TRUE(QueryHits(*q, "bouwstenen"));
  EXPECT_FALSE(QueryHits(*q, "huis"));
  auto plural = ParseQuery("motie");
  ASSERT_TRUE(plural.ok());
  EXPECT_TRUE(QueryHits(*plural, "moties"));
  EXPECT_TRUE(QueryHits(*plural, "motie"));
}

TEST(SnippetTest, MarksTheMatchedWordsAroundTheFirstHit) {
  auto q = ParseQuery("woning");
  ASSERT_TRUE(q.ok());
  Snippet s = MakeSnippet(*q, "De VNG vraagt het kabinet om meer woningen te bouwen in 2024.", 3);
  EXPECT_EQ(s.ToString(), "… kabinet om meer [woningen] te bouwen in …");
  EXPECT_TRUE(s.cut_before && s.cut_after);
  EXPECT_TRUE(MakeSnippet(*q, "Geen treffer hier.", 3).empty());
}

TEST(HitSpansTest, MarksWholeWordsAndKeepsTheLayout) {
  const struct {
    const char* query;
    const char* text;
    std::vector<std::string> marked;
  } cases[] = {
      {"woning", "Meer woningen,\nen een woning.", {"woningen,", "woning."}},
      {"woning*", "woningbouw en\twoonwijk", {"woningbouw"}},
      {"sudwest fryslan", "Súdwest-Fryslân  en Losser", {"Súdwest-Fryslân"}},
      {"\"meer woningen\"", "meer woningen", {"meer", "woningen"}},
      {"kabinet", "geen treffer hier", {}},
      {"subsidie", "  subsidies\n", {"subsidies"}},
  };
  for (const auto& c : cases) {
    auto q = ParseQuery(c.query);
    ASSERT_TRUE(q.ok()) << c.query;
    const std::string text = c.text;
    std::vector<std::string> marked;
    for (const auto& [begin, end] : HitSpans(*q, text)) {
      ASSERT_LT(begin, end);
      ASSERT_LE(end, text.size());
      marked.push_back(text.substr(begin, end - begin));
    }
    EXPECT_EQ(marked, c.marked) << c.query << " in " << c.text;
  }
}

TEST(ParseQueryTest, RandomInputNeverFailsExceptForNoWords) {
  std::mt19937 rng(7);
  const std::string alphabet = "abcéû \"()*:^-+ORANDNOT\\'{}[],.;!?\t\n0123456789";
  for (int i = 0; i < 20000; ++i) {
    std::string s;
    int n = static_cast<int>(rng() % 30);
    for (int k = 0; k < n; ++k) s += alphabet[rng() % alphabet.size()];
    auto q = ParseQuery(s);
    if (!q.ok()) {
      EXPECT_EQ(q.status().code(), Status::Code::kInvalidArgument) << s;
    } else {
      EXPECT_FALSE(q->fts.empty()) << s;
    }
  }
}

}  // namespace
}  // namespace motiearchief::search
