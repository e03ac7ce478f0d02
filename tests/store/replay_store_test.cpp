// Folding the history read back from the database (fold_history) gives the stored instance's
// state, fields, revision and times, on both backends.

#include <tuple>

#include "dojang/engine/replay.hpp"
#include "store_fixture.hpp"

namespace dojang::store::testing {
namespace {

engine::Definition definition() {
  engine::Definition def;
  def.name = "replay";
  for (const char* name : {"draft", "review", "done"}) {
    engine::StateDef state;
    state.name = name;
    def.states.push_back(state);
  }
  engine::Index slot = 0;
  for (const char* name : {"title", "budget", "note"}) {
    engine::FieldDef field;
    field.name = name;
    field.slot = slot++;
    def.fields.push_back(field);
  }
  def.slot_count = slot;
  return def;
}

// The next step of `before` into state `to`, setting `field` (by slot) to `value`.
engine::Step move(const engine::Definition& def, const engine::Instance& before, engine::Index to,
                  engine::Index field, engine::Value value, std::int64_t at) {
  engine::Step step;
  engine::Instance& in = step.instance;
  in = before;
  in.revision = before.revision + 1;
  in.state = to;
  in.slots[field] = value;
  in.updated_at = engine::Date{at};
  in.timers.clear();
  engine::HistoryEvent& ev = step.event;
  ev.seq = in.revision;
  ev.kind = "act";
  ev.action = "move";
  ev.actor = "kim";
  ev.from = def.states[before.state].name;
  ev.to = def.states[to].name;
  ev.changes = {{def.fields[field].name, std::move(value)}};
  ev.at = engine::Date{at};
  step.waiting_roles = {"office"};
  return step;
}

TEST_P(StoreTest, FoldingTheStoredHistoryGivesTheStoredInstance) {
  const engine::Definition def = definition();
  auto store = open_store();
  ASSERT_TRUE(store);
  engine::Step start = start_step("r-1", engine::Date{1000});
  start.instance.slots = {engine::Value("종이 없는 결재"), engine::Value(12.5), engine::Value()};
  start.event.changes = {{"title", engine::Value("종이 없는 결재")},
                         {"budget", engine::Value(12.5)}};
  ASSERT_TRUE(store->commit(start, ""));
  engine::Instance at = start.instance;
  const std::vector<std::tuple<engine::Index, engine::Index, engine::Value>> moves = {
      {1, 1, engine::Value(20.0)},
      {0, 2, engine::Value("다시 보세요")},
      {1, 2, engine::Value()},
      {2, 0, engine::Value("결재 간소화")}};
  std::int64_t when = 2000;
  for (const auto& [to, field, value] : moves) {
    engine::Step step = move(def, at, to, field, value, when += 1000);
    auto done = store->commit(step, "");
    ASSERT_TRUE(done) << done.error().message;
    at = step.instance;

    const engine::Instance stored = store->instance("r-1").value();
    auto history = store->history("r-1");
    ASSERT_TRUE(history) << history.error().message;
    std::vector<engine::HistoryEvent> events;
    for (const StoredEvent& e : *history) events.push_back(e.event);
    const auto folded = engine::fold_history(def, events);
    ASSERT_TRUE(folded.has_value()) << folded.error();
    EXPECT_EQ(folded->state, stored.state);
    EXPECT_EQ(folded->revision, stored.revision);
    EXPECT_EQ(folded->fields, engine::field_values(def, stored));
    EXPECT_EQ(folded->created_at, stored.created_at);
    EXPECT_EQ(folded->updated_at, stored.updated_at);
  }
  EXPECT_EQ(at.revision, 5);

  // A history with an event taken out no longer folds.
  auto history = store->history("r-1").value();
  std::vector<engine::HistoryEvent> events;
  for (const StoredEvent& e : history) {
    if (e.event.seq != 3) events.push_back(e.event);
  }
  EXPECT_FALSE(engine::fold_history(def, events).has_value());
}

}  // namespace
}  // namespace dojang::store::testing
