/* fuzz-common.h: what every libFuzzer target of Demarc declares
 *
 * Included by exactly one file of each target.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

const char *__ubsan_default_options (void);

/* Undefined behaviour ends the run like a crash, also when a reproducer
 * runs by hand without UBSAN_OPTIONS. */
const char *
__ubsan_default_options (void)
{
  return "halt_on_error=1:print_stacktrace=1";
}
