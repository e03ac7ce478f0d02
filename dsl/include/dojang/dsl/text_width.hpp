#pragma once
// UTF-8 helpers for the language and its diagnostics: the one implementation is in base.

#include "dojang/base/utf8.hpp"

namespace dojang::dsl {

using base::code_point_width;
using base::code_points;
using base::decode_utf8;
using base::display_width;
using base::find_invalid_utf8;
using base::replace_invalid_utf8;
using base::Utf8Unit;

}  // namespace dojang::dsl
