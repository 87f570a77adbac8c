// The shipped Dictionary, Lexicon and frames, loaded once for all extract tests.
#pragma once

#include <catch2/catch.hpp>

#include "extract/dictionary.h"
#include "extract/frames.h"
#include "extract/lexicon.h"

namespace irkg::testing {

inline const Dictionary& LoadedDictionary() {
  static const Dictionary dict = [] {
    auto d = Dictionary::LoadDefault({});
    if (!d.ok()) FAIL(d.status().message());
    return std::move(*d);
  }();
  return dict;
}

inline const Lexicon& LoadedLexicon() {
  static const Lexicon lexicon = [] {
    auto l = Lexicon::LoadDefault();
    if (!l.ok()) FAIL(l.status().message());
    return std::move(*l);
  }();
  return lexicon;
}

inline const FrameTable& LoadedFrames() {
  static const FrameTable frames = [] {
    auto f = FrameTable::LoadDefault();
    if (!f.ok()) FAIL(f.status().message());
    return std::move(*f);
  }();
  return frames;
}

}  // namespace irkg::testing
