// Where irkg's data files are: the dictionaries (data/*.tsv) and the
// linguistic tables beside them (data/language/, data/lexicon/). Every module
// that reads data asks here, so that they all read the same directory.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace irkg {

// The directory of irkg's data files: $IRKG_DATA_DIR, the installed
// share/irkg, or the source tree's data/, the first that holds them.
Result<std::string> FindDataDirectory();

// The whole of a data file, as bytes; a missing or unreadable file is
// NotFound: "PATH: cannot open WHAT" (WHAT: "frames", "dictionary"...).
Result<std::string> ReadDataFile(const std::string& path, std::string_view what);

}  // namespace irkg
