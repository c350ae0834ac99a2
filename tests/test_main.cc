// The main() of every test binary: GoogleTest's, with a temporary folder of the run's own.
//
// Tests write their archives, inputs and outputs under ::testing::TempDir(), which is
// $TEST_TMPDIR when set and otherwise /tmp itself, where they stayed after the run (the
// suite left about 300 files there a run). This main makes a fresh folder for each run of
// a binary (mkdtemp under $TEST_TMPDIR, else $TMPDIR, else /tmp), points TEST_TMPDIR, which
// TempDir() reads on every call, at it, and removes it when every test passed. After a
// failure the folder stays for looking into, and its path is printed last. A binary killed
// (a timeout) leaves its folder behind.
//
// It is also the one file of the target test_pch, which makes the tests' precompiled header
// (tests/CMakeLists.txt): CMake makes that header only for a target with a file using it.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <system_error>

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  // A death test's child (the binary run again, "threadsafe" style) uses its parent's folder,
  // which it inherits in TEST_TMPDIR: it ends without returning here.
  if (!GTEST_FLAG_GET(internal_run_death_test).empty()) return RUN_ALL_TESTS();
  std::string parent = "/tmp";
  for (const char* variable : {"TEST_TMPDIR", "TMPDIR"}) {
    const char* value = std::getenv(variable);
    if (value != nullptr && value[0] != '\0') {
      parent = value;
      break;
    }
  }
  std::string folder = parent + "/motiearchief-test-XXXXXX";
  if (mkdtemp(folder.data()) == nullptr) {
    std::perror(("cannot make a temporary folder in " + parent).c_str());
    return 1;
  }
  setenv("TEST_TMPDIR", folder.c_str(), 1);

  const int result = RUN_ALL_TESTS();
  if (result == 0) {
    std::error_code error;  // a folder left behind is no reason to fail the run
    std::filesystem::remove_all(folder, error);
    if (error) {
      std::fprintf(stderr, "Cannot remove the tests' folder %s: %s\n", folder.c_str(),
                   error.message().c_str());
    }
  } else {
    std::fprintf(stderr, "The tests' files are kept in %s\n", folder.c_str());
  }
  return result;
}
