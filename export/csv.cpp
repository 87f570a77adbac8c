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

void AppendRow(const std::vector<std::string>& fields, std::string* out) {
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) out->push_back(',');
    AppendField(fields[i], out);
  }
  out->push_back('\n');
}

std::string Join(const std::vector<std::string>& values, std::string_view separator) {
  std::string s;
  for (size_t i = 0; i < values.size(); ++i) {
    if (i) s.append(separator);
    s.append(values[i]);
  }
  return s;
}

}  // namespace irkg::csv
