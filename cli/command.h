// The irkg subcommands as a table (in the manner of Ninja's tools): each
// entry names the command, says what it does, declares its options and
// points at the function that runs it. main() only looks a name up here.
#pragma once

#include <string>
#include <vector>

#include "cli/args.h"

namespace irkg::cli {

// Exit codes: the work succeeded, the work failed, the command line was wrong.
enum ExitCode { kExitOk = 0, kExitFailure = 1, kExitUsage = 2 };

struct Command {
  const char* name;
  const char* summary;   // one line, for `irkg help`
  const char* synopsis;  // "irkg extract INPUT... [-o FILE]"
  const char* details;   // paragraphs for `irkg CMD --help`
  std::vector<OptionSpec> options;
  int (*run)(const Args& args);
};

const std::vector<Command>& Commands();

// Prints "irkg: error: MESSAGE" and returns the exit code that fits the status.
int Fail(const Status& status);
void Warn(const std::string& message);
void Note(const std::string& message);  // progress and summaries on stderr, unless --quiet

int Main(int argc, char** argv);

// Commands, one file each.
int RunExtract(const Args& args);
int RunBuild(const Args& args);
int RunMerge(const Args& args);
int RunExport(const Args& args);
int RunRender(const Args& args);
int RunView(const Args& args);
int RunPath(const Args& args);
int RunNeighbors(const Args& args);
int RunStats(const Args& args);
int RunParse(const Args& args);
int RunCheckDicts(const Args& args);
int RunHolders(const Args& args);
int RunTimeline(const Args& args);
int RunDyad(const Args& args);
int RunEntities(const Args& args);
int RunExplain(const Args& args);

}  // namespace irkg::cli
