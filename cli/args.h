// Args: the command line of one subcommand, parsed against the options the
// subcommand declares. Anything undeclared is a usage error, so every
// subcommand rejects unknown options the same way.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/status.h"

namespace irkg::cli {

struct OptionSpec {
  const char* name;       // "--output"
  const char* short_name; // "-o", or nullptr
  const char* value;      // "FILE" when the option takes a value, nullptr for a flag
  const char* help;
  bool repeatable = false;
};

class Args {
 public:
  // Parses argv (after the subcommand's name).
  static Result<Args> Parse(const std::vector<std::string>& argv, const std::vector<OptionSpec>& specs);

  bool Has(const std::string& name) const { return values_.count(name) > 0; }
  std::string Get(const std::string& name, const std::string& fallback = "") const;
  const std::vector<std::string>& All(const std::string& name) const;
  const std::vector<std::string>& positional() const { return positional_; }

  // A numeric option, with a usage error naming it when it is not a number in range.
  Result<long> GetInt(const std::string& name, long fallback, long min, long max) const;
  Result<double> GetDouble(const std::string& name, double fallback, double min, double max) const;

 private:
  std::map<std::string, std::vector<std::string>> values_;
  std::vector<std::string> positional_;
};

// The option list as help text.
std::string FormatOptions(const std::vector<OptionSpec>& specs);

}  // namespace irkg::cli
