#pragma once
// The HTTP side of raingan serve: which requests may go through (host, origin, session, body), the app's
// files, sign-in, and the API routes (api_routes.cpp, import_routes.cpp).

#include <httplib.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "serve/auth.h"
#include "serve/build_job.h"
#include "serve/dataset_store.h"
#include "serve/project.h"
#include "serve/render_gate.h"
#include "serve/render_workers.h"
#include "serve/serve.h"

namespace raingan::serve {

// cpp-httplib's server with a longer queue of connections waiting to be accepted: Debian's library is built
// with a backlog of 5, and a burst of clients beyond it is answered with connection resets.
class HttpServer : public httplib::Server {
 public:
  // After binding; throws std::system_error when the socket refuses.
  void set_backlog(int connections);
};

class Server {
 public:
  explicit Server(const ServeOptions& options);
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds; returns the port (the one chosen when options.port is 0). Throws when it cannot.
  int bind();
  // Serves until shut_down(); returns when the requests in progress are answered.
  void listen();
  // Safe from any thread: refuses waiting renders, stops the build after its current document, stops
  // listening.
  void shut_down();

 private:
  enum class Access { open, signed_in };
  using Handler = std::function<void(const httplib::Request&, httplib::Response&)>;

  // Every route goes through here: host and origin checks, sign-in, and errors as JSON.
  Handler guarded(Access access, Handler handler);
  bool allowed_host(const httplib::Request& request) const;
  bool allowed_origin(const httplib::Request& request) const;
  bool signed_in(const httplib::Request& request);

  void add_app_routes();
  void add_session_routes();
  void add_api_routes();     // api_routes.cpp
  void add_render_routes();  // api_routes.cpp
  void add_import_routes();  // import_routes.cpp

  // A render slot (imports take one too); answers 503 and returns false when none comes free.
  bool take_slot(RenderGate::Slot& slot, httplib::Response& response);

  // Reads a JSON body the API requires (Content-Type application/json); answers 415 and returns false
  // otherwise.
  static bool json_body(const httplib::Request& request, httplib::Response& response);

  ServeOptions options_;
  bool password_required_ = false;
  std::unique_ptr<PasswordCheck> password_;
  Sessions sessions_;
  Project project_;
  DatasetStore store_;
  RenderGate gate_;
  RenderWorkers workers_;
  BuildJob build_;
  HttpServer http_;
};

// {"message": …} with the status.
void send_error(httplib::Response& response, int status, const std::string& message);
void send_json(httplib::Response& response, int status, const nlohmann::json& body);

}  // namespace raingan::serve
