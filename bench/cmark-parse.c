/* Baseline for the benchmark: libcmark parsing the same files on one core,
 * nothing else (no rendering). Reads NUL-separated file names on stdin. */
#include <cmark.h>
#include <stdio.h>
#include <stdlib.h>

int main(void) {
  char name[4096];
  size_t files = 0, bytes = 0;
  int c, n = 0;
  char *buffer = NULL;
  size_t capacity = 0;
  for (;;) {
    c = getchar();
    if (c == EOF || c == 0) {
      if (n > 0) {
        name[n] = 0;
        FILE *f = fopen(name, "rb");
        if (f) {
          fseek(f, 0, SEEK_END);
          long size = ftell(f);
          fseek(f, 0, SEEK_SET);
          if ((size_t)size + 1 > capacity) { capacity = size + 1; buffer = realloc(buffer, capacity); }
          size_t got = fread(buffer, 1, size, f);
          fclose(f);
          cmark_node *doc = cmark_parse_document(buffer, got, CMARK_OPT_DEFAULT);
          cmark_node_free(doc);
          files++;
          bytes += got;
        }
        n = 0;
      }
      if (c == EOF) break;
    } else if (n < (int)sizeof(name) - 1) {
      name[n++] = (char)c;
    }
  }
  fprintf(stderr, "cmark-parse: %zu files, %zu bytes\n", files, bytes);
  free(buffer);
  return 0;
}
