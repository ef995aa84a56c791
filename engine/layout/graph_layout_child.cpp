#include "layout/graph_layout_child.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <mutex>
#include <stdexcept>
#include <string>

#include "core/descriptor.h"

namespace raingan::layout {
namespace {

// The child's answer, in the byte order and layout of this one program: a kind byte, then the layout or
// the message.
enum class Answer : char { layout = 'L', layout_error = 'E', invalid = 'I' };

template <typename T>
void put(std::string& out, const T& value) {
  out.append(reinterpret_cast<const char*>(&value), sizeof value);
}

void put_text(std::string& out, const std::string& text) {
  put(out, text.size());
  out += text;
}

std::string encoded(const GraphLayout& layout) {
  std::string out(1, static_cast<char>(Answer::layout));
  put(out, layout.size);
  put(out, layout.centers.size());
  for (const Point& p : layout.centers) put(out, p);
  put(out, layout.edges.size());
  for (const EdgeRoute& edge : layout.edges) {
    put(out, edge.points.size());
    for (const Point& p : edge.points) put(out, p);
    put(out, edge.arrow);
    put(out, edge.label_center.has_value());
    put(out, edge.label_center.value_or(Point{}));
  }
  put(out, layout.warnings.size());
  for (const auto& warning : layout.warnings) put_text(out, warning);
  return out;
}

class Reader {
 public:
  explicit Reader(const std::string& bytes) : bytes_(bytes) {}
  template <typename T>
  T get() {
    T value{};
    if (at_ + sizeof value > bytes_.size()) throw GraphLayoutError("Graphviz's answer was cut short");
    std::memcpy(&value, bytes_.data() + at_, sizeof value);
    at_ += sizeof value;
    return value;
  }
  std::size_t count() {
    const auto n = get<std::size_t>();
    if (n > bytes_.size()) throw GraphLayoutError("Graphviz's answer was cut short");
    return n;
  }
  std::string text() {
    const std::size_t n = count();
    if (at_ + n > bytes_.size()) throw GraphLayoutError("Graphviz's answer was cut short");
    std::string out = bytes_.substr(at_, n);
    at_ += n;
    return out;
  }

 private:
  const std::string& bytes_;
  std::size_t at_ = 1;  // after the kind byte
};

GraphLayout decoded(const std::string& bytes) {
  Reader in(bytes);
  GraphLayout layout;
  layout.size = in.get<Size>();
  layout.centers.resize(in.count());
  for (Point& p : layout.centers) p = in.get<Point>();
  layout.edges.resize(in.count());
  for (EdgeRoute& edge : layout.edges) {
    edge.points.resize(in.count());
    for (Point& p : edge.points) p = in.get<Point>();
    edge.arrow = in.get<bool>();
    const bool labelled = in.get<bool>();
    const Point center = in.get<Point>();
    if (labelled) edge.label_center = center;
  }
  layout.warnings.resize(in.count());
  for (auto& warning : layout.warnings) warning = in.text();
  return layout;
}

void write_all(int fd, const std::string& bytes) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    done += static_cast<std::size_t>(n);
  }
}

}  // namespace

GraphLayout run_isolated(const std::function<GraphLayout()>& layout, unsigned seconds) {
  if constexpr (!graph_layouts_isolated) {
    // In process, one layout at a time: Graphviz's error state and layout code are not thread-safe.
    static std::mutex graphviz;
    const std::lock_guard<std::mutex> hold(graphviz);
    return layout();
  }
  int ends[2];
  if (::pipe(ends) != 0)
    throw GraphLayoutError(std::string("could not start Graphviz: ") + std::strerror(errno));
  Descriptor read_end(ends[0]), write_end(ends[1]);
  const pid_t child = ::fork();
  if (child < 0) throw GraphLayoutError(std::string("could not start Graphviz: ") + std::strerror(errno));
  if (child == 0) {
    read_end.reset();
    // The parent's handlers (which remove its unfinished outputs, or report a crash) are not the child's.
    for (int signal = 1; signal < NSIG; ++signal) std::signal(signal, SIG_DFL);
    ::alarm(seconds);
    std::string answer;
    try {
      answer = encoded(layout());
    } catch (const std::invalid_argument& error) {
      answer = std::string(1, static_cast<char>(Answer::invalid)) + error.what();
    } catch (const std::exception& error) {
      answer = std::string(1, static_cast<char>(Answer::layout_error)) + error.what();
    }
    write_all(write_end.get(), answer);
    ::_exit(0);  // no destructors, no atexit handlers: they belong to the parent
  }
  write_end.reset();
  std::string bytes;
  char buffer[65536];
  for (;;) {
    const ssize_t n = ::read(read_end.get(), buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    bytes.append(buffer, static_cast<std::size_t>(n));
  }
  int status = 0;
  while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFSIGNALED(status)) {
    const int signal = WTERMSIG(status);
    throw GraphLayoutError(signal == SIGALRM ? "Graphviz took longer than " + std::to_string(seconds) + " s"
                                             : std::string("Graphviz stopped on this drawing (") +
                                                   ::strsignal(signal) + ")");
  }
  if (bytes.empty()) throw GraphLayoutError("Graphviz ended without an answer");
  switch (static_cast<Answer>(bytes.front())) {
    case Answer::layout:
      return decoded(bytes);
    case Answer::invalid:
      throw std::invalid_argument(bytes.substr(1));
    case Answer::layout_error:
      break;
  }
  throw GraphLayoutError(bytes.substr(1));
}

}  // namespace raingan::layout
