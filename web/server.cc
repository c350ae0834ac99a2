#include "web/server.h"

#include <httplib.h>

#include <iostream>

#include "archive/archive.h"
#include "web/site.h"

namespace motiearchief::web {

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
  const Site site(args.db);
  httplib::Server server;
  server.Get(".*", [&site](const httplib::Request& req, httplib::Response& res) {
    Request request;
    request.path = req.path;
    for (const auto& [name, value] : req.params) request.params.emplace_back(name, value);
    if (req.has_header("Host")) request.base_url = "http://" + req.get_header_value("Host");
    Response answer = site.Handle(request);
    res.status = answer.status;
    for (const auto& [name, value] : answer.headers) res.set_header(name, value);
    res.set_content(std::move(answer.body), answer.content_type);
  });
  int port = args.port;
  if (port == 0) {
    port = server.bind_to_any_port(args.host);
  } else if (!server.bind_to_port(args.host, port)) {
    port = -1;
  }
  if (port < 0) {
    std::cerr << "motiearchief serve: cannot listen on " << args.host << ":" << args.port << "\n";
    return 1;
  }
  std::cout << "http://" << args.host << ":" << port << "/" << std::endl;
  std::cerr << "motiearchief serve: " << args.db << " on http://" << args.host << ":" << port
            << "/ (read-only; Ctrl-C stops)\n";
  return server.listen_after_bind() ? 0 : 1;
}

}  // namespace motiearchief::web
