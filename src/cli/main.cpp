// lebenswert command-line interface (subcommands registered in commands.cpp).
#include <cstdio>
int main() { std::puts("lebenswert"); return 0; }
