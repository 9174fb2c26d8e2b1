// The two parties of every contract, meeting, action and approval: the authority that buys the
// service and the provider that delivers it. One enum for the whole domain (agenda, minutes, the
// server); each library keeps its own names for the text forms it reads and writes.
#pragma once

namespace sv {

enum class Party { Authority, Provider };

}  // namespace sv
