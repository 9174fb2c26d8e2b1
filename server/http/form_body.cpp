#include "server/http/form_body.hpp"

#include <Poco/Exception.h>
#include <Poco/URI.h>

#include <algorithm>
#include <ranges>
#include <string_view>

namespace sv::http {

Result<FormBody> FormBody::parse(const std::string& body) {
  FormBody form;
  for (auto part : std::views::split(std::string_view(body), '&')) {
    const std::string_view pair(part.begin(), part.end());
    if (pair.empty()) continue;
    const auto eq = pair.find('=');
    // A browser writes a space as "+" and a plus as "%2B"; Poco only reads "+" so in a query.
    const auto plain = [](std::string_view encoded) {
      std::string text(encoded);
      std::ranges::replace(text, '+', ' ');
      return text;
    };
    std::string name;
    std::string value;
    try {
      Poco::URI::decode(plain(pair.substr(0, eq)), name);
      if (eq != std::string_view::npos) Poco::URI::decode(plain(pair.substr(eq + 1)), value);
    } catch (const Poco::Exception&) {
      return fail(Errc::Malformed, "the form is not properly encoded");
    }
    form.fields_.emplace_back(std::move(name), std::move(value));
  }
  return form;
}

std::string FormBody::value(const std::string& name) const {
  const auto it = std::ranges::find(fields_, name, &std::pair<std::string, std::string>::first);
  return it == fields_.end() ? std::string() : it->second;
}

std::vector<std::string> FormBody::values(const std::string& name) const {
  std::vector<std::string> out;
  for (const auto& [k, v] : fields_)
    if (k == name) out.push_back(v);
  return out;
}

bool FormBody::has(const std::string& name) const {
  return std::ranges::find(fields_, name, &std::pair<std::string, std::string>::first) !=
         fields_.end();
}

}  // namespace sv::http
