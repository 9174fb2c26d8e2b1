// Internal: a chart of the yearly summary (minutes/annual_charts.hpp) drawn with cairo on a PDF
// page. Why a second renderer beside the SVG: the committee's PDF must hold the chart itself, as
// vector graphics, not a picture of the web page; the model is the same, so this file only draws
// it the way annual_svg.cpp does: the legend above the plot, a value axis with ticks, grid lines
// and the unit, the bars in the series' colours (grouped side by side or stacked), each value at
// its bar, and the categories under the bars.
#pragma once

#include <cairo.h>

#include "minutes/annual_charts.hpp"
#include "server/pdf/flow.hpp"

namespace sv::pdf::detail {

// How tall the chart is when drawn `width` points wide: the legend's rows, the plot and the
// categories' labels under it. The flow measures the text.
double chartHeight(const Flow& flow, const minutes::Chart& chart, double width);

// Draws the chart with its top left corner at (x, y), `width` points wide and chartHeight tall.
// A chart without categories draws its axis and "Inga uppgifter för perioden". Values below zero
// are drawn as zero (a bar cannot grow downwards here, as in the SVG).
void drawChart(cairo_t* cr, const Flow& flow, const minutes::Chart& chart, double x, double y,
               double width);

}  // namespace sv::pdf::detail
