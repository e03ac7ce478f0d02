#include "url.hpp"

#include <libpq-fe.h>

#include <cctype>
#include <string_view>

namespace dojang::store::detail {
namespace {

std::unexpected<Error> bad_url(std::string message) {
  return std::unexpected(Error{Error::Code::BadUrl, std::move(message)});
}

// "dbname=x host=y": the first word is a conninfo keyword followed by '='.
bool is_keyword_form(std::string_view rest) {
  std::size_t i = 0;
  while (i < rest.size() && (std::isalnum(static_cast<unsigned char>(rest[i])) || rest[i] == '_')) {
    ++i;
  }
  return i > 0 && i < rest.size() && rest[i] == '=';
}

// The URL as it may appear in a message: the password replaced by ***.
std::string without_password(const std::string& url, bool keyword_form) {
  std::string out = url;
  if (keyword_form) {
    std::size_t at = out.find("password=");
    if (at != std::string::npos) {
      std::size_t end = out.find(' ', at);
      out.replace(at + 9, end == std::string::npos ? std::string::npos : end - at - 9, "***");
    }
    return out;
  }
  std::size_t start = out.find("://") + 3;
  std::size_t host_end = out.find_first_of("/?", start);
  std::size_t at = out.rfind('@', host_end);
  if (at == std::string::npos || at < start) return out;
  std::size_t colon = out.find(':', start);
  if (colon != std::string::npos && colon < at) out.replace(colon + 1, at - colon - 1, "***");
  return out;
}

Result<Target> postgresql_target(const std::string& url, std::size_t scheme_end) {
  std::string_view rest = std::string_view(url).substr(scheme_end);
  bool keyword_form = is_keyword_form(rest);
  Target target{Backend::Postgresql, keyword_form ? std::string(rest) : url,
                without_password(url, keyword_form)};
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(target.connect.c_str(), &error);
  if (options == nullptr) {
    std::string reason = error != nullptr ? error : "out of memory";
    PQfreemem(error);
    while (!reason.empty() && (reason.back() == '\n' || reason.back() == ' ')) reason.pop_back();
    return bad_url("not a PostgreSQL connection URL '" + target.where + "': " + reason);
  }
  PQconninfoFree(options);
  return target;
}

}  // namespace

Result<Target> parse_url(const std::string& url) {
  for (std::string_view scheme : {"postgresql://", "postgres://"}) {
    if (url.starts_with(scheme)) return postgresql_target(url, scheme.size());
  }
  for (std::string_view scheme : {"sqlite:", "sqlite3:"}) {
    if (!url.starts_with(scheme)) continue;
    std::string path = url.substr(scheme.size());
    if (path.starts_with("//")) path.erase(0, 2);
    if (path.empty()) return bad_url("no file name in '" + url + "' (e.g. sqlite:dojang.db)");
    if (path.find('"') != std::string::npos) {
      return bad_url("a SQLite file name cannot contain '\"': '" + url + "'");
    }
    // SOCI reads "key=value" pairs when the string holds '='; quote such names.
    std::string connect = path.find('=') == std::string::npos ? path : "db=\"" + path + "\"";
    return Target{Backend::Sqlite, connect, path};
  }
  return bad_url("unknown database URL '" + url +
                 "': use sqlite:PATH or postgresql://user@host:port/dbname");
}

}  // namespace dojang::store::detail
