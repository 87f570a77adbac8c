#include "core/record.h"

namespace irkg {

const ExtractedEntity* ExtractionRecord::FindEntity(const std::string& id) const {
  for (const auto& e : entities)
    if (e.id == id) return &e;
  return nullptr;
}

}  // namespace irkg
