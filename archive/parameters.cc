#include "archive/parameters.h"

#include <algorithm>
#include <cctype>

namespace motiearchief::archive::internal {
namespace {

bool IdentifierChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

}  // namespace

PostgresSql ToPostgresParameters(std::string_view in) {
  PostgresSql out;
  int next = 1;  // the number a bare `?` takes: one past the highest so far
  auto use = [&](int n) {
    if (n > out.parameters) {
      out.parameters = n;
      out.names.resize(static_cast<size_t>(n));
    }
    next = std::max(next, n + 1);
    out.sql += "$" + std::to_string(n);
  };
  size_t i = 0;
  while (i < in.size()) {
    char c = in[i];
    if (c == '\'' || c == '"') {
      // A literal or quoted identifier, doubled quotes inside.
      size_t end = i + 1;
      while (end < in.size()) {
        if (in[end] == c) {
          if (end + 1 < in.size() && in[end + 1] == c) {
            end += 2;
            continue;
          }
          break;
        }
        ++end;
      }
      end = std::min(end + 1, in.size());
      out.sql.append(in.substr(i, end - i));
      i = end;
    } else if (c == '-' && i + 1 < in.size() && in[i + 1] == '-') {
      size_t end = in.find('\n', i);
      if (end == std::string_view::npos) end = in.size();
      out.sql.append(in.substr(i, end - i));
      i = end;
    } else if (c == '?') {
      size_t end = i + 1;
      while (end < in.size() && std::isdigit(static_cast<unsigned char>(in[end]))) ++end;
      use(end > i + 1 ? std::stoi(std::string(in.substr(i + 1, end - i - 1))) : next);
      i = end;
    } else if (c == ':' && i + 1 < in.size() && in[i + 1] == ':') {
      out.sql += "::";
      i += 2;
    } else if (c == ':' && i + 1 < in.size() &&
               (std::isalpha(static_cast<unsigned char>(in[i + 1])) || in[i + 1] == '_')) {
      size_t end = i + 1;
      while (end < in.size() && IdentifierChar(in[end])) ++end;
      std::string name(in.substr(i, end - i));
      int n = 0;
      for (size_t k = 0; k < out.names.size(); ++k) {
        if (out.names[k] == name) n = static_cast<int>(k) + 1;
      }
      if (n == 0) {
        n = next;
        use(n);
        out.names[static_cast<size_t>(n) - 1] = name;
      } else {
        out.sql += "$" + std::to_string(n);
      }
      i = end;
    } else {
      out.sql += c;
      ++i;
    }
  }
  return out;
}

}  // namespace motiearchief::archive::internal
