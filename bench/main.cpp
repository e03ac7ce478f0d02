// dojang_bench: the compile and guard-evaluation benchmarks, each beside its baseline, then a
// summary that sets every figure beside its baseline and target. Accepts every --benchmark_* flag.

#include <benchmark/benchmark.h>
#include <unistd.h>

#include <iostream>

#include "benchmarks.hpp"
#include "summary_reporter.hpp"

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;

  // Before any timing: a benchmark of something that does not work would be meaningless.
  dojang::bench::verify_compile_inputs();
  dojang::bench::verify_guards();

  dojang::bench::register_compile_benchmarks();
  dojang::bench::register_guard_benchmarks();

  dojang::bench::MedianReporter reporter(isatty(STDOUT_FILENO) != 0
                                             ? benchmark::ConsoleReporter::OO_ColorTabular
                                             : benchmark::ConsoleReporter::OO_Tabular);
  benchmark::RunSpecifiedBenchmarks(&reporter);
  dojang::bench::print_summary(std::cout, reporter);
  benchmark::Shutdown();
  return 0;
}
