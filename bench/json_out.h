// The one JSON object each irkg-bench run prints: keys in the order they
// were set, numbers and strings only, so a script can read the figures and
// a person can read the line.
#pragma once

#include <cmath>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

namespace irkg::bench {

class JsonOut {
 public:
  void Num(const std::string& key, double value) {
    char buf[64];
    if (!std::isfinite(value)) {
      std::snprintf(buf, sizeof buf, "null");  // JSON has no NaN or infinity
    } else if (value == std::floor(value) && std::fabs(value) < 1e15) {
      std::snprintf(buf, sizeof buf, "%.0f", value);
    } else {
      std::snprintf(buf, sizeof buf, "%.6g", value);
    }
    fields_.emplace_back(key, buf);
  }
  void Str(const std::string& key, const std::string& value) { fields_.emplace_back(key, Quote(value)); }
  void Bool(const std::string& key, bool value) { fields_.emplace_back(key, value ? "true" : "false"); }

  std::string Text() const {
    std::string s = "{";
    for (size_t i = 0; i < fields_.size(); ++i)
      s += (i ? ", " : "") + Quote(fields_[i].first) + ": " + fields_[i].second;
    return s + "}";
  }
  void Print() const { std::printf("%s\n", Text().c_str()); }

  static std::string Quote(const std::string& s) {
    std::string out = "\"";
    for (unsigned char c : s) {
      if (c == '"' || c == '\\') {
        out += '\\';
        out += static_cast<char>(c);
      } else if (c == '\n') {
        out += "\\n";
      } else if (c < 0x20) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\u%04x", c);
        out += buf;
      } else {
        out += static_cast<char>(c);
      }
    }
    return out + "\"";
  }

 private:
  std::vector<std::pair<std::string, std::string>> fields_;
};

}  // namespace irkg::bench
