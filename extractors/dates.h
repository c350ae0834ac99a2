// Dutch dates in the forms motions write them, as ISO "YYYY-MM-DD".
//
// "20 november 2023", "1 dec. 2023", "20-11-2023", "20-11 -2023" (OCR),
// "1 december a.s." and "20 november" (year from a reference date: the
// nearest such date, after it for "a.s.", before it for "j.l.").
#ifndef MOTIEARCHIEF_EXTRACTORS_DATES_H_
#define MOTIEARCHIEF_EXTRACTORS_DATES_H_

#include <optional>
#include <string>
#include <string_view>

namespace motiearchief::extractors {

struct FoundDate {
  std::string iso;
  std::string rule;  // "date.long", "date.numeric", "date.iso"
  size_t begin = 0;  // byte range of the match in the text
  size_t end = 0;
  bool year_inferred = false;
};

// The first valid date in `text`. A date without a year is returned only
// when `reference_iso` is given (never a guess).
std::optional<FoundDate> FindDate(std::string_view text,
                                  const std::optional<std::string>& reference_iso);

}  // namespace motiearchief::extractors

#endif  // MOTIEARCHIEF_EXTRACTORS_DATES_H_
