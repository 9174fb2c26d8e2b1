#include "server/app/server_app.hpp"

int main(int argc, char** argv) {
  sv::app::ServerApp app;
  return app.run(argc, argv);
}
