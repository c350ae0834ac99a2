// Text for searching: Dutch stemming and the translation of a researcher's
// query into a safe FTS5 expression.
//
// The archive's search index (table search_fts) holds stemmed text made by
// SearchText(): case folded, diacritics removed, every word reduced to its
// Snowball Dutch stem ("woningen" -> "woning", "gemeenten" -> "gemeent").
// Queries are stemmed the same way by ParseQuery(), so "woning" finds
// "woningen". The stems are plain words: the stock sqlite3 tool can search
// the index too (`... WHERE search_fts MATCH 'woning'`).
//
// Thread safety: SearchText and ParseQuery may be called from any thread
// (one stemmer per thread).
#ifndef MOTIEARCHIEF_SEARCH_SEARCH_TEXT_H_
#define MOTIEARCHIEF_SEARCH_SEARCH_TEXT_H_

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace motiearchief::search {

// The Snowball Dutch stem of one folded word.
std::string StemWord(std::string_view folded_word);

// Folds and stems every word of `text`, joined by single spaces.
std::string SearchText(std::string_view text);

struct ParsedQuery {
  // FTS5 MATCH expression over stemmed columns; every term is quoted, so
  // it is always valid FTS5 syntax. Empty when the query has no words.
  std::string fts;
  // The same for PostgreSQL, as to_tsquery('motiearchief', ...) reads it:
  // the words folded but not stemmed (the server stems them as it stemmed
  // the documents), `column` as a weight label ('woning':D).
  std::string tsquery;
  // Stems and prefixes the query looks for, to mark them in a snippet.
  std::set<std::string> stems;
  std::vector<std::string> prefixes;
};

// Translates a query as a researcher types it. Supported, as in --help:
//   words            all must occur (woning bouwen)
//   "a phrase"       these words in this order
//   woning*          words that start with "woning" (not stemmed)
//   a OR b, NOT a    either; without (NOT needs a term before it: a NOT b)
//   ( ... )          grouping
// Anything else is text: punctuation splits words, a dangling operator or
// bracket is dropped, so no input is a syntax error. `column`, when not
// empty, limits the match to one column of search_fts ("verzoeken").
// kInvalidArgument when the query has no words at all.
Result<ParsedQuery> ParseQuery(std::string_view query, const std::string& column = "");

// True when `word` (folded) is what the query looks for: its stem is one
// of the query's stems or it starts with one of its prefixes.
bool QueryHits(const ParsedQuery& query, std::string_view folded_word);

// A short excerpt of a text around the first word the query looks for.
struct Snippet {
  struct Word {
    std::string text;
    bool hit = false;
  };
  std::vector<Word> words;  // empty: no word of the text matches
  bool cut_before = false;  // the text goes on before / after the excerpt
  bool cut_after = false;
  bool empty() const { return words.empty(); }
  // "… kabinet om meer [woningen] te bouwen …"
  std::string ToString() const;
};
Snippet MakeSnippet(const ParsedQuery& query, std::string_view text, int words_around = 8);

// Where the words the query looks for are in `text`: byte ranges [begin,
// end) of the whitespace-separated words that hit, in order (to mark them
// in a full text, whose spacing and line breaks stay as they are).
std::vector<std::pair<size_t, size_t>> HitSpans(const ParsedQuery& query, std::string_view text);

}  // namespace motiearchief::search

#endif  // MOTIEARCHIEF_SEARCH_SEARCH_TEXT_H_
