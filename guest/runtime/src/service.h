/* Calls from the guest to host services and handles through the kobako.service_call import. */
#ifndef KOBAKO_SERVICE_H
#define KOBAKO_SERVICE_H

#include <mruby.h>
#include <stdbool.h>

void kobako_service_init(mrb_state *mrb, struct RClass *kobako);

/* Whether exc was raised by the runtime because a host service failed (not by the script); if
 * so, *id is the id of the host's error reply (0 when the host gave none). */
bool kobako_service_failure(mrb_state *mrb, mrb_value exc, mrb_int *id);

#endif
