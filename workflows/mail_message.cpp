#include "workflows/mail_message.hpp"

#include <Poco/Base64Encoder.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <functional>
#include <sstream>

#include "workflows/text.hpp"

namespace sv::mail {
namespace {

// Of UTF-8 per encoded word: 48 base64 characters, so "Subject: " and one word stay within 78.
constexpr std::size_t kEncodedWordBytes = 36;
constexpr std::size_t kLineLength = 78;  // RFC 5322's "should" for a line without CRLF

bool isAscii(std::string_view s) {
  for (unsigned char c : s)
    if (c >= 0x80) return false;
  return true;
}

bool oneLine(std::string_view s) {
  return s.find_first_of("\r\n") == std::string_view::npos;
}

std::string base64(std::string_view bytes, int lineLength) {
  std::ostringstream out;
  Poco::Base64Encoder encoder(out);
  encoder.rdbuf()->setLineLength(lineLength);
  encoder.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  encoder.close();
  return out.str();
}

// Base64 lines with CRLF, for a MIME part (76 characters a line).
std::string base64Body(std::string_view bytes) {
  const std::string encoded = base64(bytes, 76);
  std::string out;
  for (char c : encoded) {
    if (c == '\n')
      out += "\r\n";
    else if (c != '\r')
      out += c;
  }
  if (!out.empty() && !out.ends_with("\r\n")) out += "\r\n";
  return out;
}

// The length of the longest prefix of `s` of at most `limit` bytes that ends between UTF-8
// characters.
std::size_t characterBoundary(std::string_view s, std::size_t limit) {
  if (s.size() <= limit) return s.size();
  std::size_t at = limit;
  while (at > 0 && (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80) --at;
  return at;
}

// RFC 2047: ASCII stays as it is; anything else becomes encoded words of whole characters,
// folded onto continuation lines.
std::string encodeHeaderText(std::string_view s) {
  if (isAscii(s)) return std::string(s);
  std::string out;
  while (!s.empty()) {
    const std::size_t n = characterBoundary(s, kEncodedWordBytes);
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + base64(s.substr(0, n), 0) + "?=";
    s.remove_prefix(n);
  }
  return out;
}

// "Name <address>" after `header` ("From: "), the address on a line of its own when the name
// fills the first one (folding white space is allowed before the angle bracket).
std::string mailbox(std::string_view header, const Mailbox& m) {
  if (m.name.empty()) return "<" + m.address + ">";
  std::string name;
  if (isAscii(m.name)) {
    name = "\"";
    for (char c : m.name) {
      if (c == '"' || c == '\\') name += '\\';
      name += c;
    }
    name += '"';
  } else {
    name = encodeHeaderText(m.name);
  }
  const auto lastLine = name.rfind('\n');
  const std::size_t used =
      lastLine == std::string::npos ? header.size() + name.size() : name.size() - lastLine - 1;
  const bool fold = used + 3 + m.address.size() > kLineLength;
  return name + (fold ? "\r\n <" : " <") + m.address + ">";
}

bool validAddress(std::string_view a) {
  const auto at = a.find('@');
  if (a.empty() || at == 0 || at == std::string_view::npos || at + 1 == a.size()) return false;
  if (a.find('@', at + 1) != std::string_view::npos) return false;
  for (unsigned char c : a)
    if (c <= ' ' || c >= 0x7F || c == '<' || c == '>' || c == '"' || c == '(' || c == ')' ||
        c == ',' || c == ';' || c == '\\')
      return false;
  return true;
}

std::string part(const std::string& type, std::string_view body) {
  return "Content-Type: " + type + "\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
         base64Body(body);
}

}  // namespace

Status checkMessage(const Message& m) {
  const std::array<std::pair<const Mailbox*, std::string>, 2> boxes{
      {{&m.from, "from"}, {&m.to, "to"}}};
  for (const auto& [box, name] : boxes) {
    if (!validAddress(box->address))
      return fail(Errc::Invalid, "not an e-mail address", name + ".address");
    if (!oneLine(box->name) || !text::isValidUtf8(box->name))
      return fail(Errc::Invalid, "a name is one line of UTF-8", name + ".name");
  }
  if (!validAddress(m.messageId)) return fail(Errc::Invalid, "not a message id", "message_id");
  if (!oneLine(m.subject) || !text::isValidUtf8(m.subject))
    return fail(Errc::Invalid, "the subject is one line of UTF-8", "subject");
  if (!text::isValidUtf8(m.text) || !text::isValidUtf8(m.html))
    return fail(Errc::Invalid, "the text is UTF-8", "text");
  if (m.calendar && (m.calendar->method.empty() || !isAscii(m.calendar->method) ||
                     !oneLine(m.calendar->method) || !text::isValidUtf8(m.calendar->ics)))
    return fail(Errc::Invalid, "a calendar part has a method and UTF-8 text", "calendar");
  if (!oneLine(m.unsubscribe) || !isAscii(m.unsubscribe))
    return fail(Errc::Invalid, "the unsubscribe link is one line", "unsubscribe");
  return {};
}

std::string formatDateHeader(TimePoint t) {
  static constexpr std::array<const char*, 7> kDays{"Sun", "Mon", "Tue", "Wed",
                                                    "Thu", "Fri", "Sat"};
  static constexpr std::array<const char*, 12> kMonths{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const auto day = std::chrono::floor<std::chrono::days>(t);
  const std::chrono::year_month_day ymd{day};
  const std::chrono::hh_mm_ss hms{std::chrono::floor<std::chrono::seconds>(t - day)};
  const std::chrono::weekday wd{day};
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%s, %02u %s %04d %02d:%02d:%02d +0000",
                kDays[wd.c_encoding()], static_cast<unsigned>(ymd.day()),
                kMonths[static_cast<unsigned>(ymd.month()) - 1], static_cast<int>(ymd.year()),
                static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                static_cast<int>(hms.seconds().count()));
  return buffer;
}

std::string render(const Message& m) {
  std::string out;
  out += "Message-ID: <" + m.messageId + ">\r\n";
  out += "Date: " + formatDateHeader(m.date) + "\r\n";
  out += "From: " + mailbox("From: ", m.from) + "\r\n";
  out += "To: " + mailbox("To: ", m.to) + "\r\n";
  out += "Subject: " + encodeHeaderText(m.subject) + "\r\n";
  if (!m.unsubscribe.empty()) {
    // A link is not broken; a long one goes on a line of its own.
    const bool fold = 20 + m.unsubscribe.size() > kLineLength;
    out += "List-Unsubscribe:" + std::string(fold ? "\r\n " : " ") + "<" + m.unsubscribe + ">\r\n";
    out += "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n";
  }
  out += "MIME-Version: 1.0\r\n";
  const std::string textType = "text/plain; charset=UTF-8";
  if (m.html.empty() && !m.calendar) return out + part(textType, m.text);

  // The boundary: from the message id, so the same message renders the same; "=_" never occurs
  // in base64, which is all the parts contain.
  char hash[17];
  std::snprintf(hash, sizeof hash, "%016zx", std::hash<std::string>{}(m.messageId));
  const std::string boundary = std::string("=_samverkan_") + hash;
  out += "Content-Type: multipart/alternative; boundary=\"" + boundary + "\"\r\n\r\n";
  out += "--" + boundary + "\r\n" + part(textType, m.text);
  if (!m.html.empty()) out += "--" + boundary + "\r\n" + part("text/html; charset=UTF-8", m.html);
  if (m.calendar)
    out += "--" + boundary + "\r\n" +
           part("text/calendar; method=" + m.calendar->method + "; charset=UTF-8", m.calendar->ics);
  out += "--" + boundary + "--\r\n";
  return out;
}

}  // namespace sv::mail
