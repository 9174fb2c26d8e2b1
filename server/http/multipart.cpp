#include "server/http/multipart.hpp"

#include <Poco/Exception.h>
#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/MessageHeader.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/Net/PartHandler.h>
#include <Poco/StreamCopier.h>

#include <sstream>

namespace sv::http {
namespace {

class CollectFiles final : public Poco::Net::PartHandler {
 public:
  explicit CollectFiles(std::vector<UploadedFile>& files) : files_(files) {}
  void handlePart(const Poco::Net::MessageHeader& header, std::istream& stream) override {
    UploadedFile file;
    if (header.has("Content-Disposition")) {
      std::string disposition;
      Poco::Net::NameValueCollection params;
      Poco::Net::MessageHeader::splitParameters(header.get("Content-Disposition"), disposition,
                                                params);
      file.field = params.get("name", "");
      file.fileName = params.get("filename", "");
    }
    file.contentType = header.get("Content-Type", "application/octet-stream");
    Poco::StreamCopier::copyToString(stream, file.bytes);
    files_.push_back(std::move(file));
  }

 private:
  std::vector<UploadedFile>& files_;
};

}  // namespace

Result<MultipartForm> MultipartForm::parse(const Request& request) {
  if (request.contentType != "multipart/form-data")
    return fail(Errc::Malformed, "send the form as multipart/form-data");
  MultipartForm out;
  try {
    Poco::Net::HTTPRequest head(Poco::Net::HTTPRequest::HTTP_POST, request.path);
    head.setContentType(request.header("content-type").value_or(""));
    std::istringstream body(request.body);
    CollectFiles handler(out.files_);
    Poco::Net::HTMLForm form;
    // The frame's limit has already bounded the body; Poco's own field limit stays for fields.
    form.load(head, body, handler);
    for (const auto& [name, value] : form) out.fields_.emplace_back(name, value);
  } catch (const Poco::Exception& e) {
    return fail(Errc::Malformed, "the multipart body cannot be read: " + e.message());
  }
  return out;
}

std::string MultipartForm::value(const std::string& name) const {
  for (const auto& [k, v] : fields_)
    if (k == name) return v;
  return {};
}

bool MultipartForm::has(const std::string& name) const {
  for (const auto& [k, v] : fields_)
    if (k == name) return true;
  return false;
}

}  // namespace sv::http
