// One owner for every C handle. (A named deleter rather than a lambda: a lambda's type has no
// linkage, which would give every function that takes a handle internal linkage.)
#pragma once

#include <memory>

namespace sv::store {

template <auto Free>
struct FreeWith {
  template <class T>
  void operator()(T* p) const {
    if (p) Free(p);
  }
};

template <class T, auto Free>
using Handle = std::unique_ptr<T, FreeWith<Free>>;

}  // namespace sv::store
