#pragma once
// Options that every command accepts, before or after the command name.

#include <string>

namespace dojang::cli {

struct GlobalOptions {
  bool json = false;                    // one JSON document on stdout
  std::string db = "sqlite:dojang.db";  // the store (not used by validate, graph and fmt)
  std::string now;                      // ISO 8601 clock override (not used by them either)
  std::string zone;  // the office time zone's name (--zone, else DOJANG_ZONE); empty: Asia/Seoul
};

}  // namespace dojang::cli
