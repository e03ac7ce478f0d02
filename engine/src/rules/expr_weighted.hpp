#pragma once
// Weighted sums of number slots: the shape of scoring totals (`weighted { ... }`,
// `a*0.25 + b*0.25 + ...`), evaluated in one node without building Values.

#include <cstdint>
#include <utility>
#include <vector>

#include "rules/expression_node.hpp"

namespace dojang::engine::detail {

// One term of a weighted sum: slot × weight, or the constant `weight` (slot == kNoSlot).
struct Term {
  std::uint32_t slot = kNoSlot;
  double weight = 0;
};

// ((t0 + t1) + t2) + ... evaluated in the order of the tree it replaces, so the result is
// bit-for-bit the same. Null when a slot is missing or not a number; a non-finite slot value
// or an overflow anywhere leaves the sum non-finite, hence null.
[[nodiscard]] inline Num weighted_sum(const std::vector<Term>& terms, const Env& env) {
  const Value* slots = env.slots.data();
  const std::size_t count = env.slots.size();
  double acc = -0.0;  // the additive identity, even for -0.0
  for (const Term& t : terms) {
    if (t.slot == kNoSlot) {
      acc += t.weight;
      continue;
    }
    if (t.slot >= count) return {};
    const double* d = slots[t.slot].as_number();
    if (d == nullptr) return {};
    acc += *d * t.weight;
  }
  return make_num(acc);
}

// A left-leaning chain of + and - over number slots, slots times constants, and constants.
class WeightedSum final : public Node {
 public:
  explicit WeightedSum(std::vector<Term> terms) : Node(Type::Number), m_terms(std::move(terms)) {}

  Num num(const Env& env) const override { return weighted_sum(m_terms, env); }

  [[nodiscard]] const std::vector<Term>& terms() const { return m_terms; }

 private:
  std::vector<Term> m_terms;
};

}  // namespace dojang::engine::detail
