// String escaping shared by the writers whose string literals use
// backslash escapes (N-Triples/Turtle, Cypher): the quote, the backslash,
// \n \r \t, and \u00XX for every other control character; UTF-8 passes as
// it is. Each format still decides its own quote character.
#pragma once

#include <string>
#include <string_view>

namespace irkg {

// Appends `text` between `quote` characters, escaped.
void AppendBackslashEscaped(std::string_view text, char quote, std::string* out);

// Appends `text` as XML character data or attribute value (GraphML, SVG):
// the five markup characters as entities, tab, newline and return as
// references, the code points XML 1.0 cannot carry dropped.
void AppendXml(std::string_view text, std::string* out);

}  // namespace irkg
