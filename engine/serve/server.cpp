#include "serve/server.h"

#include <pthread.h>
#include <sys/socket.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <system_error>
#include <thread>

#include "serve/web_assets.h"

namespace raingan::serve {
namespace {

constexpr std::string_view session_cookie = "raingan_session";

// The host part of a Host header: "127.0.0.1:8080" -> "127.0.0.1", "[::1]:8080" -> "[::1]".
std::string_view host_part(std::string_view host) {
  if (host.starts_with('[')) {
    const auto close = host.find(']');
    return close == std::string_view::npos ? host : host.substr(0, close + 1);
  }
  const auto colon = host.rfind(':');
  return colon == std::string_view::npos ? host : host.substr(0, colon);
}

std::string cookie(const httplib::Request& request, std::string_view name) {
  const std::string header = request.get_header_value("Cookie");
  std::string_view rest = header;
  while (!rest.empty()) {
    const auto end = rest.find(';');
    std::string_view pair = rest.substr(0, end);
    while (pair.starts_with(' ')) pair.remove_prefix(1);
    if (pair.size() > name.size() && pair.starts_with(name) && pair[name.size()] == '=')
      return std::string(pair.substr(name.size() + 1));
    if (end == std::string_view::npos) break;
    rest.remove_prefix(end + 1);
  }
  return {};
}

bool unsafe_method(const std::string& method) { return method != "GET" && method != "HEAD"; }

// Pages may load only what the server itself serves: no inline script, nothing from elsewhere.
constexpr const char* page_policy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
    "frame-src 'self' blob:; object-src 'self' blob:; connect-src 'self'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'";

}  // namespace

void send_json(httplib::Response& response, int status, const nlohmann::json& body) {
  response.status = status;
  response.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                       "application/json");
}

void send_error(httplib::Response& response, int status, const std::string& message) {
  send_json(response, status, {{"message", message}});
}

Server::Server(const ServeOptions& options)
    : options_(options),
      password_required_(!is_loopback_host(options.host)),
      sessions_(options.session_lifetime),
      project_(options.root),
      store_(project_),
      gate_(options.max_renders, options.render_queue, options.queue_wait),
      workers_(project_, own_executable(), options.worker_flags, options.render_limits),
      build_(project_, gate_, workers_) {
  if (password_required_) password_ = std::make_unique<PasswordCheck>(options.root);

  // Each waiting render holds a request thread, so there are enough for every slot, the whole queue and a
  // few for the rest of the API.
  const std::size_t threads = options.max_renders + options.render_queue + 8;
  http_.new_task_queue = [threads] { return std::make_unique<httplib::ThreadPool>(threads).release(); };
  http_.set_payload_max_length(options.max_body_bytes);
  http_.set_keep_alive_timeout(3);
  http_.set_read_timeout(30);
  http_.set_write_timeout(30);
  http_.set_default_headers({{"X-Content-Type-Options", "nosniff"},
                             {"Referrer-Policy", "no-referrer"},
                             {"X-Frame-Options", "SAMEORIGIN"},
                             {"Cache-Control", "no-store"}});

  // A body without Content-Length would be read without limit by the library: refused before it is read.
  http_.set_pre_routing_handler([](const httplib::Request& request, httplib::Response& response) {
    const bool has_body = request.method == "POST" || request.method == "PUT" || request.method == "PATCH";
    if (has_body && !request.has_header("Content-Length")) {
      response.set_header("Connection", "close");
      send_error(response, 411,
                 "a request body needs a Content-Length header (chunked bodies are not accepted)");
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  http_.set_error_handler(
      httplib::Server::HandlerWithResponse([this](const httplib::Request&, httplib::Response& response) {
        if (!response.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        if (response.status == 413) {
          send_error(response, 413,
                     "the request body is larger than the server accepts (" +
                         std::to_string(options_.max_body_bytes >> 20) + " MB)");
        } else if (response.status == 404) {
          send_error(response, 404, "no such page or API");
        } else {
          send_error(response, response.status,
                     "the request could not be handled (HTTP " + std::to_string(response.status) + ")");
        }
        return httplib::Server::HandlerResponse::Handled;
      }));
  http_.set_exception_handler(
      [](const httplib::Request&, httplib::Response& response, const std::exception_ptr& thrown) {
        std::string message = "internal error";
        try {
          std::rethrow_exception(thrown);
        } catch (const std::exception& error) {
          message += std::string(": ") + error.what();
        } catch (...) {
        }
        send_error(response, 500, message);
      });
  http_.set_logger([](const httplib::Request& request, const httplib::Response& response) {
    std::fprintf(stderr, "%s %s %d\n", request.method.c_str(), request.path.c_str(), response.status);
  });

  add_app_routes();
  add_session_routes();
  add_api_routes();
  add_render_routes();
  add_import_routes();
}

int Server::bind() {
  const int port = options_.port == 0
                       ? http_.bind_to_any_port(options_.host)
                       : (http_.bind_to_port(options_.host, options_.port) ? options_.port : -1);
  if (port < 0)
    throw std::runtime_error("cannot listen on " + options_.host + ":" + std::to_string(options_.port) +
                             " (is another server using the port, or is the address not this machine's?)");
  http_.set_backlog(1024);
  return port;
}

void HttpServer::set_backlog(int connections) {
  // listen() again on a listening socket only changes its backlog.
  if (::listen(svr_sock_, connections) != 0)
    throw std::system_error(errno, std::generic_category(), "listen");
}

void Server::listen() { http_.listen_after_bind(); }

void Server::shut_down() {
  gate_.shut_down();
  build_.stop();
  http_.stop();
}

bool Server::allowed_host(const httplib::Request& request) const {
  // Bound to loopback, only loopback names are accepted: a page elsewhere cannot reach the server through a
  // name of its own that resolves to 127.0.0.1 (DNS rebinding).
  if (password_required_) return true;
  return is_loopback_host(host_part(request.get_header_value("Host")));
}

bool Server::allowed_origin(const httplib::Request& request) const {
  if (!unsafe_method(request.method) || !request.has_header("Origin")) return true;
  return request.get_header_value("Origin") == "http://" + request.get_header_value("Host");
}

bool Server::signed_in(const httplib::Request& request) {
  return !password_required_ || sessions_.valid(cookie(request, session_cookie));
}

bool Server::json_body(const httplib::Request& request, httplib::Response& response) {
  const std::string type = request.get_header_value("Content-Type");
  if (type.starts_with("application/json")) return true;
  send_error(response, 415,
             "expected a JSON body (Content-Type: application/json), found " +
                 (type.empty() ? std::string("no Content-Type") : "'" + type.substr(0, 80) + "'"));
  return false;
}

Server::Handler Server::guarded(Access access, Handler handler) {
  return [this, access, handler = std::move(handler)](const httplib::Request& request,
                                                      httplib::Response& response) {
    if (!allowed_host(request))
      return send_error(response, 403, "this server answers only to 127.0.0.1 and localhost");
    if (!allowed_origin(request)) return send_error(response, 403, "requests from another site are refused");
    if (access == Access::signed_in && !signed_in(request))
      return send_error(response, 401, "sign in first (/login)");
    handler(request, response);
  };
}

void Server::add_app_routes() {
  const auto serve_asset = [](std::string_view path, httplib::Response& response) {
    const WebAsset* asset = find_web_asset(path);
    if (!asset) return send_error(response, 404, "no such page");
    response.set_content(std::string(asset->content()), std::string(content_type_of(path)));
    response.set_header("Cache-Control", "no-cache");
    if (path.ends_with(".html")) response.set_header("Content-Security-Policy", page_policy);
  };
  http_.Get("/", guarded(Access::open,
                         [this, serve_asset](const httplib::Request& request, httplib::Response& response) {
                           if (!signed_in(request)) return response.set_redirect("/login", 303);
                           serve_asset("/index.html", response);
                         }));
  http_.Get("/login",
            guarded(Access::open, [serve_asset](const httplib::Request&, httplib::Response& response) {
              serve_asset("/login.html", response);
            }));
  // The app's scripts and style sheet: the same for everyone, nothing of the project's in them.
  http_.Get(
      R"(/([a-z0-9-]+\.(js|css|svg)))",
      guarded(Access::open, [serve_asset](const httplib::Request& request, httplib::Response& response) {
        serve_asset(request.path, response);
      }));
}

void Server::add_session_routes() {
  http_.Get("/api/session",
            guarded(Access::open, [this](const httplib::Request& request, httplib::Response& response) {
              send_json(response, 200,
                        {{"password_required", password_required_}, {"signed_in", signed_in(request)}});
            }));
  http_.Post("/api/login",
             guarded(Access::open, [this](const httplib::Request& request, httplib::Response& response) {
               if (!json_body(request, response)) return;
               if (!password_required_) return send_json(response, 200, {{"signed_in", true}});
               const auto body = nlohmann::json::parse(request.body, nullptr, false);
               if (!body.is_object() || !body.contains("password") || !body["password"].is_string())
                 return send_error(response, 400, "expected {\"password\": \"…\"}");
               if (!password_->matches(body["password"].get<std::string>())) {
                 std::this_thread::sleep_for(std::chrono::seconds(1));  // slows guessing further
                 return send_error(response, 401, "wrong password");
               }
               const std::string token = sessions_.open();
               response.set_header("Set-Cookie", std::string(session_cookie) + "=" + token +
                                                     "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" +
                                                     std::to_string(sessions_.lifetime().count()));
               send_json(response, 200, {{"signed_in", true}});
             }));
  http_.Post("/api/logout",
             guarded(Access::open, [this](const httplib::Request& request, httplib::Response& response) {
               sessions_.close(cookie(request, session_cookie));
               response.set_header("Set-Cookie", std::string(session_cookie) +
                                                     "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
               send_json(response, 200, {{"signed_in", false}});
             }));
}

int run_server(const ServeOptions& options) {
  initialise_crypto();
  // SIGINT and SIGTERM go to one thread that shuts the server down; every thread started from here on
  // (the request threads) inherits the block. A client that hangs up must not end the server (SIGPIPE).
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  std::signal(SIGPIPE, SIG_IGN);

  Server server(options);
  const int port = server.bind();
  std::printf(
      "raingan serve: http://%s:%d/ serving %s%s\n",
      options.host.find(':') != std::string::npos ? ("[" + options.host + "]").c_str() : options.host.c_str(),
      port, options.root.c_str(), is_loopback_host(options.host) ? "" : " (password required)");
  std::fflush(stdout);

  std::thread signals([&server, stop_signals] {
    int received = 0;
    sigwait(&stop_signals, &received);
    std::fprintf(stderr, "raingan serve: %s, finishing the requests in progress\n",
                 received == SIGINT ? "interrupted" : "asked to stop");
    server.shut_down();
  });
  server.listen();
  // listen() returned: by a signal (the thread has ended) or by a failure (wake the thread to end it).
  pthread_kill(signals.native_handle(), SIGTERM);
  signals.join();
  std::printf("raingan serve: stopped\n");
  return 0;
}

}  // namespace raingan::serve
