#include "graph/vocabulary.h"

namespace irkg::vocab {
namespace {

bool IsIriSafe(unsigned char c) {
  // Unreserved ASCII, the path separator, and every non-ASCII byte: IRIs
  // carry UTF-8 as it is, which keeps non-Latin names readable.
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
         c == '_' || c == '~' || c == '/' || c >= 0x80;
}

std::string PercentEncode(std::string_view s) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size());
  for (unsigned char c : s) {
    if (IsIriSafe(c)) {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

std::optional<std::string> PercentDecode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '%') {
      out.push_back(s[i]);
      continue;
    }
    if (i + 2 >= s.size()) return std::nullopt;
    int hi = HexValue(s[i + 1]), lo = HexValue(s[i + 2]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out.push_back(static_cast<char>(hi * 16 + lo));
    i += 2;
  }
  return out;
}

std::optional<std::string> StripBase(std::string_view iri, std::string_view base) {
  if (iri.substr(0, base.size()) != base || iri.size() == base.size()) return std::nullopt;
  return PercentDecode(iri.substr(base.size()));
}

}  // namespace

std::string EntityIri(std::string_view entity_id) { return std::string(kEntityBase) + PercentEncode(entity_id); }
std::string ArticleIri(std::string_view doc) { return std::string(kArticleBase) + PercentEncode(doc); }

std::optional<std::string> EntityIdFromIri(std::string_view iri) { return StripBase(iri, kEntityBase); }
std::optional<std::string> DocFromArticleIri(std::string_view iri) { return StripBase(iri, kArticleBase); }

std::string_view SchemaOrgClass(EntityType type, std::string_view subtype) {
  switch (type) {
    case EntityType::kPerson: return "Person";
    case EntityType::kCountry: return "Country";
    case EntityType::kOrganization:
      if (subtype == "government") return "GovernmentOrganization";
      if (subtype == "education") return "CollegeOrUniversity";
      if (subtype == "media") return "NewsMediaOrganization";
      if (subtype == "company") return "Corporation";
      return "Organization";
    case EntityType::kLocation:
      if (subtype == "city") return "City";
      return "Place";
    case EntityType::kAgreement: return "Legislation";
    case EntityType::kProject: return "Project";
  }
  return "Thing";
}

const std::vector<std::string_view>& AllSchemaOrgClasses() {
  static const std::vector<std::string_view> kClasses = {
      "Person", "Country", "Organization", "GovernmentOrganization", "CollegeOrUniversity",
      "NewsMediaOrganization", "Corporation", "Place", "City", "Legislation", "Project", "Thing"};
  return kClasses;
}

std::string PredicateIri(Predicate p) { return std::string(kVocabBase) + std::string(Info(p).name); }

WikidataMapping WikidataProperty(Predicate p) {
  switch (p) {
    case Predicate::kHoldsPosition: return {"P39", false};
    case Predicate::kMemberOf: return {"P463", true};
    case Predicate::kLocatedIn: return {"P131", true};
    case Predicate::kDiplomaticRelations: return {"P530", true};
    case Predicate::kSigned: return {"P1891", false};
    case Predicate::kMetWith: return {"P710", false};
    default: return {"", false};
  }
}

}  // namespace irkg::vocab
