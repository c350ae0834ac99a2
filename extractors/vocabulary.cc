#include "extractors/vocabulary.h"

#include <re2/re2.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <utility>

#include "text/normalize.h"

namespace motiearchief::extractors {

using text::FoldForMatch;
using text::Trim;

std::string CanonicalRole(std::string_view text) {
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  s.toLower(icu::Locale("nl"));
  std::string lower;
  s.toUTF8String(lower);
  std::string out;
  for (char c : Trim(lower)) {
    if (c == ' ' || c == '\t' || c == '\n') {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  // "loco - burgemeester", "loco -burgemeester" from broken lines.
  RE2::GlobalReplace(&out, R"(\s*-\s*)", "-");
  return out;
}

std::string CanonicalAdvice(std::string_view written) {
  std::string f = FoldForMatch(written);
  static const std::pair<const char*, const char*> kAdvice[] = {
      {"oordeel", "oordeel ALV"},
      {"ontraden", "ontraden"},
      {"aanhouden", "aanhouden"},
      {"overnemen", "overnemen"},
      {"aannemen", "aannemen"},
      {"ondersteunen", "ondersteunen"},
      {"afwijzen", "afwijzen"},
      {"verwerpen", "verwerpen"},
      {"intrekken", "intrekken"},
      {"betrokken bij", "betrekken bij"},
      // The verb split as a sentence writes it: "stelt voor de motie over
      // te nemen".
      {"over te nemen", "overnemen"},
      {"aan te houden", "aanhouden"},
      {"in te trekken", "intrekken"},
  };
  for (const auto& [needle, canonical] : kAdvice) {
    if (f.rfind(needle, 0) == 0 || f.find(std::string(" ") + needle) != std::string::npos) {
      return canonical;
    }
  }
  return f;
}

}  // namespace motiearchief::extractors
