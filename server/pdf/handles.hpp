// Internal: one owner for every cairo, Pango and GLib handle the PDF renderer holds.
#pragma once

#include <cairo.h>
#include <glib-object.h>
#include <pango/pango.h>

#include <memory>

#include "workflows/handle.hpp"

namespace sv::pdf::detail {

using sv::FreeWith;  // the project's one owner of C handles (workflows/handle.hpp)
using sv::Handle;

using Surface = Handle<cairo_surface_t, cairo_surface_destroy>;
using Cairo = Handle<cairo_t, cairo_destroy>;
using FontOptions = Handle<cairo_font_options_t, cairo_font_options_destroy>;
using PangoContextHandle = Handle<PangoContext, g_object_unref>;
using FontDescription = Handle<PangoFontDescription, pango_font_description_free>;
using AttrList = Handle<PangoAttrList, pango_attr_list_unref>;
using LayoutIter = Handle<PangoLayoutIter, pango_layout_iter_free>;
using GlibString = Handle<char, g_free>;
using GlibError = Handle<GError, g_error_free>;

// A laid-out paragraph is shared by the lines drawn from it, which may fall on several pages.
using SharedLayout = std::shared_ptr<PangoLayout>;

inline SharedLayout shareLayout(PangoLayout* raw) {
  return SharedLayout(raw, FreeWith<g_object_unref>{});
}

}  // namespace sv::pdf::detail
