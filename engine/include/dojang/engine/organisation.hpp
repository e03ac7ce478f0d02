#pragma once
// The office's units as the directory has them: a tree (국 → 과 → 팀, 동, 보건소), each unit with
// its head. The engine reads it to resolve `in unit` roles, heads of units and `unit` fields; the
// caller builds it from the directory and passes it with the Principal.

#include <string>
#include <string_view>
#include <vector>

namespace dojang::engine {

struct Unit {
  std::string id;      // as the directory and `unit` fields name it
  std::string name;    // as people read it: 보건소, 총무과
  std::string parent;  // the unit above, or "" for a top unit
  std::string head;    // the person who heads it, or ""
};

class Organisation {
 public:
  Organisation() = default;
  explicit Organisation(std::vector<Unit> units);

  [[nodiscard]] const Unit* find(std::string_view id) const;
  // The unit typed as people type it: its id, or else its name (보건소) when one unit has it.
  // `unit` is null when none has it; `also` is a second unit of that name (then ambiguous).
  struct Lookup {
    const Unit* unit = nullptr;
    const Unit* also = nullptr;
  };
  [[nodiscard]] Lookup lookup(std::string_view id_or_name) const;
  // Whether `unit` is the unit `ancestor` or one below it.
  [[nodiscard]] bool within(const Unit& unit, std::string_view ancestor) const;
  // The unit above `unit`, or nullptr at the top (also for a parent the directory lacks).
  [[nodiscard]] const Unit* parent(const Unit& unit) const;
  [[nodiscard]] const std::vector<Unit>& units() const { return m_units; }  // by id
  // How deep a chain of parents is followed at most (the directory refuses cycles).
  static constexpr int kMaxDepth = 64;

 private:
  std::vector<Unit> m_units;
};

}  // namespace dojang::engine
