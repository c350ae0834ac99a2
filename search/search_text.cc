#include "search/search_text.h"

#include <libstemmer.h>

#include <memory>
#include <sstream>

#include "text/normalize.h"

namespace motiearchief::search {

using text::FoldForMatch;

namespace {

// At most this many terms reach FTS5: a pasted page is still a fast query.
constexpr size_t kMaxTerms = 64;

struct StemmerDeleter {
  void operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }
};

sb_stemmer* DutchStemmer() {
  thread_local std::unique_ptr<sb_stemmer, StemmerDeleter> stemmer(
      sb_stemmer_new("dutch", "UTF_8"));
  return stemmer.get();
}

// The folded words of one written word. ASCII words (most of a Dutch
// text) are folded here; ICU only sees the others, which keeps snippets of
// long documents fast.
std::vector<std::string> FoldedParts(std::string_view word) {
  std::vector<std::string> parts;
  bool ascii = true;
  for (unsigned char c : word) ascii &= c < 0x80;
  if (!ascii) {
    std::istringstream in{FoldForMatch(word)};
    std::string w;
    while (in >> w) parts.push_back(w);
    return parts;
  }
  std::string current;
  for (unsigned char c : word) {
    if (std::isalnum(c)) {
      current += static_cast<char>(std::tolower(c));
    } else if (!current.empty()) {
      parts.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) parts.push_back(std::move(current));
  return parts;
}

std::vector<std::string> Words(std::string_view folded) {
  std::vector<std::string> words;
  std::istringstream in{std::string(folded)};
  std::string w;
  while (in >> w) words.push_back(w);
  return words;
}

enum class Kind { kTerm, kOr, kAnd, kNot, kOpen, kClose };
struct Token {
  Kind kind;
  std::string text;  // kTerm: the FTS5 term, quoted
  std::string ts = {};  // kTerm: the same as a PostgreSQL tsquery term
};

// A folded word as a tsquery lexeme: quoted, so no word is an operator.
std::string TsWord(const std::string& word, const std::string& label) {
  std::string out = "'";
  for (char c : word) {
    if (c == '\'' || c == '\\') out += c;
    out += c;
  }
  out += "'";
  return label.empty() ? out : out + ":" + label;
}

// The weight label of a column of the PostgreSQL index (migration 0004).
std::string WeightOf(const std::string& column) {
  if (column == "titel") return "A";
  if (column == "tekst") return "B";
  if (column == "overwegingen") return "C";
  if (column == "verzoeken") return "D";
  return "";
}

// Snowball Dutch keeps a plural -s after a vowel: motie / moties, subsidie /
// subsidies, organisatie / organisaties stem apart. A query word stands for
// both forms; the index keeps Snowball's stems, so no archive needs
// re-indexing and the stock sqlite3 tool reads the same expression.
// The stem itself comes first.
std::vector<std::string> PluralForms(const std::string& stem) {
  if (stem.size() > 4 && stem.ends_with("ies")) return {stem, stem.substr(0, stem.size() - 1)};
  if (stem.size() >= 4 && stem.ends_with("ie")) return {stem, stem + "s"};
  return {stem};
}

// A phrase whose words have several forms becomes at most this many
// alternatives; beyond that only the words as typed are looked for.
constexpr size_t kMaxForms = 4;

// Splits the query into terms, operators and brackets.
std::vector<Token> Tokenize(std::string_view q, ParsedQuery& parsed, const std::string& column) {
  std::vector<Token> tokens;
  size_t terms = 0;
  const std::string weight = WeightOf(column);
  auto add_words = [&](std::string_view raw, bool phrase) {
    bool prefix = !phrase && !raw.empty() && raw.back() == '*';
    if (prefix) raw.remove_suffix(1);
    std::vector<std::string> words = Words(FoldForMatch(raw));
    if (words.empty() || terms >= kMaxTerms) return;
    ++terms;
    std::vector<std::vector<std::string>> forms;
    size_t combinations = 1;
    for (size_t i = 0; i < words.size(); ++i) {
      if (prefix && i + 1 == words.size()) {
        parsed.prefixes.push_back(words[i]);
        forms.push_back({words[i]});
        continue;
      }
      forms.push_back(PluralForms(StemWord(words[i])));
      parsed.stems.insert(forms.back().begin(), forms.back().end());
      combinations *= forms.back().size();
    }
    if (combinations > kMaxForms) {
      for (auto& f : forms) f.resize(1);  // the form typed comes first
    }
    std::vector<std::string> phrases = {""};
    for (const auto& f : forms) {
      std::vector<std::string> longer;
      for (const std::string& start : phrases) {
        for (const std::string& w : f) longer.push_back(start + (start.empty() ? "" : " ") + w);
      }
      phrases = std::move(longer);
    }
    std::string term;
    for (const std::string& phrase : phrases) {
      if (!term.empty()) term += " OR ";
      term += "\"" + phrase + "\"" + (prefix ? "*" : "");
    }
    if (phrases.size() > 1) term = "(" + term + ")";
    // PostgreSQL stems the words itself (to_tsquery): each word as typed,
    // folded, with its other plural form; words in a phrase follow each
    // other (<->).
    std::string ts;
    for (size_t i = 0; i < words.size(); ++i) {
      const std::string& w = words[i];
      std::string lexeme;
      if (prefix && i + 1 == words.size()) {
        lexeme = TsWord(w, "*" + weight);
      } else {
        lexeme = TsWord(w, weight);
        std::string other;
        if (w.size() > 4 && w.ends_with("ies")) other = w.substr(0, w.size() - 1);
        if (w.size() >= 4 && w.ends_with("ie")) other = w + "s";
        if (!other.empty()) lexeme = "(" + lexeme + " | " + TsWord(other, weight) + ")";
      }
      ts += (i == 0 ? "" : " <-> ") + lexeme;
    }
    if (words.size() > 1) ts = "(" + ts + ")";
    tokens.push_back({Kind::kTerm, term, ts});
  };
  size_t i = 0;
  while (i < q.size()) {
    char c = q[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
    } else if (c == '"') {
      size_t end = q.find('"', i + 1);
      if (end == std::string_view::npos) end = q.size();
      add_words(q.substr(i + 1, end - i - 1), true);
      i = end + 1;
    } else if (c == '(' || c == ')') {
      tokens.push_back({c == '(' ? Kind::kOpen : Kind::kClose, ""});
      ++i;
    } else {
      size_t end = i;
      while (end < q.size() && q[end] != ' ' && q[end] != '\t' && q[end] != '\n' &&
             q[end] != '\r' && q[end] != '"' && q[end] != '(' && q[end] != ')') {
        ++end;
      }
      std::string_view raw = q.substr(i, end - i);
      if (raw == "OR") {
        tokens.push_back({Kind::kOr, ""});
      } else if (raw == "AND") {
        tokens.push_back({Kind::kAnd, ""});
      } else if (raw == "NOT") {
        tokens.push_back({Kind::kNot, ""});
      } else {
        add_words(raw, false);
      }
      i = end;
    }
  }
  return tokens;
}

// A forgiving recursive-descent parser: what cannot be part of a valid
// expression (a dangling operator, a stray bracket) is dropped. Every
// combination is bracketed, so FTS5 never has to guess precedence.
// The operators of one query language.
struct Syntax {
  bool tsquery;  // take Token::ts, not Token::text
  const char* and_;
  const char* or_;
  const char* and_not;
};
constexpr Syntax kFts5 = {false, " AND ", " OR ", " NOT "};
constexpr Syntax kTsQuery = {true, " & ", " | ", " & !"};

class Parser {
 public:
  Parser(const std::vector<Token>& tokens, const Syntax& syntax) : t_(tokens), syntax_(syntax) {}

  std::string All() {
    std::string out;
    while (pos_ < t_.size()) {
      out = And(out, Or());
      if (pos_ < t_.size() && t_[pos_].kind == Kind::kClose) ++pos_;  // stray
    }
    return out;
  }

 private:
  bool Peek(Kind k) const { return pos_ < t_.size() && t_[pos_].kind == k; }
  std::string And(const std::string& a, const std::string& b) const {
    if (a.empty()) return b;
    if (b.empty()) return a;
    return "(" + a + syntax_.and_ + b + ")";
  }

  std::string Or() {
    std::string left = AndList();
    while (Peek(Kind::kOr)) {
      ++pos_;
      std::string right = AndList();
      if (left.empty()) {
        left = right;
      } else if (!right.empty()) {
        left = "(" + left + syntax_.or_ + right + ")";
      }
    }
    return left;
  }

  std::string AndList() {
    std::string out;
    while (pos_ < t_.size() && !Peek(Kind::kOr) && !Peek(Kind::kClose)) {
      if (Peek(Kind::kAnd)) {
        ++pos_;
        continue;
      }
      out = And(out, Not());
    }
    return out;
  }

  std::string Not() {
    std::string left = Primary();
    while (Peek(Kind::kNot)) {
      ++pos_;
      std::string right = Primary();
      // "NOT b" without a left side is dropped whole: searching for b
      // instead would turn the question around.
      if (!left.empty() && !right.empty()) left = "(" + left + syntax_.and_not + right + ")";
    }
    return left;
  }

  std::string Primary() {
    if (Peek(Kind::kTerm)) {
      const Token& t = t_[pos_++];
      return syntax_.tsquery ? t.ts : t.text;
    }
    if (Peek(Kind::kOpen)) {
      ++pos_;
      std::string inner = Or();
      if (Peek(Kind::kClose)) ++pos_;
      return inner.empty() ? "" : "(" + inner + ")";
    }
    if (Peek(Kind::kAnd)) ++pos_;  // "a AND AND b"
    return "";
  }

  const std::vector<Token>& t_;
  const Syntax& syntax_;
  size_t pos_ = 0;
};

}  // namespace

std::string StemWord(std::string_view word) {
  sb_stemmer* stemmer = DutchStemmer();
  if (stemmer == nullptr || word.empty()) return std::string(word);
  const sb_symbol* stem = sb_stemmer_stem(stemmer, reinterpret_cast<const sb_symbol*>(word.data()),
                                          static_cast<int>(word.size()));
  if (stem == nullptr) return std::string(word);
  return std::string(reinterpret_cast<const char*>(stem),
                     static_cast<size_t>(sb_stemmer_length(stemmer)));
}

std::string SearchText(std::string_view text) {
  std::string out;
  for (const std::string& w : Words(FoldForMatch(text))) {
    if (!out.empty()) out += ' ';
    out += StemWord(w);
  }
  return out;
}

Result<ParsedQuery> ParseQuery(std::string_view query, const std::string& column) {
  ParsedQuery parsed;
  std::vector<Token> tokens = Tokenize(query, parsed, column);
  parsed.fts = Parser(tokens, kFts5).All();
  parsed.tsquery = Parser(tokens, kTsQuery).All();
  if (parsed.fts.empty()) {
    return Status::InvalidArgument("no words to search for in \"" + std::string(query) + "\"");
  }
  if (!column.empty()) parsed.fts = column + " : (" + parsed.fts + ")";
  return parsed;
}

bool QueryHits(const ParsedQuery& query, std::string_view folded_word) {
  for (const std::string& p : query.prefixes) {
    if (folded_word.substr(0, p.size()) == p) return true;
  }
  return query.stems.count(StemWord(folded_word)) > 0;
}

namespace {

// True when a part of a word as written (punctuation and all) is a hit.
bool WordHits(const ParsedQuery& query, std::string_view word) {
  for (const std::string& part : FoldedParts(word)) {
    if (QueryHits(query, part)) return true;
  }
  return false;
}

}  // namespace

std::vector<std::pair<size_t, size_t>> HitSpans(const ParsedQuery& query, std::string_view text) {
  std::vector<std::pair<size_t, size_t>> spans;
  auto space = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && space(text[i])) ++i;
    const size_t begin = i;
    while (i < text.size() && !space(text[i])) ++i;
    if (i > begin && WordHits(query, text.substr(begin, i - begin))) spans.emplace_back(begin, i);
  }
  return spans;
}

Snippet MakeSnippet(const ParsedQuery& query, std::string_view text, int words_around) {
  std::vector<std::string> words;
  std::istringstream in{std::string(text)};
  std::string w;
  while (in >> w) words.push_back(w);
  auto hit = [&](const std::string& word) { return WordHits(query, word); };
  Snippet snippet;
  size_t first = words.size();
  for (size_t i = 0; i < words.size(); ++i) {
    if (hit(words[i])) {
      first = i;
      break;
    }
  }
  if (first == words.size()) return snippet;
  const size_t from = first > static_cast<size_t>(words_around) ? first - words_around : 0;
  const size_t to = std::min(words.size(), first + words_around + 1);
  snippet.cut_before = from > 0;
  snippet.cut_after = to < words.size();
  for (size_t i = from; i < to; ++i) snippet.words.push_back({words[i], hit(words[i])});
  return snippet;
}

std::string Snippet::ToString() const {
  if (words.empty()) return "";
  std::string out = cut_before ? "… " : "";
  for (size_t i = 0; i < words.size(); ++i) {
    if (i > 0) out += ' ';
    out += words[i].hit ? "[" + words[i].text + "]" : words[i].text;
  }
  if (cut_after) out += " …";
  return out;
}

}  // namespace motiearchief::search
