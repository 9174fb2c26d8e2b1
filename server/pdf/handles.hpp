// Internal: one owner for every cairo, Pango and GLib handle the PDF renderer holds.
#pragma once

#include <cairo.h>
#include <glib-object.h>
#include <pango/pango.h>

#include <memory>

namespace sv::pdf::detail {

// A named deleter rather than decltype([](T* p) { Free(p); }): a lambda's type differs in every
// translation unit, which would give every function that takes a handle internal linkage.
template <auto Free>
struct FreeWith {
  template <class T>
  void operator()(T* p) const {
    if (p) Free(p);
  }
};

template <class T, auto Free>
using Handle = std::unique_ptr<T, FreeWith<Free>>;

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
