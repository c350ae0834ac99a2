#include "extractors/extract.h"

#include <re2/re2.h>

#include <algorithm>
#include <set>

#include "extractors/clauses.h"
#include "extractors/dates.h"
#include "extractors/grammar.h"
#include "extractors/letter.h"
#include "extractors/lines.h"
#include "extractors/motion_header.h"
#include "extractors/preadvies.h"
#include "extractors/profiles.h"
#include "extractors/record_builder.h"
#include "extractors/signatories.h"
#include "extractors/signature_block.h"
#include "extractors/supporters.h"
#include "extractors/vng_header.h"
#include "text/normalize.h"

namespace motiearchief::extractors {

using text::ContentWords;
using text::FoldForMatch;
using text::Page;
using text::Trim;
using text::WordOverlap;

namespace {

using schema::Record;

// A motion of parliament, a council, Staten or a water board: its header
// by the profile's rules, clauses up to the signature block, members and
// fracties from that block.
void ExtractMembersMotion(RecordBuilder& doc, const LayoutProfile& profile) {
  const bool members_only = profile.signatures == SignatureForm::kMembers;
  const size_t first_clause = FirstClauseLine(doc);
  if (profile.has_own_title) {
    if (auto title = FindOwnTitle(doc.lines, first_clause)) {
      doc.record.titel = title->value;
      doc.Note("titel", title->value, title->page, title->rule);
    }
  }
  if (auto date = FindAnchoredDate(doc.lines, first_clause, profile.date_rules)) {
    doc.record.datum_indiening = date->value;
    doc.Note("datum_indiening", date->value, date->page, date->rule);
  }
  const size_t end = doc.lines.size();
  const size_t signatures =
      FindSignatureStart(doc.lines, first_clause, end, members_only, doc.gazetteer);
  const size_t after = ReadClauses(doc, first_clause, signatures);
  SignatureBlock block =
      ReadSignatureBlock(doc.lines, std::max(after, signatures), end, members_only, doc.gazetteer);
  auto page_of = [&](const std::string& value) {
    for (const auto& [v, page] : block.pages) {
      if (v == value) return page;
    }
    return 0;
  };
  for (const schema::Signatory& m : block.members) {
    AddSignatory(doc, m, page_of(m.naam), members_only ? "sign.block.member" : "sign.block.person");
  }
  // Who submits: the fracties as signed, else the members; the first is
  // the indiener, the others mede-indieners.
  std::vector<std::string> submitters = block.fracties;
  std::string rule = "sign.block.fractie";
  if (submitters.empty()) {
    for (const auto& m : block.members) submitters.push_back(m.naam);
    rule = "sign.block.member";
  }
  if (submitters.empty()) {
    // No signature block: the members the heading or transcript names.
    for (const Line& l : doc.lines) {
      std::string named;
      if (Capture("profile.motie_van_het_lid", l.text, &named) ||
          Capture("profile.voorgesteld_door", l.text, &named)) {
        submitters = MembersNamedIn(named);
        rule = "profile.members_named";
        break;
      }
    }
  }
  for (size_t k = 0; k < submitters.size(); ++k) {
    auto& list = k == 0 ? doc.record.indieners : doc.record.mede_indieners;
    list.push_back(submitters[k]);
    doc.Note(k == 0 ? "indieners" : "mede_indieners", submitters[k], page_of(submitters[k]), rule);
  }
}

// A motion or amendment. A VNG one: its labelled header, clauses,
// ondertekenaars and supporters; the others by ExtractMembersMotion.
void ExtractMotion(RecordBuilder& doc, const ProfileChoice& profile) {
  if (profile.profile->signatures != SignatureForm::kMunicipalities) {
    ExtractMembersMotion(doc, *profile.profile);
    return;
  }
  const size_t first_clause = FirstClauseLine(doc);
  const WrittenDate written = ReadHeader(doc, first_clause);
  // No label named it: a heading does ("Motie Eerlijke financiering
  // jeugdzorg", "Motie inzake ...").
  if (!doc.record.titel) {
    if (auto title = FindOwnTitle(doc.lines, first_clause)) {
      doc.record.titel = title->value;
      doc.Note("titel", title->value, title->page, title->rule);
    }
  }
  size_t after = ReadClauses(doc, first_clause, doc.lines.size());
  // Labels after the clauses: "Mede indiener:", "Indieners:".
  ReadTrailingLabels(doc, after);
  ResolveDates(doc, written);
  if (doc.record.overwegingen.empty() && doc.record.verzoeken.empty()) {
    // No clauses (an amendment's changed text): signatures follow the
    // last "Namens ..." line.
    for (size_t i = doc.lines.size(); i-- > 0;) {
      if (Matches("section.signatures", doc.lines[i].text)) {
        after = i;
        break;
      }
    }
  }
  const SignedFor signed_for = ReadSignatories(doc, after);
  SubmittersFromSignatures(doc, signed_for);
  ReadSupporters(doc, first_clause);
  FinishSubmitters(doc);
}

// A resolutie's title: the quoted text on its first non-blank line.
void ExtractResolutieTitle(RecordBuilder& doc) {
  for (const Line& l : doc.lines) {
    std::string value;
    if (Capture("title.in_quotes", l.text, &value)) {
      doc.record.titel = CleanTitle(value);
      doc.Note("titel", *doc.record.titel, l.page, "title.in_quotes");
      return;
    }
    if (!Blank(l)) break;
  }
}

}  // namespace

Record ExtractRecord(const std::string& soort, const std::vector<Page>& pages,
                     const Gazetteer& gazetteer) {
  RecordBuilder doc{LinesOf(pages), gazetteer, {}};
  doc.record.soort = soort;
  std::string text;
  for (const Page& p : pages) {
    if (!text.empty()) text += "\n\n";
    text += p.text;
  }
  doc.record.tekst = std::string(Trim(text));
  const ProfileChoice profile = ChooseProfile(doc.lines, gazetteer);
  doc.Note("profiel", profile.profile->name, 0, profile.evidence);
  if (soort != schema::kBrief && soort != schema::kOverig && profile.orgaan) {
    doc.record.orgaan = profile.orgaan;
    doc.Note("orgaan", *doc.record.orgaan, 0, "profile." + std::string(profile.profile->name));
  }
  if (soort == schema::kMotie || soort == schema::kAmendement) {
    ExtractMotion(doc, profile);
  } else if (soort == schema::kPreadvies) {
    ExtractPreadvies(doc);
  } else if (soort == schema::kResolutie) {
    ExtractResolutieTitle(doc);
  } else if (soort == schema::kBrief) {
    ExtractLetter(doc, profile.orgaan);
  }
  // A letter or other document without a subject line: its heading in
  // large type, where the page shows one.
  if (!doc.record.titel && (soort == schema::kBrief || soort == schema::kOverig)) {
    if (auto title = FindTitleByType(doc.lines, doc.lines.size())) {
      doc.record.titel = title->value;
      doc.Note("titel", title->value, title->page, title->rule);
    }
  }
  return std::move(doc.record);
}

LetterFacts ExtractLetterFacts(const std::vector<Page>& pages) {
  LetterFacts facts;
  std::vector<Line> lines = LinesOf(pages);
  if (auto date = LetterDate(lines)) facts.datum = date->iso;
  std::string agendapunt;
  bool in_item = false;
  for (const Line& l : lines) {
    facts.folded_text += FoldForMatch(l.text) + " ";
    if (!facts.vergadering) facts.vergadering = MeetingDate(l.text, facts.datum);
    std::string number, title;
    if (RE2::FullMatch(l.text, Grammar().Re("header.agendapunt"), &number, &title)) {
      agendapunt = number;
      in_item = false;
      continue;
    }
    if (agendapunt.empty()) continue;
    if (Matches("line.bullet", l.text)) {
      facts.agenda_items.push_back({agendapunt, l.text});
      in_item = true;
    } else if (Blank(l)) {
      in_item = false;
    } else if (in_item) {
      // An item wraps onto the next line.
      facts.agenda_items.back().second += " " + std::string(Trim(l.text));
    }
  }
  return facts;
}

void ApplyBundleContext(std::vector<Record>& records,
                        const std::vector<std::optional<LetterFacts>>& letters) {
  for (size_t i = 0; i < records.size(); ++i) {
    Record& r = records[i];
    if (r.soort != schema::kMotie && r.soort != schema::kAmendement &&
        r.soort != schema::kPreadvies) {
      continue;
    }
    // The covering letter: the one that names this document's title,
    // else the nearest before it.
    const LetterFacts* cover = nullptr;
    std::string how;
    const std::set<std::string> title_words =
        r.titel ? ContentWords(*r.titel) : std::set<std::string>();
    std::optional<std::string> agendapunt;
    for (size_t k = 0; k < letters.size() && !title_words.empty() && !cover; ++k) {
      if (!letters[k]) continue;
      for (const auto& [punt, item] : letters[k]->agenda_items) {
        if (WordOverlap(title_words, ContentWords(item)) >= 0.75) {
          cover = &*letters[k];
          agendapunt = punt;
          how = "bundle.letter_names_title";
          break;
        }
      }
    }
    for (size_t k = i; k-- > 0 && !cover;) {
      if (letters[k]) {
        cover = &*letters[k];
        how = "bundle.preceding_letter";
      }
    }
    if (!cover) continue;
    if (!r.vergadering && cover->vergadering) {
      r.vergadering = cover->vergadering;
      r.herkomst.push_back({"vergadering", *r.vergadering, 0, how});
    }
    if (!r.datum_indiening && r.datum_zonder_jaar && r.vergadering) {
      if (auto d = FindDate(*r.datum_zonder_jaar, r.vergadering)) {
        r.datum_indiening = d->iso;
        r.herkomst.push_back({"datum_indiening", d->iso, 0, "header.datum+year_of_vergadering"});
      }
    }
    if (!r.datum_indiening && cover->datum && r.soort != schema::kPreadvies) {
      r.datum_indiening = cover->datum;
      r.herkomst.push_back({"datum_indiening", *r.datum_indiening, 0, how});
    }
    if (!r.agendapunt && agendapunt) {
      r.agendapunt = agendapunt;
      r.herkomst.push_back({"agendapunt", *agendapunt, 0, how + "+header.agendapunt"});
    }
  }
}

}  // namespace motiearchief::extractors
