// The entry of a fuzzing build. SwiftPM links every executable with its main renamed to
// `<module>_main`; a libFuzzer build has no Swift main, so this one hands libFuzzer the
// test function (`LLVMFuzzerTestOneInput`, in Fuzz.swift). Empty in ordinary builds.
#include "driver.h"
#ifdef FUZZING
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int docs_lint_fuzz_main(int argc, char **argv) {
  return LLVMFuzzerRunDriver(&argc, &argv, LLVMFuzzerTestOneInput);
}
#endif
