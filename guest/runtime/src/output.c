/*
 * Kobako::Output#__write: the one door from Ruby to the host's output buffers.
 * Bytes go to WASI fd 1 or 2; the host captures them per invocation, clipped at its caps.
 */
#include <mruby.h>
#include <mruby/string.h>
#include <mruby/variable.h>
#include <unistd.h>

static mrb_value output_write_bytes(mrb_state *mrb, mrb_value self) {
  mrb_value str;
  mrb_get_args(mrb, "S", &str);
  mrb_value fd = mrb_iv_get(mrb, self, mrb_intern_lit(mrb, "@fd"));
  if (!mrb_integer_p(fd) || (mrb_integer(fd) != 1 && mrb_integer(fd) != 2))
    mrb_raise(mrb, E_ARGUMENT_ERROR, "Kobako::Output writes only to stdout (1) or stderr (2)");
  const char *p = RSTRING_PTR(str);
  size_t left = (size_t)RSTRING_LEN(str);
  while (left > 0) {
    ssize_t n = write((int)mrb_integer(fd), p, left);
    if (n <= 0) break; /* the host refused: drop the rest rather than spin */
    p += n;
    left -= (size_t)n;
  }
  return mrb_int_value(mrb, RSTRING_LEN(str));
}

void kobako_output_init(mrb_state *mrb, struct RClass *kobako) {
  struct RClass *output = mrb_define_class_under(mrb, kobako, "Output", mrb->object_class);
  mrb_define_method(mrb, output, "__write", output_write_bytes, MRB_ARGS_REQ(1));
}
