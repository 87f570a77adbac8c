#include "export/chart.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "export/escape.h"

namespace irkg {

void WriteBarChartSvg(const BarChart& chart, OutputFile& out) {
  constexpr double kBar = 36, kGap = 12, kLeft = 60, kTop = 50, kPlot = 300, kBottom = 70;
  double top = 0, bottom = 0;
  for (const auto& b : chart.bars) top = std::max(top, b.value), bottom = std::min(bottom, b.value);
  if (top == bottom) top = 1;
  const double scale = kPlot / (top - bottom);
  const double zero = kTop + top * scale;
  const double width = kLeft + chart.bars.size() * (kBar + kGap) + kGap + 20;
  const double height = kTop + kPlot + kBottom;
  auto text = [](std::string_view s) {
    std::string escaped;
    AppendXml(s, &escaped);
    return escaped;
  };
  char buf[512];
  std::snprintf(buf, sizeof buf,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" "
                "font-family=\"Helvetica,Arial,sans-serif\" font-size=\"12\">\n"
                "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n",
                std::max(width, 320.0), height, std::max(width, 320.0), height);
  out.Write(buf);
  out.Write("<text x=\"" + std::to_string(static_cast<int>(kLeft)) + "\" y=\"24\" font-size=\"15\">" + text(chart.title) +
            "</text>\n");
  for (double v : {top, 0.0, bottom}) {
    std::snprintf(buf, sizeof buf,
                  "<text x=\"%.0f\" y=\"%.1f\" text-anchor=\"end\" fill=\"#555\">%.1f</text>\n",
                  kLeft - 8, zero - v * scale + 4, v);
    out.Write(buf);
  }
  for (size_t i = 0; i < chart.bars.size(); ++i) {
    const auto& b = chart.bars[i];
    const double x = kLeft + kGap + i * (kBar + kGap);
    const double h = std::fabs(b.value) * scale;
    const double y = b.value >= 0 ? zero - h : zero;
    std::snprintf(buf, sizeof buf,
                  "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.0f\" height=\"%.1f\" fill=\"%s\"><title>%.1f</title></rect>\n",
                  x, y, kBar, std::max(h, 0.5), b.value >= 0 ? "#2e8b57" : "#c0392b", b.value);
    out.Write(buf);
    std::snprintf(buf, sizeof buf,
                  "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\" transform=\"rotate(-45 %.1f %.1f)\">",
                  x + kBar / 2, kTop + kPlot + 16, x + kBar / 2, kTop + kPlot + 16);
    out.Write(buf);
    out.Write(text(b.label) + "</text>\n");
  }
  std::snprintf(buf, sizeof buf, "<line x1=\"%.0f\" y1=\"%.1f\" x2=\"%.0f\" y2=\"%.1f\" stroke=\"#333\"/>\n", kLeft,
                zero, std::max(width, 320.0) - 10, zero);
  out.Write(buf);
  out.Write("</svg>\n");
}

}  // namespace irkg
