// A bar chart as a small SVG document: one bar per labelled value, above the
// zero line when positive, below when negative, in input order. For `irkg
// dyad --plot`; no plotting library is needed for this much.
#pragma once

#include <string>
#include <vector>

#include "core/output_file.h"

namespace irkg {

struct BarChart {
  std::string title;
  struct Bar {
    std::string label;
    double value = 0.0;
  };
  std::vector<Bar> bars;
};

// Writes the chart into `out`; the caller commits it.
void WriteBarChartSvg(const BarChart& chart, OutputFile& out);

}  // namespace irkg
