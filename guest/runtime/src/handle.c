#include "handle.h"

#include <mruby/class.h>
#include <mruby/data.h>
#include <mruby/string.h>
#include <mruby/variable.h>

/* The handle id is stored in the data pointer itself: nothing to allocate or free. */
static const mrb_data_type handle_type = {"Kobako::Handle", NULL};

static void service_free(mrb_state *mrb, void *p) { (void)mrb; (void)p; }
static const mrb_data_type service_type = {"Kobako::Service", service_free};

static struct RClass *handle_class(mrb_state *mrb) {
  return mrb_class_get_under(mrb, mrb_module_get(mrb, "Kobako"), "Handle");
}

static struct RClass *service_class(mrb_state *mrb) {
  return mrb_class_get_under(mrb, mrb_module_get(mrb, "Kobako"), "Service");
}

mrb_value kobako_handle_new(mrb_state *mrb, uint32_t id) {
  struct RData *d = mrb_data_object_alloc(mrb, handle_class(mrb), (void *)(uintptr_t)id, &handle_type);
  return mrb_obj_value(d);
}

bool kobako_handle_id(mrb_state *mrb, mrb_value v, uint32_t *id) {
  if (mrb_type(v) != MRB_TT_DATA || DATA_TYPE(v) != &handle_type) return false;
  uintptr_t raw = (uintptr_t)DATA_PTR(v);
  (void)mrb;
  if (raw == 0) return false; /* made by Class#new through metaprogramming: not a handle */
  *id = (uint32_t)raw;
  return true;
}

/* A service keeps its path as a frozen String in a hidden instance variable of the data
 * object; the name has no @, so Ruby code cannot read or replace it. */
mrb_value kobako_service_new(mrb_state *mrb, mrb_value path) {
  struct RData *d = mrb_data_object_alloc(mrb, service_class(mrb), (void *)1, &service_type);
  mrb_value obj = mrb_obj_value(d);
  mrb_obj_freeze(mrb, path);
  mrb_iv_set(mrb, obj, mrb_intern_lit(mrb, "__kobako_path"), path);
  return obj;
}

bool kobako_service_path(mrb_state *mrb, mrb_value v, mrb_value *path) {
  if (mrb_type(v) != MRB_TT_DATA || DATA_TYPE(v) != &service_type || DATA_PTR(v) == NULL)
    return false;
  *path = mrb_iv_get(mrb, v, mrb_intern_lit(mrb, "__kobako_path"));
  return mrb_string_p(*path);
}

static mrb_value handle_inspect(mrb_state *mrb, mrb_value self) {
  uint32_t id;
  if (!kobako_handle_id(mrb, self, &id)) return mrb_str_new_lit(mrb, "#<Kobako::Handle (invalid)>");
  return mrb_format(mrb, "#<Kobako::Handle %d>", (int)id);
}

static mrb_value service_inspect(mrb_state *mrb, mrb_value self) {
  mrb_value path;
  if (!kobako_service_path(mrb, self, &path)) return mrb_str_new_lit(mrb, "#<Kobako::Service>");
  return mrb_format(mrb, "#<Kobako::Service %v>", path);
}

static mrb_value refuse_copy(mrb_state *mrb, mrb_value self) {
  (void)self;
  mrb_raise(mrb, E_TYPE_ERROR, "Kobako::Handle and Kobako::Service cannot be copied");
  return mrb_nil_value();
}

static struct RClass *define_opaque(mrb_state *mrb, struct RClass *kobako, const char *name,
                                    mrb_func_t inspect) {
  struct RClass *c = mrb_define_class_under(mrb, kobako, name, mrb_class_get(mrb, "BasicObject"));
  MRB_SET_INSTANCE_TT(c, MRB_TT_DATA);
  mrb_undef_class_method(mrb, c, "new");
  mrb_undef_class_method(mrb, c, "allocate");
  mrb_define_method(mrb, c, "inspect", inspect, MRB_ARGS_NONE());
  mrb_define_method(mrb, c, "to_s", inspect, MRB_ARGS_NONE());
  mrb_define_method(mrb, c, "initialize_copy", refuse_copy, MRB_ARGS_REQ(1));
  return c;
}

void kobako_handle_init(mrb_state *mrb, struct RClass *kobako) {
  define_opaque(mrb, kobako, "Handle", handle_inspect);
  define_opaque(mrb, kobako, "Service", service_inspect);
}
