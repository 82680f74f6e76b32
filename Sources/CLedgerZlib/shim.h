#ifndef CLEDGER_ZLIB_SHIM_H
#define CLEDGER_ZLIB_SHIM_H
// apt: zlib1g-dev. Only inflate is used (gzip members of .warc.gz, HTTP content-encoding, deflated ZIP members).
#include <zlib.h>
#endif
