// The HTTP server under `motiearchief serve`: cpp-httplib, which brings
// OpenSSL, zlib and Brotli and sets OpenSSL up when it is loaded (7 ms of
// every start of the program, on 2 cores). So it is a module
// (libmotiearchief-http.so, http_module.cc) that server.cc loads when
// `serve` starts; every other command never maps it.
//
// Only plain data and std::function cross the module boundary: the module
// calls nothing of the program's by name.
#ifndef MOTIEARCHIEF_WEB_HTTP_MODULE_H_
#define MOTIEARCHIEF_WEB_HTTP_MODULE_H_

#include <functional>
#include <string>

#include "base/status.h"
#include "web/site.h"

namespace motiearchief::web {

using HttpHandler = std::function<Response(const Request&)>;

struct HttpApi {
  // Binds `host`:`port` (0: any free port), calls `on_listening` with the
  // port bound, and answers every GET with `handler` (on the server's
  // threads, concurrently) until the process is stopped; then returns Ok.
  // kIoError when it cannot bind (naming host and port) or stops listening
  // on an error.
  Status (*serve)(const std::string& host, int port, const HttpHandler& handler,
                  const std::function<void(int port)>& on_listening);
};

}  // namespace motiearchief::web

// The module's one exported symbol (C linkage: found by name with dlsym).
extern "C" const motiearchief::web::HttpApi* motiearchief_http_api();

#endif  // MOTIEARCHIEF_WEB_HTTP_MODULE_H_
