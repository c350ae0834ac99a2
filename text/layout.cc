#include "text/layout.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "text/normalize.h"

namespace motiearchief::text {
namespace {

std::vector<std::string_view> Words(std::string_view line) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\f')) ++i;
    size_t start = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '\f') ++i;
    if (i > start) out.push_back(line.substr(start, i - start));
  }
  return out;
}

// Characters (not bytes) of UTF-8 `s`.
size_t Chars(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n == 0 ? 1 : n;
}

float Center(const LineBox& b) { return (b.top + b.bottom) / 2; }

float Quantile(std::vector<float> values, double q) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const size_t k = std::min(values.size() - 1, static_cast<size_t>(q * (values.size() - 1) + 0.5));
  return values[k];
}

}  // namespace

std::vector<LineBox> AlignLineBoxes(std::string_view page_text, const std::vector<WordBox>& words) {
  const std::vector<std::string_view> lines = SplitLines(page_text);
  std::vector<LineBox> boxes(lines.size());
  // No page of a motion holds this many words; a crafted one gets no boxes.
  if (words.size() > kMaxWordsPerPage) return boxes;
  // Word boxes by their text, each list top to bottom, left to right.
  std::unordered_map<std::string_view, std::vector<size_t>> by_text;
  for (size_t w = 0; w < words.size(); ++w) {
    if (words[w].box.known()) by_text[words[w].text].push_back(w);
  }
  for (auto& [text, list] : by_text) {
    std::sort(list.begin(), list.end(), [&](size_t a, size_t b) {
      const LineBox &x = words[a].box, &y = words[b].box;
      return Center(x) != Center(y) ? Center(x) < Center(y) : x.left < y.left;
    });
  }
  std::vector<bool> used(words.size(), false);
  std::unordered_map<std::string_view, size_t> start;  // per text: first candidate still wanted
  float floor_y = -1e9f;  // lines come top to bottom: no match above the line before
  for (size_t l = 0; l < lines.size(); ++l) {
    const std::vector<std::string_view> tokens = Words(lines[l]);
    if (tokens.empty()) continue;
    std::vector<size_t> matched;
    float row = -1e9f;  // the centre of this line's first match
    for (std::string_view token : tokens) {
      auto it = by_text.find(token);
      if (it == by_text.end()) continue;
      // Candidates above the line before are never wanted again (lines come
      // top to bottom): the list's start moves past them for good. At most
      // kLookAhead candidates are tried from there, so that a page of one
      // word repeated thousands of times costs no more than an ordinary one.
      constexpr size_t kLookAhead = 64;
      std::vector<size_t>& list = it->second;
      size_t& from = start[it->first];
      while (from < list.size() &&
             Center(words[list[from]].box) < floor_y - words[list[from]].box.height() / 2) {
        ++from;
      }
      size_t best = words.size();
      for (size_t k = from, tried = 0; k < list.size() && tried < kLookAhead; ++k) {
        const size_t w = list[k];
        if (used[w]) continue;
        ++tried;
        const LineBox& b = words[w].box;
        if (row > -1e8f && std::fabs(Center(b) - row) > b.height() / 2) continue;
        best = w;
        break;
      }
      if (best == words.size()) continue;
      used[best] = true;
      matched.push_back(best);
      if (row < -1e8f) row = Center(words[best].box);
    }
    if (matched.empty() || matched.size() * 2 < tokens.size()) {
      for (size_t w : matched) used[w] = false;
      continue;
    }
    LineBox box = words[matched.front()].box;
    size_t bold_chars = 0, chars = 0;
    std::vector<float> sizes;
    for (size_t w : matched) {
      const LineBox& b = words[w].box;
      box.left = std::min(box.left, b.left);
      box.top = std::min(box.top, b.top);
      box.right = std::max(box.right, b.right);
      box.bottom = std::max(box.bottom, b.bottom);
      chars += words[w].text.size();
      if (b.bold) bold_chars += words[w].text.size();
      if (b.font_size > 0) sizes.push_back(b.font_size);
    }
    box.bold = bold_chars * 2 > chars;
    box.font_size = Quantile(sizes, 0.5);
    boxes[l] = box;
    floor_y = row;
  }
  return boxes;
}

float TypicalLineGap(const std::vector<LineBox>& boxes) {
  std::vector<float> gaps;
  for (size_t i = 1; i < boxes.size(); ++i) {
    if (!boxes[i - 1].known() || !boxes[i].known()) continue;
    const float gap = boxes[i].top - boxes[i - 1].bottom;
    // Boxes of one row (columns) or out of order are no spacing.
    if (gap >= -std::max(boxes[i].height(), boxes[i - 1].height()) / 2) gaps.push_back(gap);
  }
  return gaps.size() < 3 ? -1 : Quantile(gaps, 0.25);
}

std::vector<float> BlockRights(const std::vector<LineBox>& boxes) {
  constexpr size_t kWindow = 5;
  std::vector<float> rights(boxes.size(), 0);
  for (size_t i = 0; i < boxes.size(); ++i) {
    const size_t from = i < kWindow ? 0 : i - kWindow;
    const size_t to = std::min(boxes.size(), i + kWindow + 1);
    for (size_t k = from; k < to; ++k) {
      if (boxes[k].known()) rights[i] = std::max(rights[i], boxes[k].right);
    }
  }
  return rights;
}

bool StartsParagraph(const LineBox& before, std::string_view text_before, const LineBox& box,
                     std::string_view text, float typical_gap, float block_right) {
  if (!before.known() || !box.known()) return false;
  const float gap = box.top - before.bottom;
  const float height = std::max(before.height(), box.height());
  if (gap < -height / 2) return false;  // the same row, or columns out of order
  if (typical_gap >= 0 && gap > typical_gap + std::max(3.0f, 0.4f * height)) return true;
  const std::vector<std::string_view> words = Words(text);
  if (words.empty() || Trim(text_before).empty() || block_right <= 0) return false;
  const float char_width = (box.right - box.left) / static_cast<float>(Chars(Trim(text)));
  const float word_width = char_width * static_cast<float>(Chars(words.front()) + 1);
  return block_right - before.right > word_width + char_width;
}

}  // namespace motiearchief::text
