#include "graph/person_names.h"

#include "core/text.h"

namespace irkg {
namespace {

void ReplaceAll(std::string* s, std::string_view from, std::string_view to) {
  size_t at = 0;
  while ((at = s->find(from, at)) != std::string::npos) {
    s->replace(at, from.size(), to);
    at += to.size();
  }
}

bool EndsWith(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool IsInitial(const std::string& token) { return token.size() == 1; }

// An initial in the shorter name stands for any token it begins.
bool TokenCouldBe(const std::string& shorter_token, const std::string& longer_token) {
  if (shorter_token == longer_token) return true;
  return IsInitial(shorter_token) && !longer_token.empty() && longer_token[0] == shorter_token[0];
}

}  // namespace

std::string TransliterationKey(std::string_view token) {
  std::string t(token);
  // Order matters: "dj" and "kh" are single sounds that must fold before
  // the vowel rules see their letters.
  ReplaceAll(&t, "dj", "j");
  ReplaceAll(&t, "kh", "h");
  ReplaceAll(&t, "x", "ks");
  ReplaceAll(&t, "ou", "u");
  ReplaceAll(&t, "iye", "ie");  // Aliyev, Aliev
  ReplaceAll(&t, "ey", "ei");
  // Russian -ий/-ый endings: Dmitriy, Dmitrii, Dmitry, Dmitri.
  if (t.size() > 3 && (EndsWith(t, "iy") || EndsWith(t, "ii"))) {
    t.pop_back();
  } else if (t.size() > 2 && t.back() == 'y') {
    t.back() = 'i';
  }
  return t;
}

std::vector<std::string> PersonNameTokens(std::string_view name) {
  std::vector<std::string> tokens;
  std::string key = NameKey(name);
  size_t begin = 0;
  while (begin < key.size()) {
    size_t end = key.find(' ', begin);
    if (end == std::string::npos) end = key.size();
    if (end > begin) tokens.push_back(TransliterationKey(std::string_view(key).substr(begin, end - begin)));
    begin = end + 1;
  }
  return tokens;
}

bool CouldBeShortFormOf(const std::vector<std::string>& shorter, const std::vector<std::string>& longer) {
  if (shorter.empty() || shorter.size() > longer.size() || shorter == longer) return false;
  // The surname must be spelled out and identical: "J. Zarif" may be
  // "Javad Zarif", but "Javad Z." says too little.
  if (IsInitial(shorter.back()) || shorter.back() != longer.back()) return false;
  size_t j = 0;
  for (size_t i = 0; i + 1 < shorter.size(); ++i) {
    while (j + 1 < longer.size() && !TokenCouldBe(shorter[i], longer[j])) ++j;
    if (j + 1 >= longer.size()) return false;
    ++j;
  }
  return true;
}

}  // namespace irkg
