// Placeholder: the seed program (DESIGN.md §1) replaces this file.
int main() {}
