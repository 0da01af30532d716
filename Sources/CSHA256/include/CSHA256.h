// SHA-256 block compression with the processor's SHA extensions (x86-64 SHA-NI), for Wenping's SHA256.
//
// Swift cannot issue these instructions itself, so this small C target does; Wenping's Swift implementation is
// used wherever they are missing. Same results bit for bit (FIPS 180-4); the tests compare both.
#ifndef WENPING_CSHA256_H
#define WENPING_CSHA256_H

#include <stddef.h>
#include <stdint.h>

/// Kₜ of FIPS 180-4 §4.2.2, the 64 round constants (also read by Wenping's Swift rounds).
extern const uint32_t wenping_sha256_round_constants[64];

/// 1 when this processor has the SHA extensions (and the SSSE3 and SSE4.1 they are used with), else 0.
int wenping_sha256_has_extensions(void);

/// Mixes `blocks` 64-byte blocks from `data` into `state` (the eight words H0…H7 of FIPS 180-4 §6.2, in that
/// order). Only to be called when wenping_sha256_has_extensions() returned 1.
void wenping_sha256_blocks(uint32_t state[8], const uint8_t *data, size_t blocks);

#endif
