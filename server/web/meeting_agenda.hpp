// The agenda part of the meeting page (meeting_pages.cpp), as template data.
#pragma once

#include <optional>

#include "agenda/agenda.hpp"
#include "server/web/pages.hpp"

namespace sv::web {

// `canEdit`: the viewer may change the agenda now; an added item's "Ta bort" is then offered to
// the party that proposed it and to the contract manager (the service refuses anyone else).
Data agendaData(const agenda::Agenda& a, Date today, bool canEdit, bool manager,
                std::optional<agenda::Party> party);

}  // namespace sv::web
