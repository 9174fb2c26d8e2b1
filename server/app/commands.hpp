// The command-line subcommands of `samverkan` besides serving: organisations, users, demo data,
// audit verification, backup and restore, the e-mail that could not be sent. Each returns a
// process exit code.
#pragma once

#include <map>
#include <ostream>
#include <string>

#include "server/app/settings.hpp"

namespace sv::app {

using CommandOptions = std::map<std::string, std::string>;

bool isCommand(const std::string& name);
int runCommand(const std::string& name, const CommandOptions& options, const Settings& settings,
               std::istream& in, std::ostream& out, std::ostream& err);

}  // namespace sv::app
