#include "event_hash.hpp"

#include <openssl/evp.h>

#include <stdexcept>

#include "json_codec.hpp"

namespace dojang::store::detail {

std::string sha256_hex(const std::string& data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(data.data(), data.size(), digest, &length, EVP_sha256(), nullptr) != 1) {
    throw std::runtime_error("OpenSSL could not compute a SHA-256 digest");
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(length * 2);
  for (unsigned int i = 0; i < length; ++i) {
    out += kHex[digest[i] >> 4];
    out += kHex[digest[i] & 0x0F];
  }
  return out;
}

std::string chain_hash(const std::string& prev_hash, const std::string& instance,
                       const engine::HistoryEvent& event) {
  return sha256_hex(prev_hash + canonical(encode_event(instance, event)));
}

}  // namespace dojang::store::detail
