// Google Benchmark timings of the functions extraction spends its time in,
// on one typical article: the seed article in examples/ (real news) and one
// synthetic article (bench/corpus_generator.h), so figures compare across
// machines and across changes to extract/.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "bench/corpus_generator.h"
#include "core/record_json.h"
#include "core/text.h"
#include "extract/dictionary.h"
#include "extract/extractor.h"
#include "extract/tokenizer.h"

namespace {

using namespace irkg;

const Dictionary& Dict() {
  static const Dictionary dict = [] {
    auto d = Dictionary::LoadDefault({});
    if (!d.ok()) {
      std::fprintf(stderr, "micro_bench: %s\n", d.status().message().c_str());
      std::exit(1);
    }
    return std::move(*d);
  }();
  return dict;
}

const FrameTable& Frames() {
  static const FrameTable frames = [] {
    auto f = FrameTable::LoadDefault();
    if (!f.ok()) {
      std::fprintf(stderr, "%s\n", f.status().message().c_str());
      std::exit(1);
    }
    return std::move(*f);
  }();
  return frames;
}

const Lexicon& Lex() {
  static const Lexicon lexicon = [] {
    auto l = Lexicon::LoadDefault();
    if (!l.ok()) {
      std::fprintf(stderr, "micro_bench: %s\n", l.status().message().c_str());
      std::exit(1);
    }
    return std::move(*l);
  }();
  return lexicon;
}

// Article 0: the real seed article; article 1: a synthetic one.
const Article& TestArticle(int which) {
  static const Article real = [] {
    Article a;
    a.doc = "seed";
    std::ifstream in(IRKG_EXAMPLE_ARTICLE, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    a.text = s.str();
    return a;
  }();
  static const Article synthetic = [] {
    auto g = bench::MakeArticle(1, 0);
    Article a;
    a.doc = g.id;
    a.text = g.text;
    a.date = g.date;
    a.title = g.title;
    return a;
  }();
  return which == 0 ? real : synthetic;
}

void BM_Tokenize(benchmark::State& state) {
  const Article& a = TestArticle(static_cast<int>(state.range(0)));
  std::vector<Token> tokens;
  for (auto _ : state) {
    tokens.clear();
    Tokenize(a.text, &tokens);
    benchmark::DoNotOptimize(tokens.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * a.text.size()));
}
BENCHMARK(BM_Tokenize)->Arg(0)->Arg(1);

// Token keys as the extractor makes them: FoldToken, then KeyOf.
void BM_FoldAndKey(benchmark::State& state) {
  const Article& a = TestArticle(static_cast<int>(state.range(0)));
  std::vector<Token> tokens;
  Tokenize(a.text, &tokens);
  for (auto _ : state) {
    uint32_t sum = 0;
    for (const auto& t : tokens) sum += Dict().KeyOf(Dictionary::FoldToken(TokenText(a.text, t)));
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * tokens.size()));
}
BENCHMARK(BM_FoldAndKey)->Arg(0)->Arg(1);

// LongestMatch tried at every token of one sentence, as recognition does.
void BM_LongestMatchSentence(benchmark::State& state) {
  const std::string sentence =
      "Azerbaijani Deputy Foreign Minister Khalaf Khalafov met with the Secretary General of the "
      "Organization of Turkic States and the Italian Ambassador to Azerbaijan in Baku on Monday.";
  std::vector<Token> tokens;
  Tokenize(sentence, &tokens);
  std::vector<uint32_t> keys;
  std::vector<std::string_view> exact;
  for (const auto& t : tokens) {
    exact.push_back(TokenText(sentence, t));
    keys.push_back(Dict().KeyOf(Dictionary::FoldToken(exact.back())));
  }
  std::vector<FormMatch> matches;
  for (auto _ : state) {
    size_t matched = 0;
    for (size_t i = 0; i < keys.size(); ++i) {
      matches.clear();
      matched += Dict().LongestMatch(keys.data() + i, exact.data() + i, keys.size() - i, &matches);
    }
    benchmark::DoNotOptimize(matched);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * keys.size()));
}
BENCHMARK(BM_LongestMatchSentence);

void BM_Extract(benchmark::State& state) {
  const Article& a = TestArticle(static_cast<int>(state.range(0)));
  Extractor extractor(Dict(), Lex(), Frames());
  for (auto _ : state) {
    ExtractionRecord r = extractor.Extract(a);
    benchmark::DoNotOptimize(r.triples.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * a.text.size()));
}
BENCHMARK(BM_Extract)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);

// Loading the lexicon: 0 as every process does (the compiled lexicon the
// build wrote, when current), 1 from WordNet's files.
void BM_LexiconLoad(benchmark::State& state) {
  auto data = FindDataDirectory();
  if (!data.ok()) return state.SkipWithError(data.status().message().c_str());
  const std::string wordnet = Lexicon::DefaultWordNetDirectory(), closed = *data + "/lexicon/closed_class.tsv";
  for (auto _ : state) {
    auto l = state.range(0) == 0 ? Lexicon::Load(wordnet, closed) : Lexicon::Parse(wordnet, closed);
    if (!l.ok()) return state.SkipWithError(l.status().message().c_str());
    benchmark::DoNotOptimize(l->Lemma("meet"));
  }
}
BENCHMARK(BM_LexiconLoad)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

void BM_FoldName(benchmark::State& state) {
  const std::string names[] = {"Türkiye", "Côte d’Ivoire", "Heydar Aliyev Foundation", "Khalaf Khalafov",
                               "Organization of Turkic States", "Kassym-Jomart Tokayev"};
  for (auto _ : state)
    for (const auto& n : names) benchmark::DoNotOptimize(FoldName(n));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * std::size(names)));
}
BENCHMARK(BM_FoldName);

void BM_AppendRecordJson(benchmark::State& state) {
  Extractor extractor(Dict(), Lex(), Frames());
  ExtractionRecord r = extractor.Extract(TestArticle(0));
  std::string line;
  for (auto _ : state) {
    line.clear();
    AppendRecordJson(r, &line);
    benchmark::DoNotOptimize(line.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * line.size()));
}
BENCHMARK(BM_AppendRecordJson);

void BM_ParseRecordJson(benchmark::State& state) {
  Extractor extractor(Dict(), Lex(), Frames());
  std::string line;
  AppendRecordJson(extractor.Extract(TestArticle(0)), &line);
  for (auto _ : state) {
    auto r = ParseRecordJson(line, "bench");
    benchmark::DoNotOptimize(r.ok());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * line.size()));
}
BENCHMARK(BM_ParseRecordJson);

}  // namespace

BENCHMARK_MAIN();
