// PassTimes: how long each pass of the extractor took, summed over the
// articles of one Extract call or more (the benchmark's "time per pass"),
// and PassClock, which the passes mark as they finish. Without a PassTimes
// a PassClock reads no clock, so extraction pays nothing by default.
#pragma once

#include <array>
#include <chrono>
#include <cstddef>

namespace irkg {

// The passes in the order Extract runs them. Offices run once an article;
// references (the resolver's view of each sentence), events, stances,
// frames and structure alternate sentence by sentence and are summed.
// `records` is building the ExtractionRecord from the document.
enum class Pass : size_t {
  kTokens, kSentences, kTags, kDates, kNames, kChunks, kCoreference, kOffices,
  kReferences, kEvents, kStances, kFrames, kStructure, kRecords, kCount_
};

struct PassTimes {
  static constexpr size_t kCount = static_cast<size_t>(Pass::kCount_);
  static constexpr std::array<const char*, kCount> kNames = {
      "tokens", "sentences", "tags",    "dates",  "names",     "chunks",    "coreference",
      "offices", "references", "events", "stances", "frames", "structure", "records"};
  std::array<double, kCount> seconds{};

  PassTimes& operator+=(const PassTimes& o) {
    for (size_t i = 0; i < kCount; ++i) seconds[i] += o.seconds[i];
    return *this;
  }
};

// Adds the time since the last mark to the pass that just ended.
class PassClock {
 public:
  explicit PassClock(PassTimes* times) : times_(times) {
    if (times_) last_ = std::chrono::steady_clock::now();
  }
  void Mark(Pass pass) {
    if (!times_) return;
    auto now = std::chrono::steady_clock::now();
    times_->seconds[static_cast<size_t>(pass)] += std::chrono::duration<double>(now - last_).count();
    last_ = now;
  }

 private:
  PassTimes* times_;
  std::chrono::steady_clock::time_point last_;
};

}  // namespace irkg
