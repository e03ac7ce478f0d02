#pragma once
// A compiled expression: built once from an Ir, immutable, shareable between threads, and
// evaluated without re-parsing or looking up names.

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "dojang/engine/ir.hpp"
#include "dojang/engine/value.hpp"

namespace dojang::engine {

// One committee member's review of an instance, or their declared conflict of interest.
struct ReviewRecord {
  std::uint32_t block = 0;     // which review block of the definition
  std::string reviewer;        // user id of who gave it (the deputy, when given for someone)
  std::vector<Value> scores;   // one per criterion of the block, in declaration order
  Value vote;                  // true (approve), false (reject) or null (the block has no vote)
  std::string on_behalf_of;    // the absent member a deputy reviewed for (대결), or empty
  // A declared conflict of interest (`recuse`): no scores, counted by no expression and no
  // quorum, kept when the item enters the review again (the member stays excluded).
  bool recused = false;
  // The member whose review this is.
  [[nodiscard]] const std::string& member() const {
    return on_behalf_of.empty() ? reviewer : on_behalf_of;
  }
  bool operator==(const ReviewRecord&) const = default;
};

// Something evaluation wants recorded: division by zero, a null in arithmetic, ...
struct EvalNote {
  std::uint32_t offset = 0, length = 0;  // the sub-expression, in the source
  std::string message;
};

// What an expression may read. Everything is borrowed; nothing is copied.
struct Env {
  std::span<const Value> slots;          // the instance's fields, derived values, table outputs
  std::span<const ReviewRecord> reviews; // every review of the instance
  std::span<const Value> table_inputs;   // only while evaluating a decision table's cells
  Date now;
  std::vector<EvalNote>* notes = nullptr;  // where to record notes; may be null
};

enum class Truth : std::uint8_t { False, True, Null };

class Expression {
 public:
  // `ir` must be well typed (the DSL checker guarantees it); compile never throws for such input.
  [[nodiscard]] static Expression compile(const Ir& ir);

  // The value, never throwing: null propagates, division by zero gives null and a note.
  [[nodiscard]] Value evaluate(const Env& env) const;
  // For guards: Null (and anything not a bool) counts as not holding.
  [[nodiscard]] Truth test(const Env& env) const;
  [[nodiscard]] bool holds(const Env& env) const { return test(env) == Truth::True; }
  [[nodiscard]] Type type() const;

  struct Node;  // the compiled tree (private to the engine)

 private:
  std::shared_ptr<const Node> m_root;
};

}  // namespace dojang::engine
