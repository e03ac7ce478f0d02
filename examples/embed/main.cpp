// Dojang embedded in a program of your own: compile a procedure, then move an item through it in
// memory with engine::apply, which answers every request with the Step to keep or a Refusal that
// says why. Only the public headers of dojang_dsl and dojang_engine are used; there is no store,
// no clock and no directory: the program says who acts, with which roles, and when.
//
//   dojang_embed_example [FILE.flow]    (default: workflows/innovation_task.flow)

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "dojang/dsl/compile.hpp"
#include "dojang/dsl/diagnostic.hpp"
#include "dojang/dsl/source_file.hpp"
#include "dojang/engine/runtime.hpp"
#include "dojang/engine/value.hpp"

namespace {

using dojang::engine::Date;
using dojang::engine::Definition;
using dojang::engine::Instance;
using dojang::engine::Principal;
using dojang::engine::Request;

// A Korean wall-clock time (KST, UTC+9) as the engine's Date (seconds since the epoch, UTC).
Date kst(int month, int day, int hour, int minute) {
  using namespace std::chrono;
  sys_seconds const utc = sys_days{year{2007} / month / day} + hours{hour - 9} + minutes{minute};
  return Date{utc.time_since_epoch().count()};
}

std::string clock_text(int month, int day, int hour, int minute) {
  char text[32];
  std::snprintf(text, sizeof text, "2007-%02d-%02d %02d:%02d", month, day, hour, minute);
  return text;
}

Request request(Request::Kind kind, std::string action,
                std::vector<std::pair<std::string, std::string>> set = {},
                std::string comment = {}) {
  Request r;
  r.kind = kind;
  r.action = std::move(action);
  for (auto& [field, text] : set) r.set.push_back({std::move(field), std::move(text)});
  r.comment = std::move(comment);
  if (kind == Request::Kind::Start) r.new_id = "innovation_task-000001";
  return r;
}

// One item in memory: what a store would keep, without the store.
class Walk {
 public:
  explicit Walk(const Definition& definition) : m_def(definition) {}

  // Applies a request at a Korean time and prints what happened; true when it was accepted.
  bool take(const Request& r, const Principal& who, int month, int day, int hour, int minute) {
    std::string const what = r.kind == Request::Kind::Start ? "start" : r.action;
    std::cout << clock_text(month, day, hour, minute) << "  " << what << " by " << who.user << "\n";
    dojang::engine::Outcome const outcome =
        dojang::engine::apply(m_def, m_item, r, who, kst(month, day, hour, minute));
    if (!outcome) {
      std::cout << "    refused (" << dojang::engine::code_name(outcome.error().code)
                << "): " << outcome.error().message << "\n"
                << "    nothing changed: still " << state() << ", revision " << m_item.revision
                << "\n";
      return false;
    }
    std::string const from = m_item.revision == 0 ? "" : state() + " → ";
    bool const moved = m_item.state != outcome->instance.state;
    m_item = outcome->instance;  // a store would commit the step here, in one transaction
    std::cout << "    " << (moved ? from : "stays in ") << state() << ", revision "
              << m_item.revision << "\n";
    for (const auto& [field, value] : outcome->event.changes) {
      std::cout << "    " << field << " = " << dojang::engine::to_string(value) << "\n";
    }
    for (const dojang::engine::Notification& n : outcome->notifications) {
      // A role's holders (ROLE), or one person (user:ID: the submitter, a person field).
      const dojang::engine::Index role = m_def.role_index(n.role);
      const std::string to =
          role == dojang::engine::kNone ? n.role : m_def.roles[role].label + " (" + n.role + ")";
      std::cout << "    notify " << to << ": " << n.message << "\n";
    }
    return true;
  }

  [[nodiscard]] const Instance& item() const { return m_item; }

  [[nodiscard]] std::string state() const {
    if (m_item.state >= m_def.states.size()) return "not started";
    const auto& s = m_def.states.at(m_item.state);
    return s.label + " (" + s.name + ")";
  }

  // A field or `let` by name.
  [[nodiscard]] std::string value(const std::string& name) const {
    for (const auto& f : m_def.fields) {
      if (f.name == name) return dojang::engine::to_string(m_item.slots.at(f.slot));
    }
    for (const auto& l : m_def.lets) {
      if (l.name == name) return dojang::engine::to_string(m_item.slots.at(l.slot));
    }
    return "?";
  }

 private:
  const Definition& m_def;
  Instance m_item;
};

int fail(const std::string& what) {
  std::cout << "check failed: " << what << "\n";
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  std::string const path = argc > 1 ? argv[1] : DOJANG_EXAMPLE_FLOW;
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  if (!in) return fail("cannot read " + path);

  // 1. Compile: parse, check (names, types, graph) and lower to an immutable engine::Definition.
  dojang::dsl::SourceFile const file(path, text.str());
  dojang::dsl::CompileResult const compiled = dojang::dsl::compile(file);
  if (!compiled.ok()) {
    std::cout << dojang::dsl::render_all(file, compiled.diagnostics);
    return fail(path + " does not compile");
  }
  const Definition& def = *compiled.definition;
  std::cout << "procedure " << def.label << " (" << def.name << "): " << def.states.size()
            << " states, " << def.roles.size() << " roles, " << def.fields.size() << " fields\n\n";

  // 2. The people, as a directory would describe them at the moment they act.
  // (No units here: an `engine::Organisation` passed as Principal::organisation would give
  // `in unit` roles and heads of units their meaning.)
  auto person = [](std::string user, std::string role) {
    Principal p;
    p.user = std::move(user);
    p.roles = {std::move(role)};
    return p;
  };
  Principal const proposer = person("yoon.seoyeon", "proposer");
  Principal const office = person("kim.sujin", "office");
  Principal const city = person("moon.jaewon", "city");
  Principal const ministry = person("baek.seungho", "ministry");
  using Kind = Request::Kind;

  // 3. The walk. Each accepted Step replaces the item; a refusal leaves it as it was.
  Walk walk(def);
  bool ok = walk.take(request(Kind::Start, "",
                              {{"title", "민원서류 원스톱 발급"},
                               {"area", "process"},
                               {"kpi", "민원 처리시간 30% 단축"}}),
                      proposer, 2, 5, 9, 0);
  ok = ok && walk.take(request(Kind::Act, "submit"), proposer, 2, 5, 9, 10);

  Instance const before = walk.item();
  if (walk.take(request(Kind::Act, "forward"), proposer, 2, 6, 9, 30)) {
    return fail("the proposer forwarded her own task");
  }
  if (!(walk.item() == before)) return fail("a refused request changed the item");

  ok = ok && walk.take(request(Kind::Act, "forward", {}, "성과지표가 분명함"), office, 2, 6, 10, 0);
  ok = ok && walk.take(request(Kind::Act, "score",
                               {{"creativity", "16"},
                                {"innovation", "15"},
                                {"usefulness", "17"},
                                {"difficulty", "12"},
                                {"ripple", "14"}}),
                       city, 2, 12, 14, 0);
  ok = ok && walk.take(request(Kind::Act, "pass"), city, 2, 12, 14, 5);
  ok = ok && walk.take(request(Kind::Act, "confirm"), ministry, 2, 20, 10, 30);
  if (!ok) return fail("a step of the main path was refused");

  // 4. Where it ended.
  std::cout << "\nfinal state: " << walk.state() << ", revision " << walk.item().revision
            << ", total " << walk.value("total") << "\n";
  if (walk.state() != "확정 (confirmed)") return fail("not confirmed");
  if (walk.value("total") != "74") return fail("the five scores do not add up to 74");
  return 0;
}
