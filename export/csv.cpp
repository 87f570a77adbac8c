#include "export/csv.h"

namespace irkg::csv {

void AppendField(std::string_view field, std::string* out) {
  bool quote = field.find_first_of(",\"\n\r") != std::string_view::npos ||
               (!field.empty() && (field.front() == ' ' || field.back() == ' '));
  if (!quote) {
    out->append(field);
    return;
  }
  out->push_back('"');
  for (char c : field) {
    if (c == '"') out->push_back('"');
    out->push_back(c);
  }
  out->push_back('"');
}

void AppendRow(std::initializer_list<std::string_view> fields, std::string* out) {
  bool first = true;
  for (std::string_view field : fields) {
    if (!first) out->push_back(',');
    first = false;
    AppendField(field, out);
  }
  out->push_back('\n');
}

}  // namespace irkg::csv
