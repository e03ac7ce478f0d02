#pragma once
// Shared by the runtime tests: compiling procedures from text or from workflows/, people,
// requests, and an Item that commits accepted steps like the store would.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dojang/dsl/compile.hpp"
#include "dojang/dsl/diagnostic.hpp"
#include "dojang/engine/runtime.hpp"
#include "engine/ir_builders.hpp"

namespace dojang::engine::test_rt {

using test_ir::kDay;
using test_ir::kHour;
using test_ir::ymd;

enum class Warnings : std::uint8_t { Allowed, Refused };

inline std::shared_ptr<const Definition> compile_flow(const std::string& path,
                                                      const std::string& text,
                                                      Warnings warnings = Warnings::Allowed) {
  const dsl::SourceFile file(path, text);
  dsl::CompileResult result = dsl::compile(file);
  if (!result.ok()) {
    ADD_FAILURE() << "the procedure does not compile:\n"
                  << dsl::render_all(file, result.diagnostics);
  } else if (warnings == Warnings::Refused && !result.diagnostics.empty()) {
    ADD_FAILURE() << "the procedure compiles with warnings:\n"
                  << dsl::render_all(file, result.diagnostics);
  }
  return result.definition;
}

inline std::shared_ptr<const Definition> load_workflow(const std::string& name,
                                                       Warnings warnings = Warnings::Allowed) {
  const std::filesystem::path path = std::filesystem::path(DOJANG_SOURCE_DIR) / "workflows" / name;
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  EXPECT_FALSE(text.str().empty()) << "cannot read " << path;
  return compile_flow(path.string(), text.str(), warnings);
}

// A purchase request: the shape of most office approvals, with one of each feature.
inline constexpr const char* kPurchase = R"flow(
workflow purchase "구매 요청" {
  roles {
    clerk "담당자"
    boss  "과장"
    head  "국장"
  }
  fields {
    title  "제목" text required
    amount "금액" money required
    urgent "긴급" bool
    due    "납기" date
    kind   "구분" one_of(goods, service)
    memo   "메모" text
    rating "평점" score 0.0..5.0
  }
  let doubled = amount * 2
  let per_point = amount / rating
  start draft
  state draft "작성" {
    on submit by clerk -> approval recallable notify boss "'{title}' 결재 요청: {amount}원, 납기 {due}"
    on edit by clerk sets title, amount, memo, rating, urgent, due, kind
    on undo by clerk return_to previous
  }
  state approval "결재" {
    on approve by boss -> small when amount < 1000 not by submitter
    on approve by boss -> large when amount >= 1000 not by submitter
    on expedite by boss -> large when urgent and amount > 100
    on back by boss return_to previous
    on reject by boss return_to draft
    on rate by boss sets rating
    on close by boss -> closed with comment
    deadline 3d -> notify boss "'{title}' 결재가 밀려 있습니다 ({doubled})"
  }
  state small "소액 집행" {
    on pay by clerk -> closed requires memo
    on pay by submitter -> closed requires memo
  }
  state large "국장 결재" {
    on approve by head -> closed open 11-01 .. 02-28
    on back by head return_to previous
    on restart by head return_to draft
  }
  final closed "종결"
}
)flow";

inline std::shared_ptr<const Definition> purchase() {
  static const std::shared_ptr<const Definition> def = compile_flow("purchase.flow", kPurchase);
  return def;
}

// An amount of money as a Value: won(300000), won("1234567.5").
inline Value won(std::int64_t whole) {
  return Value{Decimal::from_units(whole * Decimal::kScale)};
}
inline Value won(std::string_view text) {
  const auto d = Decimal::parse(text);
  EXPECT_TRUE(d.has_value()) << text;
  return d ? Value{*d} : Value{};
}

inline Principal person(std::string user, std::vector<std::string> roles = {},
                        std::vector<Principal::ActingFor> acting_for = {}) {
  return Principal{std::move(user), std::move(roles), std::move(acting_for), "", nullptr};
}

// The units of examples/directory/office.csv that the scenario tests reach, with their heads.
inline const Organisation& test_office() {
  static const Organisation org({
      {"district", "강남구청", "", "hong.giljun"},
      {"innovation", "혁신기획단", "district", ""},
      {"innovation_planning", "혁신기획단 기획팀", "innovation", "kim.sujin"},
      {"customer_satisfaction", "혁신기획단 고객만족팀", "innovation", "seo.jihoon"},
      {"general_affairs", "총무과", "district", "yang.jiho"},
      {"planning_budget", "기획예산과", "district", "cho.kyungmin"},
      {"civil_affairs", "민원여권과", "district", ""},
      {"civil_service", "민원여권과 민원팀", "civil_affairs", "kwak.jinsu"},
      {"health_center", "보건소", "district", ""},
      {"cadastral", "지적과", "district", ""},
  });
  return org;
}

// `who` as a member of `unit` of test_office().
inline Principal in_unit(Principal who, std::string unit) {
  who.unit = std::move(unit);
  who.organisation = &test_office();
  return who;
}

inline std::vector<Assignment> values(
    std::initializer_list<std::pair<const char*, const char*>> items) {
  std::vector<Assignment> out;
  for (auto const& [k, v] : items) out.push_back({k, v});
  return out;
}

inline Request start_request(std::vector<Assignment> set = {}, std::string id = "item-1") {
  Request r;
  r.kind = Request::Kind::Start;
  r.set = std::move(set);
  r.new_id = std::move(id);
  return r;
}

inline Request act(std::string action, std::vector<Assignment> set = {}, std::string comment = {}) {
  Request r;
  r.kind = Request::Kind::Act;
  r.action = std::move(action);
  r.set = std::move(set);
  r.comment = std::move(comment);
  return r;
}

inline Request review(std::vector<Assignment> set, std::string comment = {}) {
  Request r;
  r.kind = Request::Kind::Review;
  r.set = std::move(set);
  r.comment = std::move(comment);
  return r;
}

inline Request recall_request() {
  Request r;
  r.kind = Request::Kind::Recall;
  return r;
}

inline Request fire(PendingTimer timer) {
  Request r;
  r.kind = Request::Kind::Fire;
  r.timer = timer;
  return r;
}

// Expects a refusal with this code whose message contains every one of `words`.
inline void expect_refused(const Outcome& outcome, Refusal::Code code,
                           std::initializer_list<const char*> words = {}) {
  ASSERT_FALSE(outcome.has_value())
      << "accepted, but a refusal (" << code_name(code) << ") was expected";
  EXPECT_EQ(code_name(outcome.error().code), code_name(code)) << outcome.error().message;
  for (const char* w : words) {
    EXPECT_NE(outcome.error().message.find(w), std::string::npos)
        << "'" << w << "' is not in: " << outcome.error().message;
  }
}

// One item of a procedure, committed step by step as the store would.
class Item {
 public:
  explicit Item(std::shared_ptr<const Definition> def) : m_def(std::move(def)) {}

  // Applies the request at `now`; commits and records the step when it is accepted.
  Outcome apply(const Request& request, const Principal& who, Date now) {
    Outcome out = engine::apply(*m_def, m_instance, request, who, now);
    if (out) {
      m_instance = out->instance;
      m_history.push_back(out->event);
      m_steps.push_back(*out);
    }
    return out;
  }

  // Applies a request that must be accepted; returns the step.
  Step must(const Request& request, const Principal& who, Date now) {
    Outcome out = apply(request, who, now);
    EXPECT_TRUE(out.has_value()) << (out ? "" : out.error().message);
    return out ? *out : Step{};
  }

  [[nodiscard]] const Definition& def() const { return *m_def; }
  [[nodiscard]] const Instance& instance() const { return m_instance; }
  [[nodiscard]] const std::vector<HistoryEvent>& history() const { return m_history; }
  [[nodiscard]] const std::vector<Step>& steps() const { return m_steps; }
  [[nodiscard]] std::string state() const {
    return m_instance.state < m_def->states.size() ? m_def->states[m_instance.state].name : "?";
  }
  [[nodiscard]] Value slot(std::string_view name) const {
    const Index f = m_def->field_index(name);
    if (f != kNone) return m_instance.slots.at(m_def->fields[f].slot);
    for (const LetDef& l : m_def->lets) {
      if (l.name == name) return m_instance.slots.at(l.slot);
    }
    for (const TableDef& t : m_def->tables) {
      for (const TableOutput& o : t.outputs) {
        if (t.name + "." + o.name == name) return m_instance.slots.at(o.slot);
      }
    }
    ADD_FAILURE() << "no value named " << name;
    return {};
  }
  [[nodiscard]] std::vector<std::string> allowed(const Principal& who, Date now) const {
    return allowed_actions(*m_def, m_instance, who, now);
  }
  Instance& mutable_instance() { return m_instance; }

 private:
  std::shared_ptr<const Definition> m_def;
  Instance m_instance;
  std::vector<HistoryEvent> m_history;
  std::vector<Step> m_steps;
};

// The state names of a trail, for readable expectations.
// The request is refused with `code` (its message holding `words`), and the item is as it was.
inline void expect_no_step(Item& item, const Request& request, const Principal& who, Date now,
                           Refusal::Code code, std::initializer_list<const char*> words = {}) {
  const Instance before = item.instance();
  const std::size_t events = item.history().size();
  expect_refused(item.apply(request, who, now), code, words);
  EXPECT_EQ(item.instance(), before);
  EXPECT_EQ(item.history().size(), events);
}

inline std::vector<std::string> trail_names(const Item& item) {
  std::vector<std::string> out;
  for (const Index s : item.instance().trail) out.push_back(item.def().states.at(s).name);
  return out;
}

// Those who can act in the start state: a draft is worked on by its drafter alone, so an item
// started by anyone else would stay a draft.
inline std::vector<Principal> starters_of(const Definition& def,
                                          const std::vector<Principal>& people) {
  std::vector<Principal> out;
  for (const Principal& p : people) {
    for (const ActionDef& a : def.states[def.start].actions) {
      const bool role =
          a.by.kind == Actor::Kind::Role && a.by.role < def.roles.size() &&
          std::find(p.roles.begin(), p.roles.end(), def.roles[a.by.role].name) != p.roles.end();
      if (role || a.by.kind == Actor::Kind::Anyone) {
        out.push_back(p);
        break;
      }
    }
  }
  return out;
}

}  // namespace dojang::engine::test_rt
