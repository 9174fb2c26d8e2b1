// The store's C handles use the project's one owner (workflows/handle.hpp).
#pragma once

#include "workflows/handle.hpp"

namespace sv::store {

using sv::FileDescriptor;
using sv::FreeWith;
using sv::Handle;

}  // namespace sv::store
