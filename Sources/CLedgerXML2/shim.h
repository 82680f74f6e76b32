#ifndef CLEDGER_XML2_SHIM_H
#define CLEDGER_XML2_SHIM_H
// apt: libxml2-dev (2.9 or newer). Only its HTML parser is used, through SAX (LedgerCapture/HTMLStream.swift).
//
// Debian's libxml2 is built with ICU, so <libxml/encoding.h> includes <unicode/ucnv.h>. The system ICU headers
// then meet Foundation's own copy of ICU (_FoundationICU) in any Swift module that imports both, and clang's
// module checks can fail on their different UErrorCode enums. Nothing here uses ICU: the two names encoding.h
// needs are declared as ICU declares them (an opaque struct and a 16-bit code unit, so layouts are unchanged)
// and ucnv.h's include guard is set, so no ICU header is read.
#include <stdint.h>
#ifndef UCNV_H
#define UCNV_H
typedef struct UConverter UConverter;
typedef uint16_t UChar;
#endif
#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/tree.h>

/// xmlFree is a macro when libxml2 is built with threads: this is it as a function Swift can call.
static inline void cledger_xml_free(void *p) { xmlFree(p); }
#endif
