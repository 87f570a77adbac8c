#include "export/escape.h"

#include "core/text.h"

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

// Character data and attribute values alike: the five markup characters as
// entities, and the code points XML 1.0 cannot carry at all (C0 controls
// other than tab, newline and return; U+FFFE, U+FFFF) dropped, since no
// escape can bring them through an XML parser.
void AppendXml(std::string_view text, std::string* out) {
  for (size_t i = 0; i < text.size();) {
    size_t at = i;
    char32_t cp = DecodeUtf8(text, &i);
    switch (cp) {
      case '<': out->append("&lt;"); break;
      case '>': out->append("&gt;"); break;
      case '&': out->append("&amp;"); break;
      case '"': out->append("&quot;"); break;
      case '\'': out->append("&apos;"); break;
      // Tab, newline and return are kept as references: attribute value
      // normalization would turn literal ones into spaces.
      case '\t': out->append("&#9;"); break;
      case '\n': out->append("&#10;"); break;
      case '\r': out->append("&#13;"); break;
      default:
        if (cp < 0x20 || cp == 0xFFFE || cp == 0xFFFF) break;
        out->append(text.substr(at, i - at));
    }
  }
}

}  // namespace irkg
