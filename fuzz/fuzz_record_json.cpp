// Arbitrary bytes as one line of extraction records: parsing must fail
// cleanly or give a record that writes and reads back to the same line.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/record_json.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view line(reinterpret_cast<const char*>(data), size);
  auto record = irkg::ParseRecordJson(line, "fuzz:1");
  if (!record.ok()) return 0;
  std::string first;
  irkg::AppendRecordJson(*record, &first);
  auto again = irkg::ParseRecordJson(first, "fuzz:2");
  if (!again.ok()) std::abort();
  std::string second;
  irkg::AppendRecordJson(*again, &second);
  if (first != second) std::abort();
  return 0;
}
