#ifndef CLEDGER_OPENSSL_SHIM_H
#define CLEDGER_OPENSSL_SHIM_H
// libcrypto only (no libssl): digests and EVP_PKEY Ed25519. apt: libssl-dev.
#include <openssl/evp.h>
#include <openssl/err.h>
#include <openssl/crypto.h>
#include <openssl/rand.h>
#endif
