// The yearly summary's CSV (annual_csv.hpp says why it is written this way).
#include "minutes/annual_csv.hpp"

#include <vector>

#include "minutes/annual_labels.hpp"
#include "workflows/text.hpp"

namespace sv::minutes {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::string_view kLineEnd = "\r\n";

bool startsFormula(std::string_view text) {
  if (text.empty()) return false;
  switch (text.front()) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
      return true;
    default:
      return false;
  }
}

void appendRow(std::string& out, const std::vector<std::string>& cells) {
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) out += ',';
    out += csvCell(cells[i]);
  }
  out += kLineEnd;
}

}  // namespace

std::string csvCell(std::string_view text) {
  std::string value = text::toValidUtf8(text);
  if (startsFormula(value)) value.insert(value.begin(), '\'');
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string quoted = "\"";
  for (char c : value) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  quoted += '"';
  return quoted;
}

std::string annualCsv(const AnnualFigures& figures) {
  std::string out(kBom);
  std::vector<std::string> header{"Leverantör", "Avtal", "Avtalsnummer", "År"};
  for (AnnualFigure figure : kAllAnnualFigures) header.emplace_back(swedishLabel(figure));
  appendRow(out, header);
  for (const ProviderFigures& provider : figures.providers)
    for (const ContractFigures& contract : provider.contracts) {
      std::vector<std::string> row{provider.providerName, contract.title, contract.reference,
                                   std::to_string(figures.year)};
      for (AnnualFigure figure : kAllAnnualFigures) {
        const std::optional<double> value = figureValue(contract.figures.current, figure);
        row.push_back(value ? formatSwedishNumber(*value) : std::string());
      }
      appendRow(out, row);
    }
  return out;
}

}  // namespace sv::minutes
