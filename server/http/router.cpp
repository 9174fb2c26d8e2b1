#include "server/http/router.hpp"

#include <algorithm>
#include <array>

namespace sv::http {
namespace {

// Deeper than any route: a longer path matches none, which is answered without splitting it all.
constexpr std::size_t kMaxSegments = 16;

struct PathSegments {
  std::array<std::string_view, kMaxSegments> parts;
  std::size_t count = 0;
  bool tooDeep = false;
};

// Splits on every '/', as the patterns are split: "/a/b" is {"", "a", "b"}. Runs on every request,
// so it does not allocate.
PathSegments splitPath(std::string_view path) {
  PathSegments out;
  std::size_t start = 0;
  while (true) {
    if (out.count == kMaxSegments) {
      out.tooDeep = true;
      return out;
    }
    const auto slash = path.find('/', start);
    out.parts[out.count++] =
        path.substr(start, slash == std::string_view::npos ? slash : slash - start);
    if (slash == std::string_view::npos) return out;
    start = slash + 1;
  }
}

}  // namespace

void Router::add(Route route) {
  Compiled compiled;
  std::string_view pattern = route.pattern;
  std::size_t start = 0;
  while (true) {
    const auto slash = pattern.find('/', start);
    const auto part =
        pattern.substr(start, slash == std::string_view::npos ? slash : slash - start);
    if (part.size() > 2 && part.front() == '{' && part.back() == '}')
      compiled.segments.push_back({std::string(part.substr(1, part.size() - 2)), true});
    else
      compiled.segments.push_back({std::string(part), false});
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  compiled.literals = static_cast<int>(std::ranges::count_if(
      compiled.segments, [](const Compiled::Segment& s) { return !s.parameter; }));
  routes_.push_back(std::move(route));
  compiled_.push_back(std::move(compiled));
}

RouteMatch Router::match(const std::string& method, const std::string& path) const {
  RouteMatch result;
  const PathSegments have = splitPath(path);
  if (have.tooDeep) return result;
  // Literal segments win over parameters: "/minutes/versions" before "/minutes/{x}".
  std::size_t best = routes_.size();
  for (std::size_t i = 0; i < routes_.size(); ++i) {
    const auto& want = compiled_[i].segments;
    if (want.size() != have.count) continue;
    bool matches = true;
    for (std::size_t s = 0; s < want.size() && matches; ++s)
      matches = want[s].parameter ? !have.parts[s].empty() : want[s].text == have.parts[s];
    if (!matches) continue;
    const Route& route = routes_[i];
    const bool methodOk = route.method == method || (method == "HEAD" && route.method == "GET");
    if (!methodOk) {
      if (std::ranges::find(result.allowedMethods, route.method) == result.allowedMethods.end())
        result.allowedMethods.push_back(route.method);
      continue;
    }
    if (best == routes_.size() || compiled_[i].literals > compiled_[best].literals) best = i;
  }
  if (best == routes_.size()) return result;
  result.route = &routes_[best];
  const auto& want = compiled_[best].segments;
  for (std::size_t s = 0; s < want.size(); ++s)
    if (want[s].parameter) result.params.emplace(want[s].text, std::string(have.parts[s]));
  return result;
}

}  // namespace sv::http
