// Describe: the document after the passes, as a person reads it. One block
// per sentence:
//   [2] The two ministers held talks in Lima.
//     chunks   [N The two ministers] [V held] [N talks] [P in] [N Lima] [| .]
//     words    The/det two/num ministers/noun:minister held/verb:hold:past ...
//     names    Lima (Location)
//     titles   Foreign Minister
//     facts    Ana Pérez metWith Luis Soto  [frame:noun:talk 0.80]
#include <cstdio>

#include "extract/document.h"

namespace irkg::internal {
namespace {

const char* PosName(Pos p) {
  switch (p) {
    case Pos::kNoun: return "noun";
    case Pos::kProperNoun: return "name";
    case Pos::kVerb: return "verb";
    case Pos::kAdjective: return "adj";
    case Pos::kAdverb: return "adv";
    case Pos::kDeterminer: return "det";
    case Pos::kPronoun: return "pron";
    case Pos::kPreposition: return "prep";
    case Pos::kCoordinator: return "coord";
    case Pos::kSubordinator: return "sub";
    case Pos::kAuxiliary: return "aux";
    case Pos::kModal: return "modal";
    case Pos::kNegator: return "neg";
    case Pos::kParticle: return "to";
    case Pos::kNumber: return "num";
    case Pos::kPunct: return "punct";
    case Pos::kOther: break;
  }
  return "?";
}

const char* FormName(VerbForm f) {
  switch (f) {
    case VerbForm::kBase: return "base";
    case VerbForm::kPresent3s: return "3s";
    case VerbForm::kPast: return "past";
    case VerbForm::kPastOrParticiple: return "past/part";
    case VerbForm::kParticiple: return "part";
    case VerbForm::kGerund: return "ing";
    case VerbForm::kNone: break;
  }
  return "";
}

}  // namespace

std::string ChunkBrackets(const Document& d, uint32_t first_token, uint32_t last_token) {
  std::string out;
  if (d.chunks.empty() || first_token >= last_token) return out;
  for (uint32_t c = d.chunk_of[first_token]; c < d.chunks.size() && d.chunks[c].first < last_token; ++c) {
    const Chunk& ch = d.chunks[c];
    if (!out.empty()) out += ' ';
    out += '[';
    switch (ch.kind) {
      case ChunkKind::kNoun: out += ch.possessor ? "N's" : "N"; break;
      case ChunkKind::kVerb:
        out += "V";
        if (ch.negated) out += "+neg";
        if (ch.infinitive) out += "+inf";
        else if (ch.modal) out += "+modal";
        if (ch.passive) out += "+pass";
        if (ch.gerund) out += "+ger";
        break;
      case ChunkKind::kPreposition: out += "P"; break;
      case ChunkKind::kCoordinator: out += "C"; break;
      case ChunkKind::kSubordinator: out += "S"; break;
      case ChunkKind::kComma: out += ","; break;
      case ChunkKind::kBoundary: out += "|"; break;
      case ChunkKind::kOther: out += "O"; break;
    }
    if (ch.kind != ChunkKind::kComma) out += " " + std::string(d.Span(ch.first, ch.last));
    out += ']';
  }
  return out;
}

std::string Describe(const Document& d) {
  std::string out;
  for (uint32_t s = 0; s < d.sentences.size(); ++s) {
    const Sentence& sent = d.sentences[s];
    out += "[" + std::to_string(s + 1) + "] " + std::string(d.Span(sent.first, sent.last)) + "\n";
    out += "  chunks  " + ChunkBrackets(d, sent.first, sent.last) + "\n";
    out += "  words  ";
    for (uint32_t i = sent.first; i < sent.last && !d.tags.empty(); ++i) {
      const TokenTag& t = d.tags[i];
      out += " " + std::string(d.Text(i)) + "/" + PosName(t.pos);
      if (t.lemma && d.lexicon) out += ":" + std::string(d.lexicon->LemmaText(t.lemma));
      if (t.form != VerbForm::kNone) out += std::string(":") + FormName(t.form);
    }
    out += "\n";
    std::string names;
    for (const Mention& m : d.mentions)
      if (m.first >= sent.first && m.last <= sent.last && m.entity >= 0) {
        const EntityInfo& e = d.entities[m.entity];
        names += (names.empty() ? "" : "; ") + std::string(d.Span(m.first, m.last));
        if (e.name != d.Span(m.first, m.last)) names += " = " + std::string(e.name);
        names += " (" + std::string(EntityTypeName(e.type)) + ")";
      }
    if (!names.empty()) out += "  names   " + names + "\n";
    std::string titles;
    for (const TitleMention& t : d.titles)
      if (t.first >= sent.first && t.last <= sent.last) titles += (titles.empty() ? "" : "; ") + t.text;
    if (!titles.empty()) out += "  titles  " + titles + "\n";
    for (const Fact& f : d.facts) {
      if (f.sentence != s) continue;
      char conf[16];
      std::snprintf(conf, sizeof conf, "%.2f", f.confidence);
      out += "  fact    " + std::string(d.entities[f.subject].name) + " " + std::string(PredicateName(f.predicate)) + " " +
             std::string(d.entities[f.object].name) + "  [" + f.rule + " " + conf + (f.date.empty() ? "" : " " + f.date) + "]\n";
    }
  }
  return out;
}

}  // namespace irkg::internal
