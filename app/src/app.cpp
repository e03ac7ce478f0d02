#include "dojang/app/app.hpp"

#include "state.hpp"

namespace dojang::app {

App::App(std::unique_ptr<State> state) : m(std::move(state)) {}
App::App(App&&) noexcept = default;
App& App::operator=(App&&) noexcept = default;
App::~App() = default;

Result<App> App::open(const std::string& url, Clock clock, Open mode) {
  auto store = store::Store::open(url, mode);
  if (!store) return std::unexpected(from_store(store.error()));
  auto state = std::make_unique<State>();
  state->db = std::move(*store);
  state->clock = std::move(clock);
  state->begin();
  return App(std::move(state));
}

std::string App::backend() const {
  return m->db->backend();
}

Result<Procedure> App::procedure(const std::string& name, std::optional<int> version) {
  m->begin();
  return m->procedure(name, version);
}

}  // namespace dojang::app
