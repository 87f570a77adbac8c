#include "export/escape.h"

namespace irkg {

void AppendBackslashEscaped(std::string_view text, char quote, std::string* out) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  out->push_back(quote);
  for (unsigned char c : text) {
    switch (c) {
      case '\\': out->append("\\\\"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\t': out->append("\\t"); break;
      default:
        if (c == static_cast<unsigned char>(quote)) {
          out->push_back('\\');
          out->push_back(quote);
        } else if (c < 0x20 || c == 0x7F) {
          out->append("\\u00");
          out->push_back(kHex[c >> 4]);
          out->push_back(kHex[c & 15]);
        } else {
          out->push_back(static_cast<char>(c));  // UTF-8 passes as it is
        }
    }
  }
  out->push_back(quote);
}

}  // namespace irkg
