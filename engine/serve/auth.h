#pragma once
// Who may use a server that listens beyond this machine: one password for the office, set with
// `raingan serve --set-password` and stored only as a libsodium Argon2id hash in
// <root>/.raingan/serve-password (folder 0700, file 0600); a correct password opens a session, a random token
// in an HttpOnly, SameSite=Strict cookie that expires.

#include <chrono>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

namespace raingan::serve {

// Must be called once before anything below (libsodium's initialisation). Throws when it fails.
void initialise_crypto();

std::filesystem::path password_file(const std::filesystem::path& root);

// Hashes and stores the password (replacing any earlier one). Throws std::runtime_error with a message for
// the user when the password is too short or the file cannot be written.
void store_password(const std::filesystem::path& root, std::string_view password);

inline constexpr std::size_t min_password_length = 8;  // bytes

// Checks passwords against the stored hash, one check at a time: each takes about 0.1 s and 64 MiB, so
// guessing is slow and memory stays bounded however many try at once.
class PasswordCheck {
 public:
  // Throws std::runtime_error when there is no password file or it cannot be read.
  explicit PasswordCheck(const std::filesystem::path& root);
  bool matches(std::string_view password);

 private:
  std::string hash_;
  std::mutex mutex_;
};

class Sessions {
 public:
  explicit Sessions(std::chrono::seconds lifetime) : lifetime_(lifetime) {}

  // A new session's token (64 hex digits from the system's random source).
  std::string open();
  bool valid(std::string_view token);
  void close(std::string_view token);
  std::chrono::seconds lifetime() const noexcept { return lifetime_; }

 private:
  // Tokens are kept hashed: a lookup compares hashes, not the secret itself.
  static std::string key_of(std::string_view token);

  std::chrono::seconds lifetime_;
  std::mutex mutex_;
  std::map<std::string, std::chrono::steady_clock::time_point> expiry_;
};

// 127.0.0.1 (any 127.x.y.z), ::1 and localhost: a server bound there is reached only from this machine.
bool is_loopback_host(std::string_view host);

}  // namespace raingan::serve
