#pragma once
// Which database a connection talks to.

namespace dojang::store::detail {

enum class Backend { Sqlite, Postgresql };

[[nodiscard]] inline const char* backend_name(Backend backend) {
  return backend == Backend::Sqlite ? "sqlite" : "postgresql";
}

}  // namespace dojang::store::detail
