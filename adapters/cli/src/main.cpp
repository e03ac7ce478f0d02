// The `dojang` command. Everything happens in cli::run, so that main stays a one-liner.

#include "cli.hpp"

int main(int argc, char** argv) {
  return dojang::cli::run(argc, argv);
}
