// `motiearchief serve`: a local web page over the archive for researchers,
// and the JSON API behind it.
//
//   GET /                      search form and results (same filters as `search`)
//   GET /documents/ID          one document: every field, preadvies, full text
//   GET /api/search?q=...      results as JSON; 400 {"error"} for input to fix
//   GET /api/documents/ID      the record as JSON with provenance; 404 if unknown
//
// The archive is opened read-only, per request (so requests on the server's
// worker threads share nothing). Everything from the archive is
// HTML-escaped. A bad query is a 400 with a message, never a 500.
#ifndef MOTIEARCHIEF_CLI_SERVE_H_
#define MOTIEARCHIEF_CLI_SERVE_H_

#include <string>

namespace motiearchief::cli {

struct ServeArgs {
  std::string db;
  // Bound to loopback unless told otherwise: the archive is not for the
  // whole network by accident. Default 127.0.0.1.
  std::string host = "127.0.0.1";
  // 0: any free port. The address served is printed on stdout. Default 8080.
  int port = 8080;
};

// Serves until the process is stopped. Exit code 1 if the archive cannot
// be opened or the port cannot be bound.
int RunServe(const ServeArgs& args);

}  // namespace motiearchief::cli

#endif  // MOTIEARCHIEF_CLI_SERVE_H_
