// Markdown to the PDF's blocks (server/pdf/markup), the path every protocol PDF takes: each block
// must be markup Pango accepts, or the renderer would print the tags or nothing at all.
#include "server/pdf/markup.hpp"
#include "tests/fuzz/fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto text = sv::fuzz::textOf(data, size);
  for (const auto& block : sv::pdf::detail::markdownToBlocks(text))
    sv::fuzz::require(sv::pdf::detail::isValidMarkup(block.markup),
                      "a block is valid Pango markup");
  sv::fuzz::require(sv::pdf::detail::isValidMarkup(sv::pdf::detail::escapeMarkup(text)),
                    "escaped text is valid Pango markup");
  return 0;
}
