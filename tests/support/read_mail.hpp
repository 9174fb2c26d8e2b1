// A message as Python's email package reads it (tests/support/read_mail.py): the headers
// decoded and each leaf part's type and text, as JSON. Tests check our mail with this, not with
// a parser of ours.
#pragma once

#include <Poco/JSON/Object.h>

#include <string>

namespace sv::test {

Poco::JSON::Object::Ptr readMail(const std::string& message);
// The decoded text of the first part of this content type ("text/plain"), or empty.
std::string partText(const Poco::JSON::Object::Ptr& mail, const std::string& type);

}  // namespace sv::test
