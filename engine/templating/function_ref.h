#pragma once
// A reference to something callable, for callbacks that run only while the function taking them runs (a
// binder visiting a template's children once per row of a register). Unlike std::function it owns nothing
// and never allocates; the callable must outlive the reference, which a lambda written in the call does.

#include <functional>
#include <memory>
#include <type_traits>
#include <utility>

namespace raingan::templating {

template <class Signature>
class FunctionRef;

template <class Result, class... Args>
class FunctionRef<Result(Args...)> {
 public:
  // Implicit, as std::function's is, so that a lambda can be passed where a FunctionRef is taken.
  template <class Callable,
            class = std::enable_if_t<!std::is_same_v<std::remove_cvref_t<Callable>, FunctionRef> &&
                                     std::is_invocable_r_v<Result, Callable&, Args...>>>
  FunctionRef(Callable&& callable) noexcept
      : callable_(const_cast<void*>(static_cast<const void*>(std::addressof(callable)))),
        call_([](void* target, Args... args) -> Result {
          auto& f = *static_cast<std::remove_reference_t<Callable>*>(target);
          if constexpr (std::is_void_v<Result>)
            std::invoke(f, std::forward<Args>(args)...);
          else
            return std::invoke(f, std::forward<Args>(args)...);
        }) {}

  Result operator()(Args... args) const { return call_(callable_, std::forward<Args>(args)...); }

 private:
  void* callable_;
  Result (*call_)(void*, Args...);
};

}  // namespace raingan::templating
