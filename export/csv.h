// RFC 4180 fields, the one place CSV quoting is decided for the database
// exports (neo4j_writer.h, kuzu_writer.h).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace irkg::csv {

// Appends `field`, quoted when it holds a comma, a quote, a newline or a
// return (or starts or ends with a space, which some readers trim), with
// inner quotes doubled.
void AppendField(std::string_view field, std::string* out);

// Appends the fields separated by commas and ends the line with "\n".
void AppendRow(const std::vector<std::string>& fields, std::string* out);

// The values joined by `separator`.
std::string Join(const std::vector<std::string>& values, std::string_view separator);

}  // namespace irkg::csv
