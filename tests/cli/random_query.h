// Random query strings for fuzzing search: mostly the characters that mean
// something to FTS5 or to a URL, some Dutch words, some raw UTF-8 bytes.
#ifndef MOTIEARCHIEF_TESTS_CLI_RANDOM_QUERY_H_
#define MOTIEARCHIEF_TESTS_CLI_RANDOM_QUERY_H_

#include <random>
#include <string>

namespace motiearchief::testing_cli {

inline std::string RandomQuery(std::mt19937& rng) {
  static const char* kPieces[] = {"\"",          "(",          ")",         "*",
                                  ":",           "^",          "-",         "+",
                                  "OR",          "AND",        "NOT",       "NEAR",
                                  "{",           "}",          "[",         "]",
                                  "'",           ";",          "%",         "&",
                                  "=",           "?",          "#",         "\\",
                                  "/",           "<script>",   "</b>",      " ",
                                  " ",           " ",          "woning",    "Súdwest-Fryslân",
                                  "motie",       "kabinet",    "Den Bosch", "ë",
                                  "ï",           "€",          "\t",        "\n",
                                  "titel:",      "verzoeken:", "0",         "2023-12-01",
                                  "%00",         "%ZZ",        "\xc3",      "\xff\xfe",
                                  "\xe2\x80\x9c"};
  std::string q;
  const int n = static_cast<int>(rng() % 12);
  for (int i = 0; i < n; ++i) {
    if (rng() % 8 == 0) {
      q += static_cast<char>(1 + rng() % 255);  // any byte but NUL
    } else {
      q += kPieces[rng() % (sizeof kPieces / sizeof kPieces[0])];
    }
  }
  return q;
}

}  // namespace motiearchief::testing_cli

#endif  // MOTIEARCHIEF_TESTS_CLI_RANDOM_QUERY_H_
