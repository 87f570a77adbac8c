#include "cli/args.h"

#include <cerrno>
#include <cstdlib>

namespace irkg::cli {

Result<Args> Args::Parse(const std::vector<std::string>& argv, const std::vector<OptionSpec>& specs) {
  Args args;
  bool only_positional = false;
  for (size_t i = 0; i < argv.size(); ++i) {
    const std::string& a = argv[i];
    if (only_positional || a == "-" || a.empty() || a[0] != '-') {
      args.positional_.push_back(a);
      continue;
    }
    if (a == "--") {
      only_positional = true;
      continue;
    }
    std::string name = a, inline_value;
    bool has_inline = false;
    size_t eq = a.find('=');
    if (a.rfind("--", 0) == 0 && eq != std::string::npos) {
      name = a.substr(0, eq);
      inline_value = a.substr(eq + 1);
      has_inline = true;
    }
    const OptionSpec* spec = nullptr;
    for (const auto& s : specs)
      if (name == s.name || (s.short_name && name == s.short_name)) spec = &s;
    // a short option with its value attached: -j2, -oout.jsonl
    if (!spec && a.size() > 2 && a[1] != '-')
      for (const auto& s : specs)
        if (s.short_name && s.value && a.compare(0, 2, s.short_name) == 0) {
          spec = &s;
          inline_value = a.substr(2);
          has_inline = true;
        }
    if (!spec) return Status::Usage("unknown option '" + a + "'");
    std::string key = spec->name;
    if (!spec->value) {
      if (has_inline) return Status::Usage("option '" + key + "' takes no value");
      args.values_[key].push_back("1");
      continue;
    }
    std::string value;
    if (has_inline) {
      value = inline_value;
    } else {
      if (i + 1 >= argv.size()) return Status::Usage("option '" + key + "' needs a value (" + spec->value + ")");
      value = argv[++i];
    }
    auto& slot = args.values_[key];
    if (!slot.empty() && !spec->repeatable) return Status::Usage("option '" + key + "' given twice");
    slot.push_back(value);
  }
  return args;
}

std::string Args::Get(const std::string& name, const std::string& fallback) const {
  auto it = values_.find(name);
  return it == values_.end() || it->second.empty() ? fallback : it->second.back();
}

const std::vector<std::string>& Args::All(const std::string& name) const {
  static const std::vector<std::string> kNone;
  auto it = values_.find(name);
  return it == values_.end() ? kNone : it->second;
}

Result<long> Args::GetInt(const std::string& name, long fallback, long min, long max) const {
  if (!Has(name)) return fallback;
  std::string v = Get(name);
  errno = 0;
  char* end = nullptr;
  long n = std::strtol(v.c_str(), &end, 10);
  if (v.empty() || *end || errno || n < min || n > max)
    return Status::Usage("option '" + name + "' needs a whole number from " + std::to_string(min) + " to " +
                         std::to_string(max) + ", not '" + v + "'");
  return n;
}

Result<double> Args::GetDouble(const std::string& name, double fallback, double min, double max) const {
  if (!Has(name)) return fallback;
  std::string v = Get(name);
  char* end = nullptr;
  double x = std::strtod(v.c_str(), &end);
  if (v.empty() || *end || !(x >= min && x <= max))
    return Status::Usage("option '" + name + "' needs a number from " + std::to_string(min) + " to " +
                         std::to_string(max) + ", not '" + v + "'");
  return x;
}

std::string FormatOptions(const std::vector<OptionSpec>& specs) {
  std::string out;
  for (const auto& s : specs) {
    std::string left = "  ";
    if (s.short_name) left += std::string(s.short_name) + ", ";
    left += s.name;
    if (s.value) left += std::string(" ") + s.value;
    if (left.size() < 28) left.resize(28, ' ');
    else left += "  ";
    out += left + s.help + "\n";
  }
  return out;
}

}  // namespace irkg::cli
