#include "extractors/letter.h"

#include <re2/re2.h>

#include <cctype>

#include "extractors/dates.h"
#include "extractors/grammar.h"
#include "text/normalize.h"

namespace motiearchief::extractors {
namespace {

using text::Trim;

// The first non-blank line at or after `from`; lines.size() if none.
size_t NextFilled(const std::vector<Line>& lines, size_t from) {
  while (from < lines.size() && Blank(lines[from])) ++from;
  return from;
}

// A labelled value ("Onderwerp", "Datum"): on the label's line, or, when
// the label stands alone (a letter's header column), on the next line.
std::optional<std::pair<std::string, int>> Labelled(const std::vector<Line>& lines,
                                                    const char* rule) {
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string value;
    if (!Capture(rule, lines[i].text, &value)) continue;
    value = std::string(Trim(value));
    if (!value.empty()) return std::make_pair(value, lines[i].page);
    const size_t next = NextFilled(lines, i + 1);
    if (next < lines.size() && next <= i + 3) {
      return std::make_pair(std::string(Trim(lines[next].text)), lines[next].page);
    }
  }
  return std::nullopt;
}

std::string Lower(std::string s) {
  for (char& c : s) {
    if (static_cast<unsigned char>(c) < 0x80) c = static_cast<char>(std::tolower(c));
  }
  return s;
}

// A line that reads as a person's name or function: a few words, no
// digits, no address or mail.
bool ReadsAsName(std::string_view line) {
  if (line.empty() || line.size() > 60) return false;
  int words = 1;
  for (char c : line) {
    if (std::isdigit(static_cast<unsigned char>(c)) || c == '@' || c == '|' || c == ':') {
      return false;
    }
    words += c == ' ' ? 1 : 0;
  }
  return words <= 6;
}

void ReadSignature(RecordBuilder& doc) {
  const std::vector<Line>& lines = doc.lines;
  // The last closing greeting: a letter may quote one earlier.
  size_t closing = lines.size();
  for (size_t i = 0; i < lines.size(); ++i) {
    if (Matches("letter.closing", lines[i].text)) closing = i;
  }
  if (closing == lines.size()) return;
  size_t at = NextFilled(lines, closing + 1);
  // Past the sender: "Vereniging van Nederlandse Gemeenten", "Het college
  // van burgemeester en wethouders", "namens het bestuur".
  for (int skipped = 0;
       at < lines.size() && skipped < 3 && Matches("letter.sender", lines[at].text); ++skipped) {
    at = NextFilled(lines, at + 1);
  }
  if (at >= lines.size()) return;
  std::string name(Trim(lines[at].text));
  RE2::Replace(&name, Grammar().Re("sign.honorific"), "");
  name = std::string(Trim(name));
  if (!ReadsAsName(name) || Matches("letter.sender", name)) return;
  schema::Signatory s;
  s.naam = name;
  const size_t role = NextFilled(lines, at + 1);
  if (role < lines.size() && role <= at + 2) {
    const std::string function(Trim(lines[role].text));
    if (ReadsAsName(function)) s.functie = Lower(function);
  }
  doc.Note("ondertekenaars", s.naam, lines[at].page, "letter.closing");
  doc.record.ondertekenaars.push_back(std::move(s));
}

}  // namespace

std::optional<DatedLine> LetterDate(const std::vector<Line>& lines) {
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string value;
    if (!Capture("header.datum", lines[i].text, &value)) continue;
    if (auto d = FindDate(value, std::nullopt)) return DatedLine{d->iso, lines[i].page};
    const size_t next = NextFilled(lines, i + 1);
    if (next < lines.size()) {
      if (auto d = FindDate(lines[next].text, std::nullopt))
        return DatedLine{d->iso, lines[i].page};
    }
  }
  return std::nullopt;
}

std::optional<std::string> MeetingDate(std::string_view text,
                                       const std::optional<std::string>& reference_iso) {
  static const RE2 meeting("(?i)(" + Grammar().Get("vergadering.context").pattern + ")");
  re2::StringPiece word;
  if (!RE2::PartialMatch(text, meeting, &word)) return std::nullopt;
  const size_t after = static_cast<size_t>(word.data() - text.data());
  if (auto d = FindDate(text.substr(after), reference_iso)) return d->iso;
  return std::nullopt;
}

void ExtractLetter(RecordBuilder& doc, const std::optional<std::string>& members_orgaan) {
  if (auto subject = Labelled(doc.lines, "letter.subject")) {
    doc.record.titel = CleanTitle(subject->first);
    doc.Note("titel", *doc.record.titel, subject->second, "letter.subject");
    // The meeting the letter is for, when its subject names one.
    if (auto meeting = MeetingDate(*doc.record.titel, std::nullopt)) {
      doc.record.vergadering = meeting;
      doc.Note("vergadering", *meeting, subject->second, "vergadering.context");
    }
  }
  if (auto date = LetterDate(doc.lines)) {
    doc.record.datum_indiening = date->iso;
    doc.Note("datum_indiening", date->iso, date->page, "header.datum");
  }
  if (members_orgaan) {
    for (const Line& l : doc.lines) {
      if (!Matches("letter.to_members", l.text)) continue;
      doc.record.orgaan = members_orgaan;
      doc.Note("orgaan", *members_orgaan, l.page, "letter.to_members");
      break;
    }
  }
  ReadSignature(doc);
}

}  // namespace motiearchief::extractors
