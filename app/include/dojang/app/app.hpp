#pragma once
// The use cases of Dojang, shared by every front end (the `dojang` command, `dojang serve`, a
// C++ program that embeds it). Each takes plain values, returns a value or an Error, and never
// prints. An App is one store connection with its own cache of compiled procedures; it is not
// thread-safe: use one App per thread.

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dojang/app/error.hpp"
#include "dojang/app/results.hpp"
#include "dojang/store/store.hpp"

namespace dojang::app {

// Where the time comes from. Every use case reads it once, at its start.
using Clock = std::function<engine::Date()>;
[[nodiscard]] Clock system_clock();                // the real clock, to the second
[[nodiscard]] Clock fixed_clock(engine::Date at);  // always `at` (tests, replays)

class App {
 public:
  // Opens the store named by `url` ("sqlite:PATH" or a postgresql:// URL), creating or migrating
  // its schema. Unavailable when it cannot be reached or understood, or (with Open::Existing)
  // when it holds no store yet.
  using Open = store::Store::Open;
  [[nodiscard]] static Result<App> open(const std::string& url, Clock clock,
                                        Open mode = Open::CreateOrMigrate);

  App(App&&) noexcept;
  App& operator=(App&&) noexcept;
  ~App();

  [[nodiscard]] std::string backend() const;  // "sqlite" | "postgresql"

  // Version `version` of a procedure, or its latest when nullopt (compiled once per App).
  [[nodiscard]] Result<Procedure> procedure(const std::string& name, std::optional<int> version);

  // Compiles every file; stores a new version of each whose text changed, only when all compile
  // and every `start` fits the procedure it starts. The report says which files failed and why.
  // `compiled` may hold the files already compiled (one per file, in order).
  [[nodiscard]] Result<DeployReport> deploy(const std::vector<dsl::SourceFile>& files,
                                            std::vector<dsl::CompileResult> compiled = {});
  [[nodiscard]] Result<std::vector<DefinitionInfo>> definitions();

  // Replaces the directory with a directory file's people, roles and deputies (the format of
  // examples/directory/README.md). Refused, with a line per problem, when the file has problems.
  [[nodiscard]] Result<DirectoryLoaded> load_directory(const std::string& path,
                                                       std::string_view text);

  // Start, act, review, recall. An idempotency key used before for the same request returns its
  // first result (replayed); for another request it is refused.
  [[nodiscard]] Result<RequestResult> request(const RequestInput& input);

  // What `user` (or whom they act for) can act on now, most recently updated first.
  [[nodiscard]] Result<std::vector<InboxEntry>> inbox(const std::string& user, int limit);
  // One item; as `user`, with the actions they may take and the reviews they may see.
  [[nodiscard]] Result<ItemView> show(const std::string& id,
                                      const std::optional<std::string>& user);
  [[nodiscard]] Result<HistoryView> history(const std::string& id);
  // Items by procedure, state, drafter, finished or not, start day and words, newest first;
  // one page of `limit` (bad_input for a limit outside 1..1000, a negative offset, a day that
  // is not a date).
  [[nodiscard]] Result<ListPage> list(const ListQuery& query);
  // The hash chains, and that each item's state and fields are what its history folds to.
  [[nodiscard]] Result<store::AuditReport> audit(const std::optional<std::string>& id);

  // Ranks one group of a `rank` block (`group` for a ranking with `per FIELD`) as `user`.
  [[nodiscard]] Result<RankDone> rank(const std::string& workflow, const std::string& ranking,
                                      const std::string& user,
                                      const std::optional<std::string>& group);
  // Fires up to `limit` due timers (each exactly once across processes), carries out pending
  // starts of other procedures, and runs the rankings whose day has come.
  [[nodiscard]] Result<TickReport> tick(int limit);

  struct State;  // the store, the clock, the cache (src/state.hpp)

 private:
  explicit App(std::unique_ptr<State> state);
  std::unique_ptr<State> m;
};

}  // namespace dojang::app
