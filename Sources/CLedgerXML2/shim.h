#ifndef CLEDGER_XML2_SHIM_H
#define CLEDGER_XML2_SHIM_H
// apt: libxml2-dev (2.9 or newer). Only its HTML parser and tree are used.
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#endif
