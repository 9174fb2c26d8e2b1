#include "server/http/router.hpp"

#include <algorithm>
#include <ranges>

namespace sv::http {
namespace {

std::vector<std::string_view> segments(std::string_view path) {
  std::vector<std::string_view> out;
  for (auto part : std::views::split(path, '/')) out.emplace_back(part.begin(), part.end());
  return out;
}

bool matchPattern(std::string_view pattern, std::string_view path,
                  std::map<std::string, std::string>& params) {
  const auto want = segments(pattern);
  const auto have = segments(path);
  if (want.size() != have.size()) return false;
  std::map<std::string, std::string> found;
  for (std::size_t i = 0; i < want.size(); ++i) {
    const auto w = want[i];
    if (w.size() > 2 && w.front() == '{' && w.back() == '}') {
      if (have[i].empty()) return false;
      found.emplace(std::string(w.substr(1, w.size() - 2)), std::string(have[i]));
    } else if (w != have[i]) {
      return false;
    }
  }
  params = std::move(found);
  return true;
}

}  // namespace

void Router::add(Route route) {
  routes_.push_back(std::move(route));
}

RouteMatch Router::match(const std::string& method, const std::string& path) const {
  RouteMatch result;
  // Literal segments win over parameters: "/minutes/versions" before "/minutes/{x}".
  const Route* best = nullptr;
  int bestLiterals = -1;
  for (const auto& route : routes_) {
    std::map<std::string, std::string> params;
    if (!matchPattern(route.pattern, path, params)) continue;
    const bool methodOk = route.method == method || (method == "HEAD" && route.method == "GET");
    if (!methodOk) {
      if (std::ranges::find(result.allowedMethods, route.method) == result.allowedMethods.end())
        result.allowedMethods.push_back(route.method);
      continue;
    }
    const int literals = static_cast<int>(segments(route.pattern).size() - params.size());
    if (literals > bestLiterals) {
      best = &route;
      bestLiterals = literals;
      result.params = std::move(params);
    }
  }
  result.route = best;
  return result;
}

}  // namespace sv::http
