#include "state.hpp"

#include <chrono>

#include "dojang/dsl/compile.hpp"
#include "dojang/dsl/source_file.hpp"

namespace dojang::app {

Clock system_clock() {
  return [] {
    const auto since = std::chrono::system_clock::now().time_since_epoch();
    return engine::Date{std::chrono::duration_cast<std::chrono::seconds>(since).count()};
  };
}

Clock fixed_clock(engine::Date at) {
  return [at] { return at; };
}

Result<Procedure> State::procedure(const std::string& name, std::optional<int> version) {
  if (version) {
    auto cached = compiled.find({name, *version});
    if (cached != compiled.end()) return Procedure{cached->second, *version};
  }
  auto record = db->definition(name, version);
  if (!record) {
    Error error = from_store(record.error());
    if (record.error().code == store::Error::Code::NotFound) {
      error.message =
          version ? "version " + std::to_string(*version) + " of '" + name + "' is not deployed"
                  : "no procedure '" + name + "' is deployed";
    }
    return std::unexpected(error);
  }
  auto cached = compiled.find({name, record->version});
  if (cached != compiled.end()) return Procedure{cached->second, record->version};
  const std::string where = name + " (version " + std::to_string(record->version) + ")";
  dsl::CompileResult result = dsl::compile(dsl::SourceFile(where, record->source));
  if (!result.ok()) {
    return std::unexpected(
        Error{Error::Kind::Refused,
              "bad_definition",
              "the stored text of " + where + " no longer compiles; deploy it again",
              {}});
  }
  compiled[{name, record->version}] = result.definition;
  return Procedure{result.definition, record->version};
}

Result<const engine::Organisation*> State::organisation() {
  if (!units) {
    auto all = db->units();
    if (!all) return std::unexpected(from_store(all.error()));
    units.emplace(std::move(*all));
  }
  return &*units;
}

Result<engine::Principal> State::system(const std::string& unit) {
  auto org = organisation();
  if (!org) return std::unexpected(org.error());
  engine::Principal who;
  who.user = "system";
  who.unit = unit;
  who.organisation = *org;
  return who;
}

Result<engine::Principal> State::principal(const std::string& user) {
  auto who = db->principal(user, now);
  if (who) {
    auto org = organisation();
    if (!org) return std::unexpected(org.error());
    who->organisation = *org;
    return *who;
  }
  Error error = from_store(who.error());
  if (who.error().code == store::Error::Code::NotFound) {
    error.code = "unknown_user";
    error.message = "unknown user '" + user + "' (not in the directory)";
  }
  return std::unexpected(error);
}

Result<engine::Instance> State::instance(const std::string& id) {
  auto found = db->instance(id);
  if (found) return *found;
  Error error = from_store(found.error());
  if (found.error().code == store::Error::Code::NotFound) error.message = "no item '" + id + "'";
  return std::unexpected(error);
}

Result<State::Item> State::item(const std::string& id) {
  auto found = instance(id);
  if (!found) return std::unexpected(found.error());
  auto pinned = procedure(found->workflow, found->version);
  if (!pinned) return std::unexpected(pinned.error());
  return Item{std::move(*found), std::move(*pinned)};
}

}  // namespace dojang::app
