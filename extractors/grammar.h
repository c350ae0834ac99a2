// The grammar of Dutch motions: every RE2 rule Motiearchief reads documents
// with, in one place, each with a stable name ("clause.verzoekt", ...).
//
// Rules work on one line of normalised text (see normalize.h) unless their
// comment says otherwise, and are case-insensitive. They are written for the
// genre, not for one sample: every way VNG motions, amendments, preadviezen
// and cover letters phrase a part, including common OCR damage ("lndiener",
// "0verwegende", "Ovenregende"). RE2 keeps matching linear in the input,
// which matters because the input comes from outside.
//
// The name of the rule that produced a value is stored with the value in
// the archive (table `provenance`), so a reviewer can see why.
//
// Thread-safety: Grammar() is built once, its rules compiled once each on
// first use; share freely.
#ifndef MOTIEARCHIEF_EXTRACTORS_GRAMMAR_H_
#define MOTIEARCHIEF_EXTRACTORS_GRAMMAR_H_

#include <re2/re2.h>

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace motiearchief::extractors {

// One named rule, compiled from `pattern` with UTF-8 and case-insensitive
// matching when first used: compiling all of them took 35-70 ms (the
// Unicode letter classes of the signature rules most), most of the start of
// a short ingest, and a document uses the rules of its own kind. A pattern
// that does not compile aborts on first use (a bug, not input; the grammar
// tests use every rule).
struct NamedRule {
  std::string name;
  std::string pattern;
  // Thread-safe: the first caller compiles, the others wait for it.
  const RE2& re() const;

 private:
  mutable std::once_flag compiled_;
  mutable std::unique_ptr<RE2> re_;
};

class GrammarRules {
 public:
  GrammarRules();
  // The rule with this name; aborts on an unknown name (a bug, not input).
  const NamedRule& Get(std::string_view name) const;
  const RE2& Re(std::string_view name) const { return Get(name).re(); }
  const std::vector<NamedRule>& All() const { return rules_; }

 private:
  std::vector<NamedRule> rules_;
};

const GrammarRules& Grammar();

// Convenience: does rule `name` match somewhere in `line`?
bool Matches(std::string_view name, std::string_view line);
// First capture group of rule `name` in `line`, or false.
bool Capture(std::string_view name, std::string_view line, std::string* out);

}  // namespace motiearchief::extractors

#endif  // MOTIEARCHIEF_EXTRACTORS_GRAMMAR_H_
