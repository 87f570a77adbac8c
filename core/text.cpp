#include "core/text.h"

#include <cstdint>
#include <cstring>

namespace irkg {

char32_t DecodeUtf8(std::string_view s, size_t* i) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size(), k = *i;
  unsigned char c = p[k];
  if (c < 0x80) {
    *i = k + 1;
    return c;
  }
  int len = 0;
  char32_t cp = 0, min = 0;
  if ((c & 0xE0) == 0xC0) len = 2, cp = c & 0x1F, min = 0x80;
  else if ((c & 0xF0) == 0xE0) len = 3, cp = c & 0x0F, min = 0x800;
  else if ((c & 0xF8) == 0xF0) len = 4, cp = c & 0x07, min = 0x10000;
  if (len == 0 || k + len > n) {
    *i = k + 1;
    return 0xFFFD;
  }
  for (int j = 1; j < len; ++j) {
    if ((p[k + j] & 0xC0) != 0x80) {
      *i = k + 1;
      return 0xFFFD;
    }
    cp = (cp << 6) | (p[k + j] & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    *i = k + 1;
    return 0xFFFD;
  }
  *i = k + len;
  return cp;
}

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

namespace {

// A sequence is valid when decoding consumes it without producing U+FFFD
// from an error (a literal U+FFFD in the input is valid and 3 bytes long).
bool ValidAt(std::string_view s, size_t i, size_t* next) {
  size_t k = i;
  char32_t cp = DecodeUtf8(s, &k);
  *next = k;
  return !(cp == 0xFFFD && k == i + 1);
}

}  // namespace

size_t FindInvalidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    // Runs of ASCII (most of any news text and all of JSON's syntax) eight
    // bytes at a time: the record reader checks every line it parses.
    while (i + 8 <= s.size()) {
      uint64_t word;
      std::memcpy(&word, s.data() + i, 8);
      if (word & 0x8080808080808080u) break;
      i += 8;
    }
    if (i == s.size()) break;
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    size_t next;
    if (!ValidAt(s, i, &next)) return i;
    i = next;
  }
  return std::string_view::npos;
}

size_t RepairUtf8(std::string* s) {
  size_t first = FindInvalidUtf8(*s);
  if (first == std::string::npos) return 0;
  std::string out(s->data(), first);
  size_t replaced = 0, i = first;
  while (i < s->size()) {
    size_t next;
    if (ValidAt(*s, i, &next)) {
      out.append(*s, i, next - i);
    } else {
      AppendUtf8(0xFFFD, &out);
      ++replaced;
    }
    i = next;
  }
  *s = std::move(out);
  return replaced;
}

namespace {

// Folds one code point to lower-case ASCII letters where a Latin letter with a
// diacritic has an obvious base; returns 0 for punctuation and spaces, and
// the code point itself (lower-cased where simple) otherwise.
const char* FoldLatin(char32_t cp) {
  switch (cp) {
    case U'à': case U'á': case U'â': case U'ã': case U'ä': case U'å': case U'ā': case U'ă': case U'ą':
    case U'À': case U'Á': case U'Â': case U'Ã': case U'Ä': case U'Å': case U'Ā': case U'Ă': case U'Ą':
    case U'ạ': case U'ả': case U'ấ': case U'ầ': case U'ẩ': case U'ẫ': case U'ậ': case U'ắ': case U'ằ': case U'ẳ': case U'ẵ': case U'ặ':
      return "a";
    case U'æ': case U'Æ': return "ae";
    case U'ç': case U'ć': case U'ĉ': case U'ċ': case U'č': case U'Ç': case U'Ć': case U'Ĉ': case U'Ċ': case U'Č':
      return "c";
    case U'ď': case U'đ': case U'Ď': case U'Đ': case U'ð': case U'Ð': return "d";
    case U'è': case U'é': case U'ê': case U'ë': case U'ē': case U'ĕ': case U'ė': case U'ę': case U'ě':
    case U'È': case U'É': case U'Ê': case U'Ë': case U'Ē': case U'Ĕ': case U'Ė': case U'Ę': case U'Ě':
    case U'ẹ': case U'ẻ': case U'ẽ': case U'ế': case U'ề': case U'ể': case U'ễ': case U'ệ': case U'ə': case U'Ə':
      return "e";
    case U'ĝ': case U'ğ': case U'ġ': case U'ģ': case U'Ĝ': case U'Ğ': case U'Ġ': case U'Ģ': return "g";
    case U'ĥ': case U'ħ': case U'Ĥ': case U'Ħ': return "h";
    case U'ì': case U'í': case U'î': case U'ï': case U'ĩ': case U'ī': case U'ĭ': case U'į': case U'ı':
    case U'Ì': case U'Í': case U'Î': case U'Ï': case U'Ĩ': case U'Ī': case U'Ĭ': case U'Į': case U'İ':
    case U'ỉ': case U'ị':
      return "i";
    case U'ĵ': case U'Ĵ': return "j";
    case U'ķ': case U'Ķ': return "k";
    case U'ĺ': case U'ļ': case U'ľ': case U'ŀ': case U'ł': case U'Ĺ': case U'Ļ': case U'Ľ': case U'Ŀ': case U'Ł':
      return "l";
    case U'ñ': case U'ń': case U'ņ': case U'ň': case U'Ñ': case U'Ń': case U'Ņ': case U'Ň': return "n";
    case U'ò': case U'ó': case U'ô': case U'õ': case U'ö': case U'ø': case U'ō': case U'ŏ': case U'ő': case U'ơ':
    case U'Ò': case U'Ó': case U'Ô': case U'Õ': case U'Ö': case U'Ø': case U'Ō': case U'Ŏ': case U'Ő': case U'Ơ':
    case U'ọ': case U'ỏ': case U'ố': case U'ồ': case U'ổ': case U'ỗ': case U'ộ': case U'ớ': case U'ờ': case U'ở': case U'ỡ': case U'ợ':
      return "o";
    case U'œ': case U'Œ': return "oe";
    case U'ŕ': case U'ŗ': case U'ř': case U'Ŕ': case U'Ŗ': case U'Ř': return "r";
    case U'ś': case U'ŝ': case U'ş': case U'š': case U'ș': case U'Ś': case U'Ŝ': case U'Ş': case U'Š': case U'Ș':
      return "s";
    case U'ß': return "ss";
    case U'ţ': case U'ť': case U'ŧ': case U'ț': case U'Ţ': case U'Ť': case U'Ŧ': case U'Ț': return "t";
    case U'þ': case U'Þ': return "th";
    case U'ù': case U'ú': case U'û': case U'ü': case U'ũ': case U'ū': case U'ŭ': case U'ů': case U'ű': case U'ų': case U'ư':
    case U'Ù': case U'Ú': case U'Û': case U'Ü': case U'Ũ': case U'Ū': case U'Ŭ': case U'Ů': case U'Ű': case U'Ų': case U'Ư':
    case U'ụ': case U'ủ': case U'ứ': case U'ừ': case U'ử': case U'ữ': case U'ự':
      return "u";
    case U'ý': case U'ÿ': case U'ŷ': case U'Ý': case U'Ÿ': case U'Ŷ': case U'ỳ': case U'ỵ': case U'ỷ': case U'ỹ':
      return "y";
    case U'ź': case U'ż': case U'ž': case U'Ź': case U'Ż': case U'Ž': return "z";
    default: return nullptr;
  }
}

// FoldName of a short ASCII name (nearly every name, and every word of
// one), in one pass into a buffer on the stack: the result is made once, at
// its size, so that a name of up to 15 bytes allocates nothing. The rules
// are the ASCII ones of FoldName below, a byte at a time. False (nothing
// written) for a longer name or one with a byte of UTF-8.
bool FoldShortAscii(std::string_view s, std::string* out) {
  constexpr size_t kMax = 64;
  if (s.size() > kMax) return false;
  char buf[kMax];  // the folded name is never longer: each letter or digit gives one byte, a space needs a dropped one
  size_t n = 0;
  bool pending_space = false;
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
    const bool upper = c >= 'A' && c <= 'Z';
    if (upper || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      if (pending_space) buf[n++] = ' ';
      pending_space = false;
      buf[n++] = upper ? static_cast<char>(c - 'A' + 'a') : c;
    } else if (c != '\'') {
      pending_space = n > 0;
    }
  }
  out->assign(buf, n);
  return true;
}

}  // namespace

std::string FoldName(std::string_view s) {
  std::string out;
  if (FoldShortAscii(s, &out)) return out;
  out.reserve(s.size());
  bool pending_space = false;
  // Appends one non-empty folded piece; a run of dropped characters between
  // pieces becomes one space. Pieces go straight into `out`: a std::string
  // per code point was most of this function's cost.
  auto emit = [&](const char* piece, size_t n) {
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.append(piece, n);
  };
  auto ascii_alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); };
  size_t i = 0;
  while (i < s.size()) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      // a run of ASCII letters and digits (a whole word, usually) goes in at
      // once and is lowered there: an append per letter was most of the cost
      size_t run = i;
      while (run < s.size() && ascii_alnum(s[run])) ++run;
      if (run > i) {
        emit(s.data() + i, run - i);
        for (size_t k = out.size() - (run - i); k < out.size(); ++k)
          if (out[k] >= 'A' && out[k] <= 'Z') out[k] = static_cast<char>(out[k] - 'A' + 'a');
        i = run;
        continue;
      }
      // any other ASCII character parts words; apostrophes vanish ("d'Ivoire" -> "divoire")
      if (s[i++] != '\'') pending_space = !out.empty();
      continue;
    }
    char32_t cp = DecodeUtf8(s, &i);
    if (const char* f = FoldLatin(cp)) {
      emit(f, std::char_traits<char>::length(f));
    } else if (cp == 0x2019 || cp == 0x2018 || cp == 0x02BC) {
      continue;  // apostrophes vanish, as ASCII ' does
    } else if ((cp >= 0x2000 && cp <= 0x206F) || cp == 0xA0) {
      pending_space = !out.empty();  // general punctuation: dashes, quotes, spaces
    } else {
      std::string piece;
      AppendUtf8(cp, &piece);  // other scripts kept as they are
      emit(piece.data(), piece.size());
    }
  }
  return out;
}

std::string NameKey(std::string_view s) {
  std::string k = FoldName(s);
  if (k.rfind("the ", 0) == 0) k.erase(0, 4);
  return k;
}

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (true) {
    size_t j = s.find(sep, i);
    out.push_back(s.substr(i, j == std::string_view::npos ? std::string_view::npos : j - i));
    if (j == std::string_view::npos) return out;
    i = j + 1;
  }
}

}  // namespace irkg
