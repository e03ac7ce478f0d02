// Review aggregates and approvals over the reviews of one review block.

#include <algorithm>
#include <cstdint>

#include "rules/expression_node.hpp"

namespace dojang::engine::detail {

namespace {

// sum/avg/min/max of criterion `index`, count(reviews), approvals.
class ReviewNumber final : public Node {
 public:
  explicit ReviewNumber(const Ir& ir)
      : Node(Type::Number), m_op(ir.op), m_block(ir.block), m_index(ir.index) {}

  Num num(const Env& env) const override {
    double acc = 0;
    std::size_t count = 0;
    for (const ReviewRecord& r : env.reviews) {
      if (r.block != m_block || r.recused) continue;
      if (m_op == Op::ReviewCount) {
        ++count;
        continue;
      }
      if (m_op == Op::Approvals) {
        count += truth_of(r.vote) == Truth::True ? 1 : 0;
        continue;
      }
      const Num score = m_index < r.scores.size() ? num_of(r.scores[m_index]) : Num{};
      if (score.null) continue;
      if (m_op == Op::ReviewSum || m_op == Op::ReviewAvg) {
        acc += score.v;
      } else if (count == 0) {
        acc = score.v;
      } else {
        acc = m_op == Op::ReviewMin ? std::min(acc, score.v) : std::max(acc, score.v);
      }
      ++count;
    }
    switch (m_op) {
      case Op::ReviewCount:
      case Op::Approvals:
        return Num{static_cast<double>(count), false};
      case Op::ReviewSum:
        return count == 0 ? Num{0, false} : make_num(acc);
      case Op::ReviewAvg:
        return count == 0 ? Num{} : make_num(acc / static_cast<double>(count));
      default:
        return count == 0 ? Num{} : Num{acc, false};
    }
  }

 private:
  Op m_op;
  std::uint32_t m_block, m_index;
};

// `k of n approve`, `all approve` (with the quorum n), `any approve`.
class ReviewApproval final : public Node {
 public:
  explicit ReviewApproval(const Ir& ir)
      : Node(Type::Bool), m_op(ir.op), m_block(ir.block), m_k(ir.k), m_n(ir.n) {}

  Truth truth(const Env& env) const override {
    std::int64_t count = 0;
    std::int64_t approvals = 0;
    for (const ReviewRecord& r : env.reviews) {
      if (r.block != m_block || r.recused) continue;
      ++count;
      approvals += truth_of(r.vote) == Truth::True ? 1 : 0;
    }
    switch (m_op) {
      case Op::ApproveKofN:
        return to_truth(count >= m_n && approvals >= m_k);
      case Op::ApproveAll:
        // At least the quorum (and at least one review), every vote approving.
        return to_truth(count >= std::max<std::int64_t>(m_n, 1) && approvals == count);
      default:
        return to_truth(approvals >= 1);
    }
  }

 private:
  Op m_op;
  std::uint32_t m_block;
  std::int64_t m_k, m_n;
};

}  // namespace

NodePtr make_review(const Ir& ir) {
  switch (ir.op) {
    case Op::ApproveKofN:
    case Op::ApproveAll:
    case Op::ApproveAny:
      return std::make_unique<ReviewApproval>(ir);
    default:
      return std::make_unique<ReviewNumber>(ir);
  }
}

}  // namespace dojang::engine::detail
