/* Native driver for interp.c: prints the median milliseconds of one run(n) over `reps`. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int64_t run(int32_t n);

static int cmp(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

int main(int argc, char **argv) {
  int32_t n = argc > 1 ? atoi(argv[1]) : 100000;
  int reps = argc > 2 ? atoi(argv[2]) : 31;
  double times[1024];
  int64_t result = 0;
  for (int i = 0; i < 5; i++) result = run(n);
  for (int i = 0; i < reps && i < 1024; i++) {
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    result = run(n);
    clock_gettime(CLOCK_MONOTONIC, &b);
    times[i] = (b.tv_sec - a.tv_sec) * 1e3 + (b.tv_nsec - a.tv_nsec) / 1e6;
  }
  qsort(times, reps, sizeof times[0], cmp);
  printf("%.4f %lld\n", times[reps / 2], (long long)result);
  return 0;
}
