#include "extractors/vng_header.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <string_view>
#include <vector>

#include "extractors/dates.h"
#include "extractors/grammar.h"
#include "text/normalize.h"

namespace motiearchief::extractors {

using text::Trim;

namespace {

std::string LabelKind(const std::string& line) {
  if (Matches("header.titel", line)) return "titel";
  if (Matches("header.mede_indiener", line)) return "mede_indiener";
  if (Matches("header.indiener", line)) return "indiener";
  if (Matches("header.datum", line)) return "datum";
  if (Matches("header.van", line)) return "indiener";
  if (Matches("header.onderwerp", line)) return "onderwerp";
  return "other";
}

bool IsEmptyLabel(const std::string& line) {
  return Matches("header.label_only", line) && LabelKind(line) != "other";
}

std::vector<GemeenteMatch> ParseSubmitters(const Gazetteer& gazetteer, const std::string& text,
                                           bool keep_unknown) {
  std::string t = text;
  RE2::GlobalReplace(&t, Grammar().Re("indiener.cs"), "");
  return gazetteer.ParseList(t, keep_unknown);
}

// One label's value into the record; a date label into `date`, unless that
// is null (labels after the clauses).
void ApplyLabel(RecordBuilder& doc, WrittenDate* date, const std::string& label,
                const std::string& value, int page, const std::string& rule) {
  if (Trim(value).empty()) return;
  if (label == "titel" && !doc.record.titel) {
    doc.record.titel = CleanTitle(value);
    doc.Note("titel", *doc.record.titel, page, rule);
  } else if (label == "indiener") {
    AddSubmitters(doc, value, page, rule);
  } else if (label == "mede_indiener") {
    doc.AddGemeenten(doc.record.mede_indieners, "mede_indieners",
                     ParseSubmitters(doc.gazetteer, value, true), page, rule);
  } else if (label == "datum" && date && !date->text) {
    date->text = value;
    date->page = page;
    date->rule = rule;
  }
}

// "Indiener:", "Titel motie:", "Datum indiening:" as label-only lines,
// their values on the following lines in the same order (a two-column
// table read column by column).
void ReadLabelBlock(RecordBuilder& doc, WrittenDate* date, size_t end) {
  for (size_t i = 0; i < end; ++i) {
    std::vector<std::string> labels;
    size_t j = i;
    while (j < end && (Blank(doc.lines[j]) || IsEmptyLabel(doc.lines[j].text))) {
      if (!Blank(doc.lines[j])) labels.push_back(LabelKind(doc.lines[j].text));
      ++j;
    }
    if (labels.size() < 2) continue;
    size_t k = j;
    for (const std::string& label : labels) {
      while (k < end && Blank(doc.lines[k])) ++k;
      if (k >= end) break;
      ApplyLabel(doc, date, label, doc.lines[k].text, doc.lines[k].page, "header.label_block");
      ++k;
    }
    return;
  }
}

// Bulleted or one-per-line municipalities after a label line.
void ReadBulletedGemeenten(RecordBuilder& doc, size_t from, std::vector<std::string>& list,
                           const std::string& field, const std::string& rule) {
  for (size_t i = from; i < doc.lines.size(); ++i) {
    if (Blank(doc.lines[i])) {
      if (i + 1 < doc.lines.size() && Blank(doc.lines[i + 1])) break;
      continue;
    }
    std::string item = doc.lines[i].text;
    std::string marker, rest;
    if (RE2::FullMatch(item, Grammar().Re("line.bullet"), &marker, &rest)) item = rest;
    auto m = doc.gazetteer.Lookup(item);
    bool prefixed = StripGemeentePrefix(item).size() < Trim(item).size();
    if (!m && !prefixed) break;
    doc.AddGemeenten(
        list, field,
        m ? std::vector<GemeenteMatch>{*m}
          : std::vector<GemeenteMatch>{{std::string(StripGemeentePrefix(item)), false}},
        doc.lines[i].page, rule);
  }
}

// The meeting: the first date after a meeting context ("Algemene
// Ledenvergadering van 1 december 2023"), or on the short line after it.
void ReadMeeting(RecordBuilder& doc, const std::optional<std::string>& datum_iso) {
  const RE2& context = Grammar().Re("vergadering.context");
  for (size_t i = 0; i < doc.lines.size() && !doc.record.vergadering; ++i) {
    const std::string& line = doc.lines[i].text;
    re2::StringPiece m;
    if (!RE2::PartialMatch(line, "(?i)(" + context.pattern() + ")", &m)) continue;
    size_t after = static_cast<size_t>(m.data() - line.data());
    std::optional<std::string> reference = datum_iso;
    if (auto d = FindDate(std::string_view(line).substr(after), reference)) {
      doc.record.vergadering = d->iso;
      doc.Note("vergadering", d->iso, doc.lines[i].page, "vergadering.context+" + d->rule);
      break;
    }
    // "Algemene Ledenvergadering VNG" / "Utrecht, 1 december 2023".
    size_t j = i + 1;
    while (j < doc.lines.size() && Blank(doc.lines[j])) ++j;
    if (j < doc.lines.size() && Trim(doc.lines[j].text).size() < 40) {
      if (auto d = FindDate(doc.lines[j].text, reference)) {
        doc.record.vergadering = d->iso;
        doc.Note("vergadering", d->iso, doc.lines[j].page, "vergadering.context+next_line");
      }
    }
  }
}

}  // namespace

WrittenDate ReadHeader(RecordBuilder& doc, size_t end) {
  WrittenDate written;
  WrittenDate* const date = &written;
  std::optional<std::string> onderwerp;
  int onderwerp_page = 0;
  ReadLabelBlock(doc, date, end);
  for (size_t i = 0; i < end; ++i) {
    const std::string& line = doc.lines[i].text;
    const int page = doc.lines[i].page;
    std::string value;
    if (IsEmptyLabel(line)) continue;
    if (Capture("header.titel", line, &value) && !doc.record.titel) {
      // A title may run on over the next line.
      if (i + 1 < end && !Blank(doc.lines[i + 1]) && !IsEmptyLabel(doc.lines[i + 1].text) &&
          !Matches("header.datum", doc.lines[i + 1].text)) {
        std::string_view next = Trim(doc.lines[i + 1].text);
        if (!next.empty() && std::islower(static_cast<unsigned char>(next[0]))) {
          value += " " + std::string(next);
        }
      }
      ApplyLabel(doc, date, "titel", value, page, "header.titel");
    } else if (Capture("header.indiener", line, &value)) {
      ApplyLabel(doc, date, "indiener", value, page, "header.indiener");
    } else if (Capture("header.mede_indiener", line, &value)) {
      ApplyLabel(doc, date, "mede_indiener", value, page, "header.mede_indiener");
      ReadBulletedGemeenten(doc, i + 1, doc.record.mede_indieners, "mede_indieners",
                            "header.mede_indiener");
    } else if (Capture("header.van", line, &value)) {
      if (doc.record.indieners.empty())
        ApplyLabel(doc, date, "indiener", value, page, "header.van");
    } else if (Capture("header.datum", line, &value)) {
      ApplyLabel(doc, date, "datum", value, page, "header.datum");
    } else if (Capture("title.label", line, &value) && !doc.record.titel) {
      ApplyLabel(doc, date, "titel", value, page, "title.label");
    } else if (Capture("title.quoted", line, &value) && !doc.record.titel) {
      ApplyLabel(doc, date, "titel", value, page, "title.quoted");
      // "Motie Heemstede "...": the submitter stands before the title.
      std::string who;
      if (Capture("title.submitter_before_quote", line, &who) && doc.record.indieners.empty()) {
        doc.AddGemeenten(doc.record.indieners, "indieners",
                         ParseSubmitters(doc.gazetteer, who, false), page, "title.quoted");
      }
    } else if ((Capture("indiener.amendement_van", line, &value) ||
                Capture("indiener.motie_van", line, &value)) &&
               doc.record.indieners.empty()) {
      AddSubmitters(doc, value, page, "indiener.amendement_van");
    } else if (Capture("header.onderwerp", line, &value)) {
      onderwerp = value;
      onderwerp_page = page;
    }
    if (Capture("indiener.dient_in", line, &value) && doc.record.indieners.empty()) {
      AddSubmitters(doc, value, page, "indiener.dient_in");
    }
  }
  // The subject line names the motion when nothing else did, unless it
  // is the generic "Motie ALV 1 december 2023".
  if (!doc.record.titel && onderwerp && !Matches("title.generic_subject", *onderwerp)) {
    ApplyLabel(doc, date, "titel", *onderwerp, onderwerp_page, "header.onderwerp");
  }
  return written;
}

void ReadTrailingLabels(RecordBuilder& doc, size_t from) {
  for (size_t i = from; i < doc.lines.size(); ++i) {
    std::string value;
    if (Capture("header.mede_indiener", doc.lines[i].text, &value)) {
      ApplyLabel(doc, nullptr, "mede_indiener", value, doc.lines[i].page, "header.mede_indiener");
      ReadBulletedGemeenten(doc, i + 1, doc.record.mede_indieners, "mede_indieners",
                            "header.mede_indiener");
    } else if (Capture("header.indiener", doc.lines[i].text, &value)) {
      ApplyLabel(doc, nullptr, "indiener", value, doc.lines[i].page, "header.indiener");
    }
  }
}

void AddSubmitters(RecordBuilder& doc, const std::string& value, int page,
                   const std::string& rule) {
  std::string main = value, mede;
  if (RE2::FullMatch(value, Grammar().Re("indiener.met_mede"), &main, &mede)) {
    doc.AddGemeenten(doc.record.mede_indieners, "mede_indieners",
                     ParseSubmitters(doc.gazetteer, mede, true), page, rule + "+indiener.met_mede");
  }
  doc.AddGemeenten(doc.record.indieners, "indieners", ParseSubmitters(doc.gazetteer, main, true),
                   page, rule);
}

void ResolveDates(RecordBuilder& doc, const WrittenDate& written) {
  std::optional<std::string> datum_iso;
  // First the dates that carry their year, so that "20 november" and
  // "1 december a.s." can take theirs from them.
  if (written.text) {
    if (auto d = FindDate(*written.text, std::nullopt)) datum_iso = d->iso;
  }
  ReadMeeting(doc, datum_iso);
  if (written.text && !datum_iso) {
    std::optional<std::string> reference = doc.record.vergadering;
    if (auto d = FindDate(*written.text, reference)) datum_iso = d->iso;
  }
  if (datum_iso) {
    doc.record.datum_indiening = datum_iso;
    doc.Note("datum_indiening", *datum_iso, written.page, written.rule);
  } else if (written.text) {
    // "20 november": the bundle may know the year (ApplyBundleContext).
    doc.record.datum_zonder_jaar = written.text;
  }
}

void FinishSubmitters(RecordBuilder& doc) {
  auto& ind = doc.record.indieners;
  for (const std::string& m : doc.record.mede_indieners) {
    ind.erase(std::remove(ind.begin(), ind.end(), m), ind.end());
  }
}

}  // namespace motiearchief::extractors
