#include "options.hpp"

#include <charconv>
#include <cstdlib>
#include <iostream>
#include <string_view>

namespace dojang::runtime_bench {

namespace {

[[noreturn]] void bad(const std::string& message) {
  std::cerr << "dojang_runtime_bench: " << message << "\n" << usage();
  std::exit(2);
}

int to_int(std::string_view name, std::string_view text, int least) {
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < least) {
    bad("--" + std::string(name) + " wants a whole number >= " + std::to_string(least) + ", not '" +
        std::string(text) + "'");
  }
  return value;
}

std::vector<int> to_ints(std::string_view name, std::string_view text, int least) {
  std::vector<int> out;
  while (true) {
    const std::size_t comma = text.find(',');
    out.push_back(to_int(name, text.substr(0, comma), least));
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return out;
}

}  // namespace

const char* usage() {
  return "usage: dojang_runtime_bench [--benchmark_*=...] [--commit-db=URL] [--pgbench=PATH]\n"
         "         [--clients=1,4,16] [--seconds=5] [--instances=1024] [--no-apply]\n"
         "         [--inbox-db=URL] [--inbox-sizes=10000,1000000] [--inbox-queries=1000]\n"
         "         [--inbox-budget=120]\n"
         "  --commit-db   PostgreSQL URL for the persisted-transition benchmark (skipped without)\n"
         "  --pgbench     pgbench to run beside it, on the same database (no baseline without)\n"
         "  --inbox-db    PostgreSQL URL of an empty database for the inbox benchmark (skipped\n"
         "                without); it is filled up to each of --inbox-sizes in turn\n"
         "  --inbox-budget  seconds of inbox queries per size at most: fewer than\n"
         "                --inbox-queries (but at least 100) when the queries are slow\n"
         "  --no-apply    skip the in-memory benchmark (engine::apply beside Boost.MSM)\n";
}

Options parse_options(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--no-apply") {
      options.apply = false;
      continue;
    }
    if (arg == "--help" || arg == "-h") {
      std::cout << usage();
      std::exit(0);
    }
    const std::size_t eq = arg.find('=');
    if (!arg.starts_with("--") || eq == std::string_view::npos)
      bad("unknown argument '" + std::string(arg) + "'");
    const std::string_view name = arg.substr(2, eq - 2), value = arg.substr(eq + 1);
    if (name == "commit-db") {
      options.commit_db = value;
    } else if (name == "pgbench") {
      options.pgbench = value;
    } else if (name == "clients") {
      options.clients = to_ints(name, value, 1);
    } else if (name == "seconds") {
      options.seconds = to_int(name, value, 1);
    } else if (name == "instances") {
      options.instances = to_int(name, value, 1);
    } else if (name == "inbox-db") {
      options.inbox_db = value;
    } else if (name == "inbox-sizes") {
      options.inbox_sizes = to_ints(name, value, 2);
    } else if (name == "inbox-queries") {
      options.inbox_queries = to_int(name, value, 1);
    } else if (name == "inbox-budget") {
      options.inbox_budget = to_int(name, value, 1);
    } else {
      bad("unknown flag '--" + std::string(name) + "'");
    }
  }
  for (std::size_t i = 1; i < options.inbox_sizes.size(); ++i) {
    if (options.inbox_sizes[i] <= options.inbox_sizes[i - 1]) {
      bad("--inbox-sizes must grow: the database is filled up to each size in turn");
    }
  }
  return options;
}

}  // namespace dojang::runtime_bench
