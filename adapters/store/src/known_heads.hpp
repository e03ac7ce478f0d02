#pragma once
// What a Store last saw of an instance's newest event: its seq and reminder count, its hash and
// the pending timers written with it. Rows of history never change once written, so an entry
// stays true for as long as the instance is at that revision and reminder count; commit checks
// both (the revision guard) before trusting it.
// On PostgreSQL this spares the SELECT of the previous hash and the rewrite of unchanged timers.

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "dojang/engine/runtime.hpp"

namespace dojang::store::detail {

struct KnownHead {
  std::int64_t seq = 0;
  std::int64_t reminders = 0;  // engine::Instance::reminders
  std::string hash;
  std::vector<engine::PendingTimer> timers;
};

class KnownHeads {
 public:
  // The entry of `id` if it is for event `seq` after `reminders` reminders, else nullptr.
  [[nodiscard]] const KnownHead* find(const std::string& id, std::int64_t seq,
                                      std::int64_t reminders) const {
    auto it = m_heads.find(id);
    return it != m_heads.end() && it->second.seq == seq && it->second.reminders == reminders
               ? &it->second
               : nullptr;
  }

  void remember(const std::string& id, KnownHead head) {
    if (m_heads.size() >= kLimit && !m_heads.contains(id)) m_heads.clear();  // stay small
    m_heads.insert_or_assign(id, std::move(head));
  }

  // After a committed step (never before its transaction is committed: a rolled-back event
  // remembered would chain the next one to a hash that is not in the database).
  void remember(const engine::Step& step, const std::string& hash) {
    remember(step.instance.id,
             KnownHead{step.event.seq, step.instance.reminders, hash, step.instance.timers});
  }

  void forget(const std::string& id) { m_heads.erase(id); }

 private:
  static constexpr std::size_t kLimit = 4096;
  std::unordered_map<std::string, KnownHead> m_heads;
};

}  // namespace dojang::store::detail
