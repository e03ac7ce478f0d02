#pragma once
// SHA-256 (OpenSSL's libcrypto): the version of a procedure's source, the history hash chain.

#include <string>
#include <string_view>

namespace dojang::base {

// Lower-case hex of the SHA-256 digest of `bytes` (64 characters). Throws std::runtime_error
// when libcrypto cannot compute it.
[[nodiscard]] std::string sha256_hex(std::string_view bytes);

}  // namespace dojang::base
