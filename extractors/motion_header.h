// The header of a council, Staten or water board motion: its own title and
// its date, read by the rules a layout profile names (profiles.h).
//
//   Motie Autoloze dag                     title.heading
//   Motie: 'Iedere opstand begint ...'     title.heading, quotes dropped
//   Motie van het raadslid X inzake Y      title.inzake: "Y", wrapped lines joined
//   Provinciale Staten van Utrecht in vergadering bijeen op 30 oktober 2019
//                                          date.anchor_meeting
//   Voorgesteld 30 november 1995           date.anchor_voorgesteld
//
// Thread-safety: pure functions.
#ifndef MOTIEARCHIEF_EXTRACTORS_MOTION_HEADER_H_
#define MOTIEARCHIEF_EXTRACTORS_MOTION_HEADER_H_

#include <optional>
#include <string>
#include <vector>

#include "extractors/lines.h"

namespace motiearchief::extractors {

struct HeaderValue {
  std::string value;
  int page = 0;
  std::string rule;
};

// The document's own title in lines [0, end): the first heading line that
// names it, with the lines it wraps onto (set in the same type, where the
// page's geometry is known). Not the kind of motion ("Motie vreemd aan de
// orde van de dag") nor its number ("Motie 72/2014"). Where no heading
// names it, the first line of the first page set clearly larger than the
// body text (FindTitleByType).
std::optional<HeaderValue> FindOwnTitle(const std::vector<Line>& lines, size_t end);

// The first line in lines [0, end) of the first page set clearly larger
// (1.5 points) than the first page's body text, with the lines it wraps
// onto in the same type; not a kind of motion, a number, or a label
// ("Gemeente Groningen"). Rule "layout.larger_type"; nothing without
// geometry.
std::optional<HeaderValue> FindTitleByType(const std::vector<Line>& lines, size_t end);

// The first date in lines [0, end) that one of `rules` anchors (tried in
// order); a date may wrap onto the next line. ISO "YYYY-MM-DD".
std::optional<HeaderValue> FindAnchoredDate(const std::vector<Line>& lines, size_t end,
                                            const std::vector<const char*>& rules);

}  // namespace motiearchief::extractors

#endif  // MOTIEARCHIEF_EXTRACTORS_MOTION_HEADER_H_
