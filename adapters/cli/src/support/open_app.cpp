#include "support/open_app.hpp"

#include "support/instant.hpp"

namespace dojang::cli {

std::expected<app::App, Failure> open_app(const GlobalOptions& global, bool create) {
  app::Clock clock = app::system_clock();
  if (!global.now.empty()) {
    auto at = parse_instant(global.now);
    if (!at) {
      return std::unexpected(usage_failure(
          "--now '" + global.now +
          "' is not an ISO 8601 date or date-time (e.g. 2007-02-01, 2007-02-01T09:00 in office "
          "time, or 2007-02-01T09:00+09:00)"));
    }
    clock = app::fixed_clock(*at);
  }
  auto opened = app::App::open(global.db, std::move(clock),
                               create ? app::App::Open::CreateOrMigrate : app::App::Open::Existing);
  if (!opened) {
    Failure failure = app_failure(opened.error());
    if (opened.error().code == "no_store")
      failure.message += "; 'dojang deploy' or 'dojang directory load' makes one";
    return std::unexpected(failure);
  }
  return std::move(*opened);
}

Failure app_failure(const app::Error& error) {
  using K = app::Error::Kind;
  const bool usage = error.kind == K::Unavailable || error.kind == K::BadInput;
  return {usage ? ExitCode::Usage : ExitCode::CheckFailed, error.code, error.message};
}

ExitCode report(const app::Error& error, const GlobalOptions& global) {
  return report(app_failure(error), global);
}

}  // namespace dojang::cli
