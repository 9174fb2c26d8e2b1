// `samverkan`: a Poco ServerApplication. Without a command it serves; with one (add-user,
// backup, …) it runs that and exits. See `samverkan --help`.
#pragma once

#include <Poco/Util/ServerApplication.h>

#include "server/app/commands.hpp"

namespace sv::app {

class ServerApp final : public Poco::Util::ServerApplication {
 protected:
  void initialize(Poco::Util::Application& self) override;
  void defineOptions(Poco::Util::OptionSet& options) override;
  void handleOption(const std::string& name, const std::string& value) override;
  int main(const std::vector<std::string>& args) override;

 private:
  int serve();
  void printHelp();

  bool helpRequested_ = false;
  bool demo_ = false;
  bool portOption_ = false;  // options win over the environment
  bool dataDirOption_ = false;
  std::string configFile_;
  CommandOptions commandOptions_;
};

}  // namespace sv::app
