// The JSON Lines form of an ExtractionRecord: one compact JSON object per
// line, written directly in RapidJSON's bytes and read back with its
// Document parser. Writing then reading gives back the same record.
#pragma once

#include <string>
#include <string_view>

#include "core/record.h"
#include "core/status.h"

namespace irkg {

// Appends the record as one line of JSON (with the trailing '\n') to `out`.
void AppendRecordJson(const ExtractionRecord& record, std::string* out);

// Parses one line. `where` ("file:line") prefixes any error message.
Result<ExtractionRecord> ParseRecordJson(std::string_view line, const std::string& where);

}  // namespace irkg
