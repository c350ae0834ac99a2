#include "web/server.h"

#include <iostream>

#include "archive/archive.h"
#include "base/module.h"
#include "web/http_module.h"
#include "web/site.h"

namespace motiearchief::web {
namespace {

Result<const HttpApi*> LoadHttp() {
#ifdef MA_HTTP_MODULE
  const std::string build_path = MA_HTTP_MODULE;
#else
  const std::string build_path;
#endif
  return LoadModuleApi<HttpApi>("the HTTP server", "libmotiearchief-http.so", build_path,
                                "motiearchief_http_api");
}

}  // namespace

int RunServe(const ServeArgs& args) {
  {
    // Fail now, not on the first request.
    archive::ArchiveOptions options;
    options.read_only = true;
    auto archive = archive::Archive::Open(args.db, options);
    if (!archive.ok()) {
      std::cerr << "motiearchief serve: " << archive.status().ToString() << "\n";
      return 1;
    }
  }
  auto http = LoadHttp();
  if (!http.ok()) {
    std::cerr << "motiearchief serve: " << http.status().ToString() << "\n";
    return 1;
  }
  const Site site(args.db);
  Status served = (*http)->serve(
      args.host, args.port, [&site](const Request& request) { return site.Handle(request); },
      [&args](int port) {
        std::cout << "http://" << args.host << ":" << port << "/" << std::endl;
        std::cerr << "motiearchief serve: " << args.db << " on http://" << args.host << ":" << port
                  << "/ (read-only; Ctrl-C stops)\n";
      });
  if (!served.ok()) {
    std::cerr << "motiearchief serve: " << served.message() << "\n";
    return 1;
  }
  return 0;
}

}  // namespace motiearchief::web
