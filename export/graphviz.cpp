#include "export/graphviz.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

namespace irkg::gv {

void GraphCloser::operator()(Agraph_s* g) const {
  if (g) agclose(g);
}

namespace {

struct ContextFreer {
  void operator()(GVC_t* gvc) const {
    if (gvc) gvFreeContext(gvc);
  }
};

}  // namespace

Result<GVC_s*> SharedContext() {
  static const std::unique_ptr<GVC_t, ContextFreer> gvc(gvContext());
  if (!gvc) return Status::IoError("graphviz: cannot create a rendering context");
  return gvc.get();
}

Result<Layout> Layout::Compute(GVC_s* gvc, Agraph_s* g, const std::string& engine) {
  if (gvLayout(gvc, g, engine.c_str()) != 0) {
    // gvLayout may leave a partial layout behind; free it here, as no Layout
    // object will.
    gvFreeLayout(gvc, g);
    return Status::InvalidInput("graphviz: layout '" + engine + "' failed");
  }
  return Layout(gvc, g);
}

Layout::~Layout() {
  if (g_) gvFreeLayout(gvc_, g_);
}

void SetAttr(void* object, std::string_view name, std::string_view value) {
  CString n(name), v(value), empty("");
  agsafeset(object, n.get(), v.get(), empty.get());
}

void SetHtmlAttr(void* object, std::string_view name, std::string_view html) {
  CString n(name), v(html), empty("");
  Agraph_t* root = agroot(object);
  const int kind = agobjkind(object);
  Agsym_t* sym = agattr(root, kind, n.get(), nullptr);
  if (!sym) sym = agattr(root, kind, n.get(), empty.get());
  // agxset keeps its own reference to an HTML string; drop ours after.
  char* marked = agstrdup_html(root, v.get());
  agxset(object, sym, marked);
  agstrfree(root, marked);
}

static void SetDefault(Agraph_s* g, int kind, std::string_view name, std::string_view value) {
  CString n(name), v(value);
  agattr(g, kind, n.get(), v.get());
}

void SetGraphDefault(Agraph_s* g, std::string_view name, std::string_view value) {
  SetDefault(g, AGRAPH, name, value);
}
void SetNodeDefault(Agraph_s* g, std::string_view name, std::string_view value) {
  SetDefault(g, AGNODE, name, value);
}
void SetEdgeDefault(Agraph_s* g, std::string_view name, std::string_view value) {
  SetDefault(g, AGEDGE, name, value);
}

namespace {

bool capturing = false;
agusererrf previous_handler = nullptr;

std::string& Captured() {
  static std::string text;
  return text;
}

// Graphviz hands a message over in pieces ("Warning", ": ", the text).
int Collect(char* piece) {
  if (capturing && piece) Captured().append(piece);
  return 0;
}

}  // namespace

ErrorCapture::ErrorCapture() {
  Captured().clear();
  capturing = true;
  previous_handler = agseterrf(Collect);
}

ErrorCapture::~ErrorCapture() {
  agseterrf(previous_handler);
  capturing = false;
}

std::string ErrorCapture::text() const {
  std::string s = Captured();
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

Status WithMessages(Status status, const ErrorCapture& errors) {
  std::string text = errors.text();
  if (text.empty()) return status;
  std::string message = status.message() + ": " + text;
  if (status.code() == Status::Code::kIoError) return Status::IoError(std::move(message));
  return Status::InvalidInput(std::move(message));
}

}  // namespace irkg::gv
