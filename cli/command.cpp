#include "cli/command.h"

#include <cstdio>
#include <cstring>

#include "cli/pipeline.h"

namespace irkg::cli {
namespace {

std::vector<OptionSpec> With(std::vector<OptionSpec> a, const std::vector<OptionSpec>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

const OptionSpec kHelp{"--help", "-h", nullptr, "show this help"};

std::vector<OptionSpec> FilterOptions() {
  return {
      {"--predicates", nullptr, "LIST", "only these predicates (comma-separated SCHEMA.md names)"},
      {"--types", nullptr, "LIST", "only these entity types (Person,Country,...)"},
  };
}

std::vector<OptionSpec> DateOptions() {
  return {{"--since", nullptr, "DATE", "only relations with evidence dated on or after DATE (YYYY[-MM[-DD]])"},
          {"--until", nullptr, "DATE", "only relations with evidence dated on or before DATE"},
          {"--include-undated", nullptr, nullptr, "with --since/--until, keep relations that have no date at all"}};
}

// Filters every query takes (cli/query_output.h reads them).
std::vector<OptionSpec> QueryFilterOptions() {
  return With(With(FilterOptions(), DateOptions()),
              {{"--min-confidence", nullptr, "X", "only relations of confidence at least X (0 to 1)"}});
}

}  // namespace

const std::vector<Command>& Commands() {
  static const std::vector<Command> kCommands = {
      {"extract", "extract entities and relations from articles (JSON Lines)",
       "irkg extract INPUT... [-o FILE]",
       "INPUT is a .txt article, a .jsonl corpus (records with \"id\" and \"text\", optional\n"
       "\"title\", \"date\", \"url\"), a directory (its .txt and .jsonl files, recursively, in\n"
       "sorted order) or - for standard input. One record per article is written, in\n"
       "input order, in the form ../shared/SCHEMA.md specifies. Invalid UTF-8 is replaced\n"
       "by U+FFFD with a warning naming the file and byte offset.",
       With({{"--output", "-o", "FILE", "write to FILE instead of standard output"}}, PipelineOptionSpecs()),
       RunExtract},
      {"build", "extract and merge articles into one graph (JSON-LD)",
       "irkg build INPUT... -o GRAPH.jsonld [--into GRAPH.jsonld]",
       "Extracts every article and merges the records into one knowledge graph, saved\n"
       "as JSON-LD (the graph's own storage, read by every other command). With --into,\n"
       "adds to an existing graph; articles already in it are not read twice.",
       With({{"--output", "-o", "FILE", "the graph file to write (required)"},
             {"--into", nullptr, "GRAPH", "start from this graph (incremental build)"},
             {"--diagram", nullptr, "FILE", "also render a diagram (.svg, .png or .pdf)"}},
            PipelineOptionSpecs()),
       RunBuild},
      {"merge", "merge extraction records and graphs into one graph",
       "irkg merge FILE... -o GRAPH.jsonld [--inputs-from LIST]",
       "FILE is a .jsonl file of extraction records (from irkg extract) or a .jsonld\n"
       "graph. Merging is associative and commutative: shards merged in any order give\n"
       "the same bytes as one build over all the articles. --inputs-from reads more\n"
       "FILEs, one a line, after those given, each merged as soon as its line comes:\n"
       "a driver can hand over records while it is still extracting others (a pipe).",
       {{"--output", "-o", "FILE", "the graph file to write (required)"},
        {"--inputs-from", nullptr, "LIST", "also merge the files listed in LIST, one a line (- for standard input)"},
        {"--jobs", "-j", "N", "N threads: N-1 parse records while one adds them; N write the graph (default 1)"},
        {"--quiet", "-q", nullptr, "no summary on stderr"}},
       RunMerge},
      {"export", "write a graph in another format",
       "irkg export GRAPH --format FORMAT [-o FILE|DIR]",
       "Formats: jsonld, nt (N-Triples), ttl (Turtle), graphml, cypher (MERGE script),\n"
       "dot; neo4j and kuzu write a directory (-o DIR) for neo4j-admin import or Kuzu.\n"
       "Every format honours the filters: a relation is kept when its predicate and\n"
       "dates are admitted and both its ends are entities of an admitted type (within\n"
       "--depth hops of a --focus entity); an entity when it is admitted and keeps a\n"
       "relation (any admitted entity with --all). See docs/exports.md.",
       With(With({{"--format", "-f", "FORMAT", "jsonld, nt, ttl, graphml, neo4j, cypher, kuzu or dot"},
                  {"--output", "-o", "FILE", "write to FILE (a directory for neo4j, kuzu) instead of standard output"},
                  {"--focus", nullptr, "ENTITY", "only what is within --depth of ENTITY (repeatable)", true},
                  {"--depth", nullptr, "N", "hops around --focus (default 1)"},
                  {"--max-nodes", nullptr, "N", "keep the N most connected entities"},
                  {"--all", nullptr, nullptr, "also entities the filters leave without a relation"}},
                 FilterOptions()),
            DateOptions()),
       RunExport},
      {"render", "draw a relationship diagram (SVG, PNG or PDF)",
       "irkg render GRAPH -o FILE.svg|FILE.png|FILE.pdf [--layout dot|neato|sfdp]",
       "Draws the graph through Graphviz: shape and colour by entity type, edge colour\n"
       "by predicate family, a legend; SVG tooltips carry the evidence sentences.",
       With({{"--output", "-o", "FILE", "the image to write; its extension gives the format (required)"},
             {"--layout", nullptr, "ENGINE", "dot (default), neato, sfdp, fdp or circo"},
             {"--focus", nullptr, "ENTITY", "only what is within --depth of ENTITY (repeatable)", true},
             {"--depth", nullptr, "N", "hops around --focus (default 1)"},
             {"--max-nodes", nullptr, "N", "keep the N most connected entities"},
             {"--all", nullptr, nullptr, "also draw entities that have no relation"},
             {"--title", nullptr, "TEXT", "a title above the diagram"}},
            FilterOptions()),
       RunRender},
      {"view", "write an interactive graph explorer (one offline HTML page)",
       "irkg view GRAPH -o FILE.html [--focus ENTITY --depth N] [--since/--until DATE] [--title T]",
       "Writes one self-contained HTML page that draws the graph (WebGL, laid out by\n"
       "Graphviz sfdp) and works offline: search names and aliases, filter by predicate,\n"
       "type, country, date and confidence, click an entity or a relation for its\n"
       "evidence (sentence, article, date, CAMEO code, Goldstein weight), expand a\n"
       "neighbourhood, find the fewest-hop path between two entities (as irkg path),\n"
       "export the view as PNG or SVG. The address keeps the view's state for sharing.\n"
       "--focus, --depth and the date bounds choose what the page holds, as for export.",
       With({{"--output", "-o", "FILE", "the page to write (required)"},
             {"--focus", nullptr, "ENTITY", "only what is within --depth of ENTITY (repeatable)", true},
             {"--depth", nullptr, "N", "hops around --focus (default 1)"},
             {"--title", nullptr, "TEXT", "the page's title"}},
            DateOptions()),
       RunView},
      {"path", "how two entities are connected, with the evidence",
       "irkg path GRAPH FROM TO [--reliable] [--k N] [--max-hops N] [FILTERS] [--json|--dot]",
       "Finds the chain of relations between two entities named by name, alias or id,\n"
       "walking relations in either direction: the fewest hops, or with --reliable the\n"
       "chain whose confidences have the largest product; --k N gives the N best simple\n"
       "paths. Each hop shows the predicate, the evidence sentences and their articles.\n"
       "Filters: an entity outside --types is not passed through (FROM and TO always\n"
       "are); a relation qualifies for --since/--until when some evidence date is in range.",
       With({{"--max-hops", nullptr, "N", "give up beyond N hops (default 6)"},
             {"--reliable", nullptr, nullptr, "the most reliable chain instead of the shortest"},
             {"--k", nullptr, "N", "the N best paths (Yen's algorithm)"},
             {"--json", nullptr, nullptr, "print JSON"},
             {"--dot", nullptr, nullptr, "print a Graphviz DOT diagram of the path(s)"}},
            QueryFilterOptions()),
       RunPath},
      {"neighbors", "the entities around one entity, with the evidence",
       "irkg neighbors GRAPH ENTITY [--depth N] [FILTERS] [--json|--dot]",
       "Lists every entity within --depth hops of ENTITY (relations walked in either\n"
       "direction) and every relation among them with its evidence. The filters are\n"
       "those of irkg path.",
       With({{"--depth", nullptr, "N", "hops around ENTITY (default 1)"},
             {"--json", nullptr, nullptr, "print JSON"},
             {"--dot", nullptr, nullptr, "print a Graphviz DOT diagram of the ego network"}},
            QueryFilterOptions()),
       RunNeighbors},
      {"parse", "show how the extractor reads an article, sentence by sentence",
       "irkg parse ARTICLE... [--doc ID] [--dict FILE]",
       "Prints each sentence with its chunks (noun phrases, verb groups, prepositions),\n"
       "every word's part of speech and lemma, the names recognized in it and the facts\n"
       "found in it with the rule or frame that found them. For writing a frame\n"
       "(data/language/frames.tsv) or a dictionary entry, and for tracing a miss.",
       {{"--doc", nullptr, "ID", "only the article with this doc id (a .jsonl record's id)"},
        {"--dict", nullptr, "FILE", "an extra dictionary file (repeatable)"}},
       RunParse},
      {"holders", "who held an office of a state, when, on what evidence",
       "irkg holders GRAPH TITLE STATE [--on DATE] [--json]",
       "Lists the persons the evidence shows holding TITLE (\"Foreign Minister\", compared\n"
       "without case or accents) of STATE, each with the first and last date it was seen\n"
       "and the sentences that say so. With --on, only those whose first-to-last-seen\n"
       "span contains DATE; when nobody's does, the holder last seen before it.",
       {{"--on", nullptr, "DATE", "who held it on DATE (YYYY[-MM[-DD]])"},
        {"--json", nullptr, nullptr, "print JSON"}},
       RunHolders},
      {"timeline", "an entity's facts in date order, with the evidence",
       "irkg timeline GRAPH ENTITY [--json]",
       "Every piece of evidence of every relation of ENTITY, earliest first (undated\n"
       "last): the date, the relation, the title it names and the sentence.",
       {{"--json", nullptr, nullptr, "print JSON"}},
       RunTimeline},
      {"dyad", "how two actors dealt with each other, period by period",
       "irkg dyad GRAPH A B [--by month|year] [--json] [--plot FILE.svg]",
       "The relations between A and B (either direction), their evidence counted per\n"
       "predicate and period, and the sum of the CAMEO Goldstein weights per period\n"
       "(cooperation positive, conflict negative; docs/schema.md lists the weights).",
       {{"--by", nullptr, "PERIOD", "month or year (default year)"},
        {"--json", nullptr, nullptr, "print JSON"},
        {"--plot", nullptr, "FILE", "also draw the Goldstein sums as a bar chart (.svg)"}},
       RunDyad},
      {"entities", "list and search the entities, with aliases and degree",
       "irkg entities GRAPH [--type TYPE] [--search TEXT] [--json]",
       "Lists the entities, most connected first: degree (relations in either\n"
       "direction), type, name, aliases and id. --search keeps those whose name, alias\n"
       "or id contains TEXT, compared without case or accents.",
       {{"--type", nullptr, "TYPE", "only this type (Person, Country, ...)"},
        {"--search", nullptr, "TEXT", "only names, aliases or ids containing TEXT"},
        {"--json", nullptr, nullptr, "print JSON"}},
       RunEntities},
      {"explain", "why an entity is one entity: the names merged into it and those kept apart",
       "irkg explain GRAPH ENTITY [--json]",
       "Redoes entity resolution on the graph's observations (each name as one article\n"
       "gave it) and prints which were merged into ENTITY, through which observation and\n"
       "by which rule, and which looked alike but were kept apart, with the reason and\n"
       "the entity they belong to. See docs/queries.md.",
       {{"--json", nullptr, nullptr, "print JSON"}},
       RunExplain},
      {"stats", "count entities by type and relations by predicate",
       "irkg stats GRAPH [--json]", "",
       {{"--json", nullptr, nullptr, "print JSON"}},
       RunStats},
      {"check-dicts", "validate dictionary files (the built-in ones and FILEs)",
       "irkg check-dicts [FILE...]",
       "Loads the built-in dictionaries and each FILE exactly as --dict does, and reports\n"
       "the first problem as FILE:LINE: message (format, kinds, keys, subtypes, ISO codes,\n"
       "repeated names, demonyms of two states, capitals that are no Location, in= naming\n"
       "no Country). See data/README.md.",
       {},
       RunCheckDicts},
  };
  return kCommands;
}

int Fail(const Status& status) {
  std::fprintf(stderr, "irkg: error: %s\n", status.message().c_str());
  if (status.code() == Status::Code::kUsage) {
    std::fprintf(stderr, "Run 'irkg help' for usage.\n");
    return kExitUsage;
  }
  return kExitFailure;
}

void Warn(const std::string& message) { std::fprintf(stderr, "irkg: warning: %s\n", message.c_str()); }
void Note(const std::string& message) { std::fprintf(stderr, "irkg: %s\n", message.c_str()); }

namespace {

void PrintHelp(const Command& c) {
  std::string opts = FormatOptions(With(c.options, {kHelp}));
  std::printf("usage: %s\n\n%s.\n", c.synopsis, c.summary);
  if (*c.details) std::printf("\n%s\n", c.details);
  std::printf("\noptions:\n%s", opts.c_str());
}

void PrintUsage(FILE* f) {
  std::fprintf(f,
               "usage: irkg COMMAND [OPTIONS] [ARGS]\n\n"
               "irkg builds a knowledge graph of international relations from news articles.\n\n"
               "commands:\n");
  for (const auto& c : Commands()) std::fprintf(f, "  %-10s %s\n", c.name, c.summary);
  std::fprintf(f, "  %-10s %s\n", "help", "show this list, or a command's help");
  std::fprintf(f, "\nRun 'irkg COMMAND --help' for a command's options; 'irkg --version' for the version.\n");
}

}  // namespace

int Main(int argc, char** argv) {
  std::vector<std::string> rest(argv + std::min(argc, 2), argv + argc);
  std::string name = argc >= 2 ? argv[1] : "";
  if (name.empty()) {
    PrintUsage(stderr);
    return kExitUsage;
  }
  if (name == "--version" || name == "version") {
    std::printf("irkg %s\n", IRKG_VERSION);
    return kExitOk;
  }
  if (name == "help" || name == "--help" || name == "-h") {
    if (!rest.empty()) {
      for (const auto& c : Commands())
        if (rest[0] == c.name) return PrintHelp(c), kExitOk;
      return Fail(Status::Usage("unknown command '" + rest[0] + "'"));
    }
    PrintUsage(stdout);
    return kExitOk;
  }
  for (const auto& c : Commands()) {
    if (name != c.name) continue;
    for (const auto& a : rest)
      if (a == "--help" || a == "-h") return PrintHelp(c), kExitOk;
    auto args = Args::Parse(rest, c.options);
    if (!args.ok()) return Fail(args.status());
    return c.run(*args);
  }
  return Fail(Status::Usage("unknown command '" + name + "'"));
}

}  // namespace irkg::cli
