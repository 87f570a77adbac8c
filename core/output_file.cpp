#include "core/output_file.h"

#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <mutex>

namespace irkg {
namespace {

// The temporary files open now, for the signal handler to remove. A handler
// may only use what is async-signal-safe, so the paths sit in fixed slots
// it can read without locking; a slot holds a strdup'ed path or nullptr.
constexpr size_t kTempSlots = 64;
std::atomic<char*> g_temp_paths[kTempSlots];

extern "C" void RemoveTempFilesAndExit(int signal_number) {
  for (auto& slot : g_temp_paths)
    if (char* path = slot.exchange(nullptr)) ::unlink(path);
  // The status a shell reports for a process killed by the signal.
  ::_exit(128 + signal_number);
}

void InstallSignalHandlers() {
  static std::once_flag once;
  std::call_once(once, [] {
    for (int signal_number : {SIGINT, SIGTERM}) {
      struct sigaction action {};
      action.sa_handler = RemoveTempFilesAndExit;
      sigemptyset(&action.sa_mask);
      ::sigaction(signal_number, &action, nullptr);
    }
  });
}

void RegisterTemp(const std::string& temp) {
  InstallSignalHandlers();
  char* copy = ::strdup(temp.c_str());
  for (auto& slot : g_temp_paths) {
    char* expected = nullptr;
    if (slot.compare_exchange_strong(expected, copy)) return;
  }
  std::free(copy);  // more open at once than slots: this one is not guarded
}

void UnregisterTemp(const std::string& temp) {
  for (auto& slot : g_temp_paths) {
    char* path = slot.load();
    if (path && temp == path && slot.compare_exchange_strong(path, nullptr)) {
      std::free(path);
      return;
    }
  }
}

}  // namespace

Result<OutputFile> OutputFile::Open(const std::string& path) {
  if (path == "-") return OutputFile(path, "", stdout);
  // A device or pipe (/dev/full, /dev/stdout, a FIFO) cannot take a renamed
  // file, and must not be replaced by one: write through to it instead.
  struct stat st;
  if (::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
    FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) return Status::IoError(path + ": cannot write: " + std::strerror(errno));
    return OutputFile(path, "", f);
  }
  std::string temp = path + ".tmp." + std::to_string(getpid());
  // Registered before it exists: a signal the moment after the file
  // appears must find it guarded (removing a file not yet made is harmless).
  RegisterTemp(temp);
  FILE* f = std::fopen(temp.c_str(), "wb");
  if (!f) {
    UnregisterTemp(temp);
    return Status::IoError(path + ": cannot write: " + std::strerror(errno));
  }
  std::setvbuf(f, nullptr, _IOFBF, 1 << 16);
  return OutputFile(path, std::move(temp), f);
}

OutputFile::OutputFile(OutputFile&& o) noexcept
    : path_(std::move(o.path_)), temp_(std::move(o.temp_)), file_(o.file_), failed_(o.failed_) {
  o.file_ = nullptr;
  o.temp_.clear();
}

OutputFile::~OutputFile() {
  if (file_ && file_ != stdout) std::fclose(file_);
  if (!temp_.empty()) {
    std::remove(temp_.c_str());
    UnregisterTemp(temp_);
  }
}

void OutputFile::Write(std::string_view data) {
  if (failed_ || data.empty()) return;
  if (std::fwrite(data.data(), 1, data.size(), file_) != data.size()) failed_ = true;
}

Status OutputFile::Commit() {
  if (!file_) return Status::IoError(path_ + ": already committed");
  int err = 0;
  if (std::fflush(file_) != 0 || std::ferror(file_) || failed_) err = errno ? errno : EIO;
  if (file_ == stdout) {
    file_ = nullptr;
    if (err) return Status::IoError(name() + ": write failed: " + std::strerror(err));
    return Status::Ok();
  }
  if (std::fclose(file_) != 0 && !err) err = errno;
  file_ = nullptr;
  if (err) return Status::IoError(path_ + ": write failed: " + std::strerror(err));
  if (temp_.empty()) return Status::Ok();  // written through, nothing to rename
  if (std::rename(temp_.c_str(), path_.c_str()) != 0)
    return Status::IoError(path_ + ": cannot replace: " + std::strerror(errno));
  UnregisterTemp(temp_);
  temp_.clear();
  return Status::Ok();
}

Status EnsureDirectory(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return Status::Ok();
  if (std::filesystem::exists(path, ec)) return Status::IoError(path + ": exists and is not a directory");
  std::filesystem::create_directories(path, ec);
  if (ec) return Status::IoError(path + ": cannot create directory: " + ec.message());
  return Status::Ok();
}

}  // namespace irkg
