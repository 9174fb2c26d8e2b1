// The base64url alphabet of JOSE (RFC 7515 section 2): no padding, no line breaks.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sv::oidc {

std::string base64UrlEncode(std::string_view bytes);
// None for a character outside the alphabet or an impossible length; padding is refused, as
// JOSE never writes it.
std::optional<std::string> base64UrlDecode(std::string_view text);

}  // namespace sv::oidc
