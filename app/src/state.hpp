#pragma once
// What every use case works with: the store, the time of this call, and the compiled
// procedures (compiled from the stored source, once per App).

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "dojang/app/app.hpp"
#include "dojang/store/store.hpp"

namespace dojang::app {

struct App::State {
  std::unique_ptr<store::Store> db;
  Clock clock;
  engine::Date now;  // read from the clock at the start of each use case
  std::map<std::pair<std::string, int>, std::shared_ptr<const engine::Definition>> compiled;
  // The directory's units, read once per use case (begin() forgets them).
  std::optional<engine::Organisation> units;

  store::Store& store() { return *db; }
  void begin() {
    now = clock();
    units.reset();
  }

  // Not found: "no procedure 'x' is deployed" / "version 3 of 'x' is not deployed".
  Result<Procedure> procedure(const std::string& name, std::optional<int> version);
  // Not found: "unknown user 'x' (not in the directory)". With the organisation.
  Result<engine::Principal> principal(const std::string& user);
  // The system (timers, rankings, items another item starts), in `unit`.
  Result<engine::Principal> system(const std::string& unit = "");
  Result<const engine::Organisation*> organisation();
  // Not found: "no item 'x'".
  Result<engine::Instance> instance(const std::string& id);
  // An item with the procedure version it is pinned to.
  struct Item {
    engine::Instance instance;
    Procedure procedure;
  };
  Result<Item> item(const std::string& id);
};

using State = App::State;

}  // namespace dojang::app
