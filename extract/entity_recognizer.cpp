// Entity recognition: finds the names in an article and proposes a type and
// a canonical name for each (doc.mentions), and the offices it names
// (doc.titles). The passes, one idea a file, are listed in
// extract/name_recognizer.h with what each reads and adds; this file runs
// them in order and keeps the mentions no later pass swallowed.
#include <algorithm>

#include "extract/name_recognizer.h"

namespace irkg::internal {

int Recognizer::AddMention(Mention m) {
  int idx = static_cast<int>(d.mentions.size());
  for (uint32_t i = m.first; i < m.last; ++i) {
    int old = d.mention_at[i];
    if (old >= 0) d.mentions[old].last = d.mentions[old].first;  // swallowed: emptied
    d.mention_at[i] = idx;
    if (d.title_at[i] >= 0) {
      // a name over the start of an office ("European Commission" in
      // "European Commission President") leaves the office its own words
      int t = d.title_at[i];
      TitleMention& title = d.titles[t];
      for (uint32_t k = title.first; k < title.last; ++k) d.title_at[k] = -1;
      if (title.last > m.last && title.first >= m.first) {
        title.first = m.last;
        for (uint32_t k = title.first; k < title.last; ++k) d.title_at[k] = t;
        title.text = std::string(d.Span(title.first, title.last));
      } else {
        title.last = title.first;
      }
    }
  }
  d.mentions.push_back(std::move(m));
  return idx;
}

void RecognizeEntities(Document* doc) {
  doc->mention_at.assign(doc->tokens.size(), -1);
  doc->title_at.assign(doc->tokens.size(), -1);
  Recognizer r(*doc);
  r.DictionaryPass();
  r.StateFormPass();
  r.ExtendTitles();
  r.HeadNounPass();
  r.LowerHeadPass();
  r.StateMinistryPass();
  r.PlaceKindPass();
  r.PlaceAppositionPass();
  r.OrgKindPass();
  r.PersonPass();
  r.SurnamePass();
  r.PlaceOfStatePass();
  r.DatelinePass();
  r.AcronymPass();
  r.RepeatPass();
  r.MetonymPass();
  // drop the mentions that later passes swallowed, keep text order; sorted
  // by index (the same comparisons, so the same order) and then moved once,
  // as a Mention with its strings is costly to swap around
  std::vector<int> order;
  order.reserve(doc->mentions.size());
  for (size_t k = 0; k < doc->mentions.size(); ++k)
    if (doc->mentions[k].last > doc->mentions[k].first) order.push_back(static_cast<int>(k));
  std::sort(order.begin(), order.end(),
            [&](int a, int b) { return doc->mentions[a].first < doc->mentions[b].first; });
  // the room is the thread's, kept from article to article like the
  // Document's: swapped in rather than moved back (a second move of every
  // Mention), the two vectors trade their room, and both last
  thread_local std::vector<Mention> kept;
  kept.clear();
  for (int k : order) kept.push_back(std::move(doc->mentions[k]));
  doc->mentions.swap(kept);
  kept.clear();
  doc->mention_at.assign(doc->tokens.size(), -1);
  for (size_t k = 0; k < doc->mentions.size(); ++k)
    for (uint32_t i = doc->mentions[k].first; i < doc->mentions[k].last; ++i) doc->mention_at[i] = static_cast<int>(k);
  std::vector<TitleMention> titles;
  for (auto& t : doc->titles)
    if (t.last > t.first) titles.push_back(std::move(t));
  doc->titles = std::move(titles);
  doc->title_at.assign(doc->tokens.size(), -1);
  for (size_t k = 0; k < doc->titles.size(); ++k)
    for (uint32_t i = doc->titles[k].first; i < doc->titles[k].last; ++i) doc->title_at[i] = static_cast<int>(k);
}

}  // namespace irkg::internal
