// Compiled only so that CMake makes the tests' precompiled header here, in a
// target of its own that every test binary reuses (tests/CMakeLists.txt).
