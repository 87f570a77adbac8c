#include "cli/command.h"

int main(int argc, char** argv) { return irkg::cli::Main(argc, argv); }
