// OutputFile: writes a file so that readers see either the old content or
// the complete new one, never a partial file. Data goes to a temporary file
// beside the target, which Commit() flushes, checks and renames into place;
// destroyed without Commit(), the temporary file is removed. The path "-"
// means standard output (written through, checked at Commit()).
//
// The promise holds when the process is interrupted too: while a temporary
// file is open, SIGINT and SIGTERM remove every such file and end the
// process with the shell's status for the signal (130, 143).
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

#include "core/status.h"

namespace irkg {

class OutputFile {
 public:
  static Result<OutputFile> Open(const std::string& path);
  OutputFile(OutputFile&& other) noexcept;
  OutputFile& operator=(OutputFile&&) = delete;
  OutputFile(const OutputFile&) = delete;
  ~OutputFile();

  void Write(std::string_view data);
  Status Commit();
  const std::string& path() const { return path_; }
  // For messages: the path, or "standard output" for "-".
  std::string name() const { return path_ == "-" ? "standard output" : path_; }
  FILE* stream() { return file_; }

 private:
  OutputFile(std::string path, std::string temp, FILE* file) : path_(std::move(path)), temp_(std::move(temp)), file_(file) {}
  std::string path_, temp_;
  FILE* file_ = nullptr;
  bool failed_ = false;
};

// Creates the directory if needed; fails when `path` exists and is not a directory.
Status EnsureDirectory(const std::string& path);

}  // namespace irkg
