// Reports for the board's staff, from the archive:
// - "verantwoording uitvoering moties": per adopted motion what was done,
//   and the proposal to consider it carried out (uitgevoerd) or to keep it
//   open (aanhouden);
// - the overview of one ALV: every motion, amendment and preadvies of its
//   nazendingen, by agendapunt, with the advice.
// Markdown for staff to edit, HTML that prints on A4. Everything written is
// escaped for its format.
#ifndef MOTIEARCHIEF_REPORTS_REPORT_H_
#define MOTIEARCHIEF_REPORTS_REPORT_H_

#include <optional>
#include <string>
#include <vector>

#include "archive/archive.h"
#include "base/status.h"

namespace motiearchief::reports {

// One motion (or amendment) with all its versions and its life after the
// ALV. The record is the version with the most supporters (the newest on
// a tie), with meeting, agendapunt, date and preadvies taken from another
// version where it lacks them.
struct MotionLife {
  schema::Record motie;
  std::vector<std::string> document_ids;  // every version, oldest first
  archive::MotionHistory history;
  // The current decision and execution state: the newest entries.
  const archive::HistoryEntry* besluit() const;
  const archive::HistoryEntry* uitvoering() const;
  bool adopted() const;  // aangenomen or overgenomen
};

Result<std::vector<MotionLife>> LoadMotionLives(archive::Archive& archive);

enum class ReportFormat { kMarkdown, kHtml };

struct VerantwoordingOptions {
  std::optional<std::string> vergadering;  // only motions of this ALV (YYYY-MM-DD)
  bool open = false;                       // only motions not yet carried out
  ReportFormat format = ReportFormat::kMarkdown;
};

// The adopted motions that `options` selects, each once: a summary table of
// counts per execution status, then per motion its title, submitters,
// supporters, meeting and agendapunt, preadvies, decision, verzoeken,
// execution history and the proposal.
std::string VerantwoordingReport(const std::vector<MotionLife>& lives,
                                 const VerantwoordingOptions& options);

// Every motion, amendment and preadvies for the ALV of `datum`, grouped by
// agendapunt, with the advice and, once recorded, the decision.
std::string VergaderingReport(const std::vector<MotionLife>& lives,
                              const std::vector<schema::Record>& preadviezen,
                              const std::string& datum, ReportFormat format);

}  // namespace motiearchief::reports

#endif  // MOTIEARCHIEF_REPORTS_REPORT_H_
