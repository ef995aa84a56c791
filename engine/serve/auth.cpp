#include "serve/auth.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <system_error>

#include "serve/dataset_store.h"

namespace raingan::serve {
namespace fs = std::filesystem;

void initialise_crypto() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium cannot be initialised");
}

fs::path password_file(const fs::path& root) { return root / ".raingan" / "serve-password"; }

void store_password(const fs::path& root, std::string_view password) {
  if (password.size() < min_password_length)
    throw std::runtime_error("the password needs at least " + std::to_string(min_password_length) +
                             " characters (bytes)");
  char hash[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(hash, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    throw std::runtime_error("not enough memory to hash the password");
  const fs::path file = password_file(root);
  const fs::path folder = file.parent_path();
  std::error_code error;
  fs::create_directories(folder, error);
  if (error) throw std::runtime_error("cannot create " + folder.string() + ": " + error.message());
  ::chmod(folder.c_str(), 0700);
  // Written beside, then renamed: a reader never sees half a hash, and the mode is 0600 from the start.
  const fs::path temporary = folder / ".serve-password.tmp";
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0) throw std::runtime_error("cannot write " + temporary.string() + ": " + std::strerror(errno));
  const std::string line = std::string(hash) + "\n";
  const bool written = ::fchmod(fd, 0600) == 0 &&
                       ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size()) &&
                       ::fsync(fd) == 0;
  ::close(fd);
  sodium_memzero(hash, sizeof hash);
  if (!written || ::rename(temporary.c_str(), file.c_str()) != 0) {
    ::unlink(temporary.c_str());
    throw std::runtime_error("cannot write " + file.string() + ": " + std::strerror(errno));
  }
}

PasswordCheck::PasswordCheck(const fs::path& root) {
  const fs::path file = password_file(root);
  struct stat status {};
  if (::stat(file.c_str(), &status) != 0)
    throw std::runtime_error("no password is set for " + root.string() +
                             "; set one with: raingan serve --set-password --root " + root.string());
  if ((status.st_mode & 077) != 0)
    throw std::runtime_error(file.string() + " can be read by other users; run chmod 600 on it");
  hash_ = read_file(file);
  while (!hash_.empty() && (hash_.back() == '\n' || hash_.back() == '\r')) hash_.pop_back();
  if (hash_.empty() || hash_.size() >= crypto_pwhash_STRBYTES)
    throw std::runtime_error(file.string() + " does not hold a password hash; set it again");
}

bool PasswordCheck::matches(std::string_view password) {
  std::lock_guard lock(mutex_);
  return crypto_pwhash_str_verify(hash_.c_str(), password.data(), password.size()) == 0;
}

std::string Sessions::key_of(std::string_view token) {
  unsigned char hash[crypto_generichash_BYTES];
  crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(token.data()), token.size(),
                     nullptr, 0);
  return {reinterpret_cast<const char*>(hash), sizeof hash};
}

std::string Sessions::open() {
  unsigned char random[32];
  randombytes_buf(random, sizeof random);
  char token[sizeof random * 2 + 1];
  sodium_bin2hex(token, sizeof token, random, sizeof random);
  const auto now = std::chrono::steady_clock::now();
  std::lock_guard lock(mutex_);
  std::erase_if(expiry_, [now](const auto& entry) { return entry.second <= now; });
  expiry_[key_of(token)] = now + lifetime_;
  return token;
}

bool Sessions::valid(std::string_view token) {
  if (token.size() != 64) return false;
  std::lock_guard lock(mutex_);
  const auto found = expiry_.find(key_of(token));
  if (found == expiry_.end()) return false;
  if (found->second <= std::chrono::steady_clock::now()) {
    expiry_.erase(found);
    return false;
  }
  return true;
}

void Sessions::close(std::string_view token) {
  std::lock_guard lock(mutex_);
  expiry_.erase(key_of(token));
}

bool is_loopback_host(std::string_view host) {
  if (host == "localhost" || host == "::1" || host == "[::1]") return true;
  if (!host.starts_with("127.")) return false;
  int dots = 0;
  for (const char c : host) {
    if (c == '.')
      ++dots;
    else if (c < '0' || c > '9')
      return false;
  }
  return dots == 3;
}

}  // namespace raingan::serve
