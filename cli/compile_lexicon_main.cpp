// irkg-compile-lexicon CLOSED_CLASS.tsv OUT: a build step. Loads the
// lexicon from WordNet (DefaultWordNetDirectory) and the closed-class file,
// and writes it compiled to OUT, which Lexicon::Load then maps instead of
// parsing WordNet in every process (extract/lexicon.h).
//
// When the sources cannot be loaded, it says why, writes an empty OUT (never
// trusted: every irkg then parses the sources and reports the error, naming
// file and line) and succeeds, so that the build does not stop on data.
#include <cstdio>
#include <string>

#include "core/output_file.h"
#include "extract/lexicon.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: irkg-compile-lexicon CLOSED_CLASS.tsv OUT\n");
    return 2;
  }
  const std::string closed_class = argv[1], out = argv[2];
  auto lexicon = irkg::Lexicon::Parse(irkg::Lexicon::DefaultWordNetDirectory(), closed_class);
  irkg::Status saved = lexicon.ok() ? lexicon->SaveCompiled(out) : lexicon.status();
  if (saved.ok()) return 0;
  std::fprintf(stderr, "irkg-compile-lexicon: %s (irkg will read the sources instead)\n", saved.message().c_str());
  auto empty = irkg::OutputFile::Open(out);
  if (!empty.ok() || !empty->Commit().ok()) {
    std::fprintf(stderr, "irkg-compile-lexicon: %s: cannot write\n", out.c_str());
    return 1;
  }
  return 0;
}
