// `motiearchief serve`: the site (site.h) over HTTP, on a local port.
#ifndef MOTIEARCHIEF_WEB_SERVER_H_
#define MOTIEARCHIEF_WEB_SERVER_H_

#include <string>

namespace motiearchief::web {

struct ServeArgs {
  std::string db;
  // Bound to loopback unless told otherwise: the archive is not for the
  // whole network by accident. Default 127.0.0.1.
  std::string host = "127.0.0.1";
  // 0: any free port. The address served is printed on stdout. Default 8080.
  int port = 8080;
};

// Serves until the process is stopped. Returns 0 when stopped, 1 if the
// archive cannot be opened or the port cannot be bound (with a message on
// standard error).
int RunServe(const ServeArgs& args);

}  // namespace motiearchief::web

#endif  // MOTIEARCHIEF_WEB_SERVER_H_
