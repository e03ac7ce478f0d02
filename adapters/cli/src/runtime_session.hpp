#pragma once
// What every runtime command starts with: the clock (--now or the real one), the store named by
// --db, and the compiled procedures (compiled from the stored source, once per process).

#include <expected>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "dojang/engine/definition.hpp"
#include "dojang/engine/runtime.hpp"
#include "dojang/store/store.hpp"
#include "failure.hpp"
#include "global_options.hpp"

namespace dojang::cli {

// A compiled version of a deployed procedure.
struct Procedure {
  std::shared_ptr<const engine::Definition> definition;
  int version = 0;
};

class Session {
 public:
  // Reads --now (a usage failure when it is not ISO 8601), then opens the store.
  [[nodiscard]] static std::expected<Session, Failure> open(const GlobalOptions& global);

  [[nodiscard]] store::Store& store() { return *m_store; }
  [[nodiscard]] engine::Date now() const { return m_now; }

  // Version `version` of a procedure, or its latest version when nullopt. Not found: "no
  // procedure 'x' is deployed" / "version 3 of 'x' is not deployed".
  [[nodiscard]] std::expected<Procedure, Failure> procedure(const std::string& name,
                                                            std::optional<int> version);

  // Who `user` is at now(): "unknown user 'x'" when the directory does not know them.
  [[nodiscard]] std::expected<engine::Principal, Failure> principal(const std::string& user);

  // An instance: "no item 'x'" when there is none.
  [[nodiscard]] std::expected<engine::Instance, Failure> instance(const std::string& id);

 private:
  Session(std::unique_ptr<store::Store> store, engine::Date now);

  std::unique_ptr<store::Store> m_store;
  engine::Date m_now;
  std::map<std::pair<std::string, int>, std::shared_ptr<const engine::Definition>> m_compiled;
};

// --now as a Date (the real clock when empty); a usage failure when it cannot be read.
[[nodiscard]] std::expected<engine::Date, Failure> clock_of(const GlobalOptions& global);

}  // namespace dojang::cli
