#include "extract/tokenizer.h"

#include "core/text.h"

namespace irkg {
namespace {

enum class CharClass { kSpace, kNewline, kLetter, kDigit, kApostrophe, kOther };

bool IsUpperBeyondAscii(char32_t c) {
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return true;
  // Latin Extended-A pairs: the capital comes first, at an even code point,
  // except in the two runs that start one off (Ĺ..Ň, Ź..Ž: "Łukasz", "Žemaitis")
  if (c >= 0x139 && c <= 0x148) return (c % 2) == 1;
  if (c >= 0x179 && c <= 0x17E) return (c % 2) == 1;
  if (c >= 0x100 && c <= 0x17F) return (c % 2) == 0 && c != 0x138 && c != 0x149 && c != 0x17F;
  if (c >= 0x391 && c <= 0x3A9) return true;                        // Greek
  if (c >= 0x400 && c <= 0x42F) return true;                        // Cyrillic (Ѐ..Џ, А..Я)
  if (c >= 0x1E00 && c <= 0x1EFF) return (c % 2) == 0;              // Latin Extended Additional
  return false;
}

// Inline for ASCII, nearly every letter (no range above is ASCII).
inline bool IsUpperCp(char32_t c) { return c < 0x80 ? c >= 'A' && c <= 'Z' : IsUpperBeyondAscii(c); }

bool IsLetterCp(char32_t c) {
  if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) return true;
  if (c < 0x80) return false;
  if (c == 0xD7 || c == 0xF7) return false;
  if (c >= 0xC0 && c <= 0x24F) return true;
  if (c >= 0x250 && c <= 0x2AF) return true;
  if (c >= 0x370 && c <= 0x52F) return true;   // Greek, Cyrillic
  if (c >= 0x590 && c <= 0x6FF) return true;   // Hebrew, Arabic
  if (c >= 0x1E00 && c <= 0x1FFF) return true;
  if (c >= 0x3040 && c <= 0x9FFF) return true; // CJK
  if (c >= 0xAC00 && c <= 0xD7AF) return true; // Hangul
  return false;
}

CharClass ClassifySlow(char32_t c);

// ASCII, which is nearly all of an English article, by table.
struct AsciiTable {
  CharClass cls[128];
  constexpr AsciiTable() : cls() {
    for (int c = 0; c < 128; ++c) cls[c] = ClassifyAscii(static_cast<char32_t>(c));
  }
  static constexpr CharClass ClassifyAscii(char32_t c) {
    if (c == '\n') return CharClass::kNewline;
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') return CharClass::kSpace;
    if (c >= '0' && c <= '9') return CharClass::kDigit;
    if (c == '\'' || c == '`') return CharClass::kApostrophe;
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) return CharClass::kLetter;
    return CharClass::kOther;
  }
};
constexpr AsciiTable kAscii;

// The bytes a word runs on without decoding: 0 anything else, 1 a
// lower-case ASCII letter or a digit, 2 an upper-case ASCII letter.
struct AsciiWordTable {
  unsigned char kind[256];
  constexpr AsciiWordTable() : kind() {
    for (int c = 'a'; c <= 'z'; ++c) kind[c] = 1;
    for (int c = '0'; c <= '9'; ++c) kind[c] = 1;
    for (int c = 'A'; c <= 'Z'; ++c) kind[c] = 2;
  }
};
constexpr AsciiWordTable kAsciiWord;

inline CharClass Classify(char32_t c) { return c < 128 ? kAscii.cls[c] : ClassifySlow(c); }

CharClass ClassifySlow(char32_t c) {
  if (c == '\n') return CharClass::kNewline;
  if (c == ' ' || c == '\t' || c == '\r' || c == 0xA0 || c == 0x2009 || c == 0x200B || c == 0x3000 ||
      c == '\f' || c == '\v')
    return CharClass::kSpace;
  if (c >= '0' && c <= '9') return CharClass::kDigit;
  if (c == '\'' || c == 0x2019 || c == '`' || c == 0x2018 || c == 0x02BC) return CharClass::kApostrophe;
  if (IsLetterCp(c)) return CharClass::kLetter;
  return CharClass::kOther;
}

struct Cursor {
  std::string_view s;
  size_t i = 0;
  bool done() const { return i >= s.size(); }
  char32_t peek(size_t* next) const {
    // ASCII inline: nearly every byte of an English article, and a call per
    // byte into DecodeUtf8 cost as much as the tokenizing itself.
    unsigned char b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      *next = i + 1;
      return b;
    }
    size_t k = i;
    char32_t c = DecodeUtf8(s, &k);
    *next = k;
    return c;
  }
};

}  // namespace

void Tokenize(std::string_view text, std::vector<Token>* out) {
  Cursor cur{text};
  bool space = true, newline = true;
  out->reserve(out->size() + text.size() / 4);  // English runs 5-6 bytes a token: no regrowth
  while (!cur.done()) {
    if (text[cur.i] == ' ') {  // the commonest byte, before any decoding
      space = true;
      ++cur.i;
      continue;
    }
    size_t next;
    char32_t c = cur.peek(&next);
    CharClass cls = Classify(c);
    if (cls == CharClass::kSpace || cls == CharClass::kNewline) {
      space = true;
      if (cls == CharClass::kNewline) newline = true;
      cur.i = next;
      continue;
    }
    Token& t = out->emplace_back();  // filled in place: a copy of its bit fields is one at a time
    t.start = static_cast<uint32_t>(cur.i);
    t.space_before = space;
    t.newline_before = newline;
    space = newline = false;
    if (cls == CharClass::kLetter) {
      t.shape = TokenShape::kWord;
      t.cap = IsUpperCp(c);
      int letters = 0, uppers = 0, piece = 0;  // piece: letters since the last acronym period
      size_t k = cur.i;
      while (k < text.size()) {
        // ASCII letters and digits, the bulk of every word, a run at a time
        // without decoding: one table load a byte rather than three ranges.
        size_t run = k;
        while (run < text.size() && kAsciiWord.kind[static_cast<unsigned char>(text[run])] != 0) ++run;
        if (run > k) {
          // capitals are counted only in a word that opens with one: no
          // other can be all capitals (`upper`)
          if (t.cap)
            for (size_t j = k; j < run; ++j) uppers += kAsciiWord.kind[static_cast<unsigned char>(text[j])] - 1;
          letters += static_cast<int>(run - k), piece += static_cast<int>(run - k);
          k = run;
          continue;
        }
        size_t n;
        char32_t d = Cursor{text, k}.peek(&n);
        CharClass dc = Classify(d);
        if (dc == CharClass::kLetter || dc == CharClass::kDigit) {
          ++letters, ++piece;
          if (IsUpperCp(d)) ++uppers;
          k = n;
          continue;
        }
        if (dc == CharClass::kApostrophe && n < text.size()) {
          // An apostrophe inside a name ("O'Brien", "d'Ivoire"), but not a possessive "'s".
          size_t n2;
          char32_t e = Cursor{text, n}.peek(&n2);
          size_t after_e = n2;
          bool word_ends = after_e >= text.size() || Classify(Cursor{text, after_e}.peek(&after_e)) != CharClass::kLetter;
          bool possessive = (e == 's' || e == 'S') && word_ends;
          // A negated auxiliary splits before its "n't" ("didn't" -> "did" "n't"),
          // so that the negation is a word of its own that cue lists can name.
          bool negated = (e == 't' || e == 'T') && word_ends && k >= cur.i + 2 &&
                         (text[k - 1] == 'n' || text[k - 1] == 'N');
          if (negated) {
            --k, --letters;
            if (text[k] == 'N') --uppers;
            break;
          }
          if (Classify(e) == CharClass::kLetter && !possessive) {
            k = n;
            continue;
          }
        }
        // Acronyms with periods: "U.S.", "D.C." — one letter, a period, a letter, a period.
        if (d == '.' && piece == 1 && k + 2 < text.size() + 1) {
          size_t n2;
          char32_t e = k + 1 < text.size() ? Cursor{text, k + 1}.peek(&n2) : 0;
          if (e && Classify(e) == CharClass::kLetter && n2 < text.size() && text[n2] == '.') {
            letters += 1, uppers += IsUpperCp(e) ? 1 : 0;
            k = n2 + 1;
            piece = 1;
            // a further ".X." continues the acronym on the next round
            if (k < text.size() && Classify(static_cast<unsigned char>(text[k])) == CharClass::kLetter &&
                k + 1 < text.size() && text[k + 1] == '.') {
              letters += 1, uppers += IsUpperCp(static_cast<unsigned char>(text[k])) ? 1 : 0;
              k += 2;
            }
            break;
          }
        }
        break;
      }
      t.end = static_cast<uint32_t>(k);
      t.upper = letters >= 2 && uppers == letters;
      cur.i = k;
    } else if (cls == CharClass::kDigit) {
      t.shape = TokenShape::kNumber;
      size_t k = cur.i;
      while (k < text.size()) {
        char ch = text[k];
        if (ch >= '0' && ch <= '9') {
          ++k;
        } else if ((ch == '.' || ch == ',') && k + 1 < text.size() && text[k + 1] >= '0' && text[k + 1] <= '9') {
          k += 2;
        } else if ((ch >= 'a' && ch <= 'z') && k > cur.i) {
          ++k;  // ordinals: 7th, 21st
        } else {
          break;
        }
      }
      t.end = static_cast<uint32_t>(k);
      cur.i = k;
    } else if (cls == CharClass::kApostrophe) {
      // possessive 's (or a lone apostrophe / quote)
      size_t k = next;
      if (k < text.size() && (text[k] == 's' || text[k] == 'S') &&
          (k + 1 >= text.size() || Classify(static_cast<unsigned char>(text[k + 1])) != CharClass::kLetter))
        k += 1;
      t.shape = TokenShape::kPunct;
      t.end = static_cast<uint32_t>(k);
      cur.i = k;
    } else {
      t.shape = TokenShape::kPunct;
      t.end = static_cast<uint32_t>(next);
      cur.i = next;
    }
  }
}

}  // namespace irkg
