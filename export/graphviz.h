// Graphviz's C API behind small owning types, for use inside export/.
//
// Graph owns a cgraph graph (agclose), Layout a computed layout
// (gvFreeLayout); the gvc context is one per process (SharedContext). Graphviz
// needs them released in the opposite order of creation (layout, then graph,
// then context), which declaring a Graph before its Layout gives.
// CString and SetAttr let std::string values cross an API that takes char*.
// ErrorCapture keeps Graphviz's messages off stderr so that they can travel
// in a Status instead.
//
// Only forward declarations of Graphviz types appear here, so that public
// headers may name Graph without pulling in the Graphviz headers.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

struct Agraph_s;  // Agraph_t in <graphviz/cgraph.h>
struct GVC_s;     // GVC_t in <graphviz/gvc.h>

namespace irkg::gv {

struct GraphCloser {
  void operator()(Agraph_s* g) const;
};
using Graph = std::unique_ptr<Agraph_s, GraphCloser>;

// The process's gvContext(), with the plugins the system registers (dot,
// svg, png, ...), created on first use and freed at exit. One for all
// renderings because Graphviz 2.42's pango text plugin remembers the last
// font name by pointer into the context's font table: after a context is
// freed, the next context's first label compares against freed memory.
Result<GVC_s*> SharedContext();

// The positions gvLayout computed for a graph; freed (gvFreeLayout) on
// destruction. Must not outlive the graph or the context it was made with.
class Layout {
 public:
  // `engine` is a Graphviz layout name such as "dot" or "neato".
  static Result<Layout> Compute(GVC_s* gvc, Agraph_s* g, const std::string& engine);

  Layout(Layout&& other) noexcept : gvc_(other.gvc_), g_(other.g_) { other.g_ = nullptr; }
  Layout& operator=(Layout&&) = delete;
  Layout(const Layout&) = delete;
  ~Layout();

 private:
  Layout(GVC_s* gvc, Agraph_s* g) : gvc_(gvc), g_(g) {}
  GVC_s* gvc_;
  Agraph_s* g_;
};

// A writable, NUL-terminated copy of a string. cgraph declares char* where
// it only reads; a private copy means no const_cast can ever let it write
// into someone else's string.
class CString {
 public:
  explicit CString(std::string_view s) : buf_(s.begin(), s.end()) { buf_.push_back('\0'); }
  char* get() { return buf_.data(); }

 private:
  std::vector<char> buf_;
};

// Sets attribute `name` of a graph, subgraph, node or edge to `value`,
// declaring the attribute with an empty default when it is new.
void SetAttr(void* object, std::string_view name, std::string_view value);

// Sets attribute `name` to an HTML-like label: `html` is the markup itself,
// such as "<TABLE>...</TABLE>", with its text already escaped as XML.
void SetHtmlAttr(void* object, std::string_view name, std::string_view html);

// Declares the default of an attribute for the whole graph: for the graph
// itself, every node, or every edge.
void SetGraphDefault(Agraph_s* g, std::string_view name, std::string_view value);
void SetNodeDefault(Agraph_s* g, std::string_view name, std::string_view value);
void SetEdgeDefault(Agraph_s* g, std::string_view name, std::string_view value);

// While alive, Graphviz's warnings and errors are collected here instead of
// being printed. Graphviz keeps one process-wide handler, so at most one
// ErrorCapture may be alive at a time (diagrams are drawn on one thread).
class ErrorCapture {
 public:
  ErrorCapture();
  ~ErrorCapture();
  ErrorCapture(const ErrorCapture&) = delete;
  ErrorCapture& operator=(const ErrorCapture&) = delete;

  // The messages so far, one per line, without a trailing newline.
  std::string text() const;
};

// `status` with Graphviz's messages so far appended, when it left any, so
// that a failure explains itself.
Status WithMessages(Status status, const ErrorCapture& errors);

}  // namespace irkg::gv
