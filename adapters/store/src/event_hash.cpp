#include "event_hash.hpp"

#include "dojang/base/sha256.hpp"
#include "json_codec.hpp"

namespace dojang::store::detail {

std::string chain_hash(const std::string& prev_hash, const std::string& instance,
                       const engine::HistoryEvent& event) {
  return base::sha256_hex(prev_hash + canonical(encode_event(instance, event)));
}

}  // namespace dojang::store::detail
