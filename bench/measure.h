// Clocks and memory figures the benchmarks share.
#pragma once

#include <linux/perf_event.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <vector>

namespace irkg::bench {

class Stopwatch {
 public:
  Stopwatch() : start_(Clock::now()) {}
  double Seconds() const { return std::chrono::duration<double>(Clock::now() - start_).count(); }
  double Millis() const { return Seconds() * 1e3; }

 private:
  using Clock = std::chrono::steady_clock;
  Clock::time_point start_;
};

// Resident set size now, from /proc/self/statm (Linux), in bytes.
inline long CurrentRssBytes() {
  long pages = 0, resident = 0;
  if (FILE* f = std::fopen("/proc/self/statm", "r")) {
    if (std::fscanf(f, "%ld %ld", &pages, &resident) != 2) resident = 0;
    std::fclose(f);
  }
  return resident * sysconf(_SC_PAGESIZE);
}

// The process's peak resident set so far, in MB (ru_maxrss is in KiB on Linux).
inline double PeakRssMb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss * 1024.0 / 1e6;
}

// CPU time (user + system, all threads) the process has used, in seconds.
// On a shared machine this says more than wall time about the work done.
inline double CpuSeconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

// Minor page faults the process has taken so far: each is a page of fresh
// memory mapped (and zeroed), which on a virtual machine can cost more than
// the work that touches it.
inline long MinorFaults() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_minflt;
}

// Instructions retired by this thread in user space, from the hardware
// counter, while it counts: a figure the machine's load does not move,
// unlike time. Many virtual machines expose no counter; then Read() gives
// nothing and callgrind has to count (docs/benchmarks.md).
class InstructionCounter {
 public:
  InstructionCounter() {
    perf_event_attr attr{};
    attr.size = sizeof attr;
    attr.type = PERF_TYPE_HARDWARE;
    attr.config = PERF_COUNT_HW_INSTRUCTIONS;
    attr.disabled = 1;
    attr.exclude_kernel = 1;
    attr.exclude_hv = 1;
    fd_ = static_cast<int>(syscall(SYS_perf_event_open, &attr, 0, -1, -1, 0));
  }
  ~InstructionCounter() {
    if (fd_ >= 0) close(fd_);
  }
  InstructionCounter(const InstructionCounter&) = delete;
  InstructionCounter& operator=(const InstructionCounter&) = delete;

  void Start() {
    if (fd_ < 0) return;
    ioctl(fd_, PERF_EVENT_IOC_RESET, 0);
    ioctl(fd_, PERF_EVENT_IOC_ENABLE, 0);
  }
  // The instructions since Start(), and stops counting; nothing without a counter.
  std::optional<uint64_t> Read() {
    if (fd_ < 0) return std::nullopt;
    ioctl(fd_, PERF_EVENT_IOC_DISABLE, 0);
    uint64_t count = 0;
    if (read(fd_, &count, sizeof count) != sizeof count) return std::nullopt;
    return count;
  }

 private:
  int fd_ = -1;
};

// The q-quantile (0..1) of `values` by nearest rank; sorts them.
inline double Quantile(std::vector<double>& values, double q) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  size_t rank = static_cast<size_t>(q * static_cast<double>(values.size()) + 0.5);
  rank = std::clamp<size_t>(rank, 1, values.size());
  return values[rank - 1];
}

}  // namespace irkg::bench
