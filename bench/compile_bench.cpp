// Compile throughput: boost::json::parse of the JSON form (the baseline), dsl::parse and
// dsl::compile of the .flow form of the same generated definition.

#include <benchmark/benchmark.h>

#include <algorithm>
#include <boost/json/parse.hpp>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "benchmarks.hpp"
#include "dojang/dsl/compile.hpp"
#include "dojang/dsl/diagnostic.hpp"
#include "dojang/dsl/parse.hpp"
#include "generated_definition.hpp"

namespace dojang::bench {

namespace {

// Built once, outside every timed loop: the line table is not part of what is measured.
const dsl::SourceFile& flow_file() {
  static const dsl::SourceFile kFile("generated.flow", benchmark_definition().flow);
  return kFile;
}

[[noreturn]] void fail(const std::string& what, const std::vector<dsl::Diagnostic>& diagnostics) {
  std::cerr << "bench: " << what << "\n";
  // The first few diagnostics are enough to see what is wrong with the generated text.
  std::vector<dsl::Diagnostic> first(
      diagnostics.begin(), diagnostics.begin() + std::min<std::size_t>(diagnostics.size(), 10));
  std::cerr << dsl::render_all(flow_file(), std::move(first));
  std::exit(2);
}

void bm_json_parse(benchmark::State& state) {
  const std::string& json = benchmark_definition().json;
  for (auto _ : state) {
    boost::json::value v = boost::json::parse(json);
    benchmark::DoNotOptimize(v);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * json.size()));
}

void bm_dsl_parse(benchmark::State& state) {
  const dsl::SourceFile& file = flow_file();
  for (auto _ : state) {
    dsl::ParseResult r = dsl::parse(file);
    benchmark::DoNotOptimize(r);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * file.text().size()));
}

void bm_dsl_compile(benchmark::State& state) {
  const dsl::SourceFile& file = flow_file();
  for (auto _ : state) {
    dsl::CompileResult r = dsl::compile(file);
    benchmark::DoNotOptimize(r);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * file.text().size()));
}

}  // namespace

void verify_compile_inputs() {
  const GeneratedDefinition& g = benchmark_definition();
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(g.json, ec);
  if (ec) {
    std::cerr << "bench: the generated JSON does not parse: " << ec.message() << "\n";
    std::exit(2);
  }
  if (v.at("states").as_array().size() != g.states + 1) {
    std::cerr << "bench: the generated JSON does not have " << g.states + 1 << " states\n";
    std::exit(2);
  }

  dsl::ParseResult parsed = dsl::parse(flow_file());
  if (!parsed.workflow || dsl::has_errors(parsed.diagnostics)) {
    fail("the generated .flow text does not parse:", parsed.diagnostics);
  }

  dsl::CompileResult compiled = dsl::compile(flow_file());
  if (!compiled.ok()) fail("the generated .flow text does not compile:", compiled.diagnostics);
  const engine::Definition& def = *compiled.definition;
  std::size_t guards = 0;
  for (const engine::StateDef& s : def.states) {
    for (const engine::ActionDef& a : s.actions) guards += a.guard.has_value() ? 1 : 0;
  }
  if (def.states.size() != g.states + 1 || guards != g.states * g.actions_per_state) {
    std::cerr << "bench: the compiled definition has " << def.states.size() << " states and "
              << guards << " guards; expected " << g.states + 1 << " and "
              << g.states * g.actions_per_state << "\n";
    std::exit(2);
  }
}

void register_compile_benchmarks() {
  benchmark::RegisterBenchmark(std::string(kJsonParse).c_str(), bm_json_parse)
      ->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark(std::string(kDslParse).c_str(), bm_dsl_parse)
      ->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark(std::string(kDslCompile).c_str(), bm_dsl_compile)
      ->Unit(benchmark::kMillisecond);
}

}  // namespace dojang::bench
