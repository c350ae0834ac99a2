#include "web/http_module.h"

#include <httplib.h>

#include <utility>

namespace motiearchief::web {
namespace {

Status Serve(const std::string& host, int port, const HttpHandler& handler,
             const std::function<void(int)>& on_listening) {
  httplib::Server server;
  server.Get(".*", [&handler](const httplib::Request& req, httplib::Response& res) {
    Request request;
    request.path = req.path;
    for (const auto& [name, value] : req.params) request.params.emplace_back(name, value);
    if (req.has_header("Host")) request.base_url = "http://" + req.get_header_value("Host");
    Response answer = handler(request);
    res.status = answer.status;
    for (const auto& [name, value] : answer.headers) res.set_header(name, value);
    res.set_content(std::move(answer.body), answer.content_type);
  });
  int bound = port;
  if (port == 0) {
    bound = server.bind_to_any_port(host);
  } else if (!server.bind_to_port(host, port)) {
    bound = -1;
  }
  if (bound < 0) {
    return Status::IoError("cannot listen on " + host + ":" + std::to_string(port));
  }
  on_listening(bound);
  if (!server.listen_after_bind()) {
    return Status::IoError("stopped listening on " + host + ":" + std::to_string(bound));
  }
  return Status::Ok();
}

}  // namespace
}  // namespace motiearchief::web

extern "C" __attribute__((visibility("default"))) const motiearchief::web::HttpApi*
motiearchief_http_api() {
  static const motiearchief::web::HttpApi api{&motiearchief::web::Serve};
  return &api;
}
