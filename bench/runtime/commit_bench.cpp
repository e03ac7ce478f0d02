#include "commit_bench.hpp"

#include <atomic>
#include <chrono>
#include <iostream>
#include <latch>
#include <thread>

#include "dojang/engine/runtime.hpp"
#include "dojang/store/store.hpp"
#include "flows.hpp"
#include "must.hpp"

namespace dojang::runtime_bench {

namespace {

constexpr const char* kPlayer = "bench.player";

engine::Date clock_now() {
  using namespace std::chrono;
  return engine::Date{duration_cast<seconds>(system_clock::now().time_since_epoch()).count()};
}

std::unique_ptr<store::Store> open_store(const std::string& url) {
  return must(store::Store::open(url), "cannot open " + url);
}

// One client thread: its Store, its items in memory, and what it did.
class Client {
 public:
  Client(const CommitSetup& setup, std::vector<std::string> ids)
      : m_setup(setup), m_ids(std::move(ids)) {
    m_ping.action = "ping";
    m_pong.action = "pong";
  }

  // Connects and loads the items (not timed); an empty string when all went well.
  std::string prepare() {
    auto store = store::Store::open(m_setup.url);
    if (!store) return "cannot open the store: " + store.error().message;
    m_store = std::move(*store);
    auto who = m_store->principal(kPlayer, clock_now());
    if (!who) return "no principal: " + who.error().message;
    m_who = std::move(*who);
    for (const std::string& id : m_ids) {
      auto instance = m_store->instance(id);
      if (!instance) return "cannot load " + id + ": " + instance.error().message;
      m_items.push_back(std::move(*instance));
    }
    return {};
  }

  // Takes transitions round the items until `stop`; the first failure ends the loop.
  void run(const std::atomic<bool>& stop) {
    const engine::Definition& def = *m_setup.definition;
    const engine::Index a = def.state_index("a");
    std::size_t k = 0;
    while (!stop.load(std::memory_order_relaxed)) {
      engine::Instance& item = m_items[k++ % m_items.size()];
      const engine::Request& request = item.state == a ? m_ping : m_pong;
      engine::Outcome outcome = engine::apply(def, item, request, m_who, clock_now());
      if (!outcome) {
        m_error = item.id + " refused " + request.action + ": " + outcome.error().message;
        return;
      }
      auto committed = m_store->commit(*outcome, "");
      if (!committed) {
        m_error = "commit of " + item.id + " failed: " + committed.error().message;
        return;
      }
      item = std::move(outcome->instance);
      ++m_done;
    }
  }

  [[nodiscard]] long long done() const { return m_done; }
  [[nodiscard]] const std::string& error() const { return m_error; }
  void set_error(std::string error) { m_error = std::move(error); }

 private:
  const CommitSetup& m_setup;
  std::vector<std::string> m_ids;
  std::unique_ptr<store::Store> m_store;
  engine::Principal m_who;
  std::vector<engine::Instance> m_items;
  engine::Request m_ping, m_pong;
  long long m_done = 0;
  std::string m_error;
};

}  // namespace

CommitSetup prepare_commit_bench(const std::string& url, int instances) {
  CommitSetup setup;
  setup.url = url;
  setup.definition = compile_flow(kPingPongName, pingpong_flow());
  const engine::Definition& def = *setup.definition;
  auto db = open_store(url);
  const engine::Date now = clock_now();
  setup.version =
      must(db->deploy(def.name, pingpong_flow(), def.source_hash, now), "deploy rt_pingpong")
          .version;
  store::Directory directory;
  directory.people.push_back({kPlayer, "벤치 선수", "성능 시험", {"player"}});
  must(db->load_directory(directory), "load the directory");
  const engine::Principal who = must(db->principal(kPlayer, now), "principal");

  engine::Request start;
  start.kind = engine::Request::Kind::Start;
  start.set = {{"title", "민원 처리 기간 단축을 위한 전자 결재 개선"},
               {"area", "process"},
               {"amount", "1500000"}};
  for (int i = 0; i < instances; ++i) {
    start.new_id = must(db->next_instance_id(def.name), "next instance id");
    engine::Outcome outcome = engine::apply(def, engine::Instance{}, start, who, now);
    if (!outcome) fail("rt_pingpong refused its start", outcome.error().message);
    outcome->instance.version = setup.version;
    must(db->commit(*outcome, ""), "commit the start of " + start.new_id);
    setup.ids.push_back(start.new_id);
  }
  // One round trip, so that the payload of an ordinary act event exists (the pgbench baseline
  // copies its size).
  engine::Instance item = must(db->instance(setup.ids.front()), "load " + setup.ids.front());
  for (const char* action : {"ping", "pong"}) {
    engine::Request request;
    request.action = action;
    engine::Outcome outcome = engine::apply(def, item, request, who, now);
    if (!outcome) fail(std::string("rt_pingpong refused ") + action, outcome.error().message);
    must(db->commit(*outcome, ""), std::string("commit ") + action);
    item = std::move(outcome->instance);
  }
  return setup;
}

Throughput run_commit_bench(const CommitSetup& setup, int clients, int seconds) {
  if (static_cast<std::size_t>(clients) > setup.ids.size()) {
    fail("persisted transitions", std::to_string(clients) + " clients need at least as many items");
  }
  std::vector<std::unique_ptr<Client>> all;
  for (int c = 0; c < clients; ++c) {
    std::vector<std::string> share;
    for (std::size_t i = c; i < setup.ids.size(); i += clients) share.push_back(setup.ids[i]);
    all.push_back(std::make_unique<Client>(setup, std::move(share)));
  }
  std::latch ready(clients);
  std::latch go(1);
  std::atomic<bool> stop{false};
  std::vector<std::jthread> threads;
  for (auto& client : all) {
    threads.emplace_back([&, c = client.get()] {
      const std::string error = c->prepare();
      ready.count_down();
      go.wait();
      if (!error.empty()) {
        c->set_error(error);
        return;
      }
      c->run(stop);
    });
  }
  ready.wait();
  const auto t0 = std::chrono::steady_clock::now();
  go.count_down();
  std::this_thread::sleep_for(std::chrono::seconds(seconds));
  stop.store(true);
  threads.clear();  // joins
  const auto t1 = std::chrono::steady_clock::now();

  Throughput out;
  out.clients = clients;
  out.seconds = std::chrono::duration<double>(t1 - t0).count();
  for (const auto& client : all) {
    if (!client->error().empty()) fail("persisted transitions", client->error());
    out.transactions += client->done();
  }
  return out;
}

}  // namespace dojang::runtime_bench
