// Decisions and execution in bulk, from a CSV such as the besluitenlijst
// of an ALV. The first row names the columns, in any order, any case:
//
//   id                   the motion's document id (from export or search), or
//   titel, indiener      its title and a submitting municipality
//   besluit              aangenomen, verworpen, ingetrokken, aangehouden, overgenomen
//   datum                of the decision ("1 december 2023", "2023-12-01", "1-12-2023")
//   voor                 share of votes in favour, percent ("87,5", "87.5%")
//   uitvoering           in uitvoering, uitgevoerd, aangehouden
//   uitvoering_datum     of the execution step (default: datum)
//   toelichting          the reason, for the decision and the execution step
//
// A row names the motion by id, or by title and submitter: the title must
// share most content words with the motion's and the submitter must be one
// of its (mede-)indieners. A row that matches no motion, or more than one,
// is reported with its line and the candidates, never guessed; the rows
// that match are recorded, in one transaction. Importing the same file
// again adds nothing.
#ifndef MOTIEARCHIEF_REPORTS_HISTORY_IMPORT_H_
#define MOTIEARCHIEF_REPORTS_HISTORY_IMPORT_H_

#include <string>
#include <vector>

#include "archive/archive.h"
#include "base/status.h"
#include "reports/report.h"

namespace motiearchief::reports {

struct HistoryImport {
  int rows = 0;
  int besluiten = 0;
  int uitvoeringen = 0;
  int already = 0;  // entries the archive already had (the same file imported again)
  std::vector<std::string> problems;  // "besluiten.csv:7: ..." per row not recorded
};

// kInvalidArgument when the file cannot be used at all (no header, no way
// to name a motion, not CSV); kIoError when it cannot be read.
Result<HistoryImport> ImportHistoryCsv(archive::Archive& archive, const std::string& path,
                                       const std::vector<MotionLife>& lives);

// A Dutch or ISO date as YYYY-MM-DD, or nothing.
std::optional<std::string> ParseDate(const std::string& text);

}  // namespace motiearchief::reports

#endif  // MOTIEARCHIEF_REPORTS_HISTORY_IMPORT_H_
