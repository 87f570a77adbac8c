// RFC 4180 fields, the one place CSV quoting is decided for the database
// exports (neo4j_writer.h, kuzu_writer.h).
#pragma once

#include <string>
#include <string_view>
#include <initializer_list>

namespace irkg::csv {

// Appends `field`, quoted when it holds a comma, a quote, a newline or a
// return (or starts or ends with a space, which some readers trim), with
// inner quotes doubled.
void AppendField(std::string_view field, std::string* out);

// Appends the fields separated by commas and ends the line with "\n".
void AppendRow(std::initializer_list<std::string_view> fields, std::string* out);

}  // namespace irkg::csv
