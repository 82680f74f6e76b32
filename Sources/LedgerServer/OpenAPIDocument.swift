/// The OpenAPI 3.1 description of the API, served at `/openapi.json`; the same bytes as `schemas/openapi.json`
/// (a test holds them equal: edit both).
public enum OpenAPIDocument {
    public static let bytes = Array(text.utf8)

    static let text = #"""
{
  "openapi": "3.1.0",
  "info": {
    "title": "ClaimLedger newsroom API",
    "version": "0.1.0",
    "description": "The JSON API of `claimledger serve`. Authenticate with `Authorization: Bearer TOKEN` (from `claimledger user token NAME`). Every refusal is `{\"error\": \"one line\"}` with its HTTP status; nothing is stored when a request fails."
  },
  "servers": [
    {
      "url": "http://127.0.0.1:8080"
    }
  ],
  "security": [
    {
      "bearer": []
    }
  ],
  "paths": {
    "/api/me": {
      "get": {
        "operationId": "me",
        "summary": "The authenticated account",
        "responses": {
          "200": {
            "description": "the account",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Account"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/api/status": {
      "get": {
        "operationId": "status",
        "summary": "Ledger state: origin, size, root, verification, newest checkpoint, recent entries",
        "responses": {
          "200": {
            "description": "the state",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Status"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/api/sources": {
      "get": {
        "operationId": "listSources",
        "summary": "Captured sources",
        "responses": {
          "200": {
            "description": "the sources",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "sources"
                  ],
                  "properties": {
                    "sources": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/Source"
                      }
                    }
                  }
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Error"
          }
        }
      },
      "post": {
        "operationId": "addSource",
        "summary": "Add a captured source (editor or admin): the request body is the capture's exact bytes, its metadata is in the query; the same bytes again append nothing (200)",
        "parameters": [
          {
            "name": "outlet",
            "in": "query",
            "required": true,
            "description": "who published it",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "lang",
            "in": "query",
            "required": true,
            "description": "its language tag, e.g. en, fr",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "url",
            "in": "query",
            "required": false,
            "description": "where it was published",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "title",
            "in": "query",
            "required": false,
            "description": "its headline",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "published",
            "in": "query",
            "required": false,
            "description": "its publication date",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "captured_at",
            "in": "query",
            "required": false,
            "description": "when it was captured, RFC 3339 (default: now)",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "filename",
            "in": "query",
            "required": false,
            "description": "its file name: .html, .htm or .xhtml is a page whose main text is extracted",
            "schema": {
              "type": "string"
            }
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/octet-stream": {
              "schema": {
                "type": "string",
                "format": "binary"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "the new source",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "id",
                    "seq",
                    "existed"
                  ],
                  "properties": {
                    "id": {
                      "type": "string"
                    },
                    "seq": {
                      "type": "integer"
                    },
                    "existed": {
                      "type": "boolean"
                    }
                  }
                }
              }
            }
          },
          "200": {
            "description": "the same bytes were already recorded",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "413": {
            "$ref": "#/components/responses/Error"
          },
          "422": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/api/sources/{id}": {
      "get": {
        "operationId": "getSource",
        "summary": "One source with its anchoring text and the claims quoting it",
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "schema": {
              "type": "string",
              "pattern": "^[0-9a-f]{64}$"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "the source",
            "content": {
              "application/json": {
                "schema": {
                  "allOf": [
                    {
                      "$ref": "#/components/schemas/Source"
                    },
                    {
                      "type": "object",
                      "required": [
                        "text",
                        "claim_seqs"
                      ],
                      "properties": {
                        "text": {
                          "type": "string"
                        },
                        "claim_seqs": {
                          "type": "array",
                          "items": {
                            "type": "integer"
                          }
                        }
                      }
                    }
                  ]
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "404": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/api/claims": {
      "get": {
        "operationId": "listClaims",
        "summary": "Claims, filtered",
        "parameters": [
          {
            "name": "outlet",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string"
            },
            "description": "only claims whose outlet is exactly this"
          },
          {
            "name": "speaker",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string"
            },
            "description": "only claims whose speaker is exactly this"
          },
          {
            "name": "subject",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string"
            },
            "description": "only claims whose subject is exactly this"
          },
          {
            "name": "predicate",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string"
            },
            "description": "only claims whose predicate is exactly this"
          },
          {
            "name": "lang",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string"
            },
            "description": "only claims whose lang is exactly this"
          },
          {
            "name": "status",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "enum": [
                "current",
                "retracted",
                "all"
              ],
              "default": "current"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "the claims",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "claims"
                  ],
                  "properties": {
                    "claims": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/Claim"
                      }
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          }
        }
      },
      "post": {
        "operationId": "recordClaim",
        "summary": "Record a claim (editor or admin), signed with the caller's contributor key",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/ClaimInput"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "the claim entry",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "seq",
                    "leaf_hash"
                  ],
                  "properties": {
                    "seq": {
                      "type": "integer"
                    },
                    "leaf_hash": {
                      "type": "string"
                    },
                    "author": {
                      "type": "string"
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "413": {
            "$ref": "#/components/responses/Error"
          },
          "422": {
            "$ref": "#/components/responses/Error"
          },
          "409": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/api/claims/{seq}": {
      "get": {
        "operationId": "getClaim",
        "summary": "One claim with its history",
        "parameters": [
          {
            "name": "seq",
            "in": "path",
            "required": true,
            "schema": {
              "type": "integer",
              "minimum": 0
            }
          }
        ],
        "responses": {
          "200": {
            "description": "the claim",
            "content": {
              "application/json": {
                "schema": {
                  "allOf": [
                    {
                      "$ref": "#/components/schemas/Claim"
                    },
                    {
                      "type": "object",
                      "required": [
                        "history",
                        "current_seq"
                      ],
                      "properties": {
                        "current_seq": {
                          "type": [
                            "integer",
                            "null"
                          ]
                        },
                        "history": {
                          "type": "array",
                          "items": {
                            "type": "object"
                          }
                        }
                      }
                    }
                  ]
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "404": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/api/claims/{seq}/proof": {
      "get": {
        "operationId": "getClaimProof",
        "summary": "The c2sp.org/tlog-proof@v1 inclusion proof under the newest signed checkpoint",
        "parameters": [
          {
            "name": "seq",
            "in": "path",
            "required": true,
            "schema": {
              "type": "integer",
              "minimum": 0
            }
          }
        ],
        "responses": {
          "200": {
            "description": "the proof file; check it with `claimledger verify-proof FILE --entry ENTRY --vkey VKEY`",
            "content": {
              "text/plain": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "404": {
            "$ref": "#/components/responses/Error"
          },
          "409": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/api/claims/{seq}/retract": {
      "post": {
        "operationId": "retractClaim",
        "summary": "Retract a claim (editor or admin); the entry is signed with the caller's contributor key",
        "parameters": [
          {
            "name": "seq",
            "in": "path",
            "required": true,
            "schema": {
              "type": "integer",
              "minimum": 0
            }
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "required": [
                  "reason"
                ],
                "properties": {
                  "reason": {
                    "type": "string",
                    "minLength": 1
                  }
                }
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "the retraction entry",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "seq",
                    "leaf_hash",
                    "author"
                  ],
                  "properties": {
                    "seq": {
                      "type": "integer"
                    },
                    "leaf_hash": {
                      "type": "string"
                    },
                    "author": {
                      "type": "string"
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "404": {
            "$ref": "#/components/responses/Error"
          },
          "413": {
            "$ref": "#/components/responses/Error"
          },
          "422": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/api/users": {
      "get": {
        "operationId": "listUsers",
        "summary": "The accounts (admin only)",
        "responses": {
          "200": {
            "description": "the accounts",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "users"
                  ],
                  "properties": {
                    "users": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/Account"
                      }
                    }
                  }
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/checkpoint": {
      "get": {
        "operationId": "publishedCheckpoint",
        "security": [],
        "summary": "The published log's checkpoint (C2SP tlog-tiles), when started with --published",
        "responses": {
          "200": {
            "description": "the signed checkpoint",
            "content": {
              "text/plain": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "404": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/openapi.json": {
      "get": {
        "operationId": "openapi",
        "security": [],
        "summary": "This document",
        "responses": {
          "200": {
            "description": "OpenAPI 3.1",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          }
        }
      }
    },
    "/api/contradictions": {
      "get": {
        "operationId": "contradictions",
        "summary": "The contradictions report, as `claimledger contradictions --format json` gives it",
        "parameters": [
          {
            "name": "tension",
            "in": "query",
            "required": false,
            "schema": {
              "type": "string",
              "enum": [
                "1"
              ]
            },
            "description": "1: include tensions (as `--include-tension`)"
          }
        ],
        "responses": {
          "200": {
            "description": "the report (its JSON Schema: schemas/contradictions.schema.json)",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "findings",
                    "provenance"
                  ]
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/api/corroborations": {
      "get": {
        "operationId": "corroborations",
        "summary": "The corroborations report, as `claimledger corroborations --format json` gives it",
        "responses": {
          "200": {
            "description": "the report (its JSON Schema: schemas/corroborations.schema.json)",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "findings",
                    "provenance"
                  ]
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/api/claims/{seq}/correct": {
      "post": {
        "operationId": "correctClaim",
        "summary": "Correct a claim (editor or admin): a correction entry with the whole corrected claim",
        "parameters": [
          {
            "name": "seq",
            "in": "path",
            "required": true,
            "schema": {
              "type": "integer",
              "minimum": 0
            }
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "required": [
                  "reason",
                  "claim"
                ],
                "properties": {
                  "reason": {
                    "type": "string",
                    "minLength": 1
                  },
                  "claim": {
                    "$ref": "#/components/schemas/ClaimInput"
                  },
                  "new_subject": {
                    "type": "boolean"
                  },
                  "allow_duplicate": {
                    "type": "boolean",
                    "description": "record the correction even when it is identical to another current claim"
                  }
                }
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "the correction entry",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "seq",
                    "leaf_hash"
                  ],
                  "properties": {
                    "seq": {
                      "type": "integer"
                    },
                    "leaf_hash": {
                      "type": "string"
                    },
                    "author": {
                      "type": "string"
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "404": {
            "$ref": "#/components/responses/Error"
          },
          "413": {
            "$ref": "#/components/responses/Error"
          },
          "422": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/api/predicates": {
      "get": {
        "operationId": "listPredicates",
        "summary": "Declared predicates",
        "responses": {
          "200": {
            "description": "the predicates",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "predicates"
                  ],
                  "properties": {
                    "predicates": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/Predicate"
                      }
                    }
                  }
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Error"
          }
        }
      },
      "post": {
        "operationId": "declarePredicate",
        "summary": "Declare a predicate (editor or admin); a predicate is declared once",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/Predicate"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "the predicate entry",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "seq",
                    "leaf_hash"
                  ],
                  "properties": {
                    "seq": {
                      "type": "integer"
                    },
                    "leaf_hash": {
                      "type": "string"
                    },
                    "author": {
                      "type": "string"
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "413": {
            "$ref": "#/components/responses/Error"
          },
          "422": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/api/entities": {
      "get": {
        "operationId": "listEntities",
        "summary": "Recorded entities with their labels and aliases",
        "responses": {
          "200": {
            "description": "the entities",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "entities"
                  ],
                  "properties": {
                    "entities": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/Entity"
                      }
                    }
                  }
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Error"
          }
        }
      },
      "post": {
        "operationId": "recordEntity",
        "summary": "Record an entity (editor or admin); labels and aliases are unique across entities",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/Entity"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "the entity entry",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "seq",
                    "leaf_hash"
                  ],
                  "properties": {
                    "seq": {
                      "type": "integer"
                    },
                    "leaf_hash": {
                      "type": "string"
                    },
                    "author": {
                      "type": "string"
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "413": {
            "$ref": "#/components/responses/Error"
          },
          "422": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/api/value": {
      "get": {
        "operationId": "parseValue",
        "summary": "What a value as written parses to for a predicate (the claim form's live reading); nothing is stored",
        "parameters": [
          {
            "name": "text",
            "in": "query",
            "required": true,
            "description": "the value as written, e.g. près de 200.000",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "predicate",
            "in": "query",
            "required": false,
            "description": "a declared predicate id",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "lang",
            "in": "query",
            "required": false,
            "description": "the language the value is written in (default en)",
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "the typed value, or why the text is not one",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "ok"
                  ],
                  "properties": {
                    "ok": {
                      "type": "boolean"
                    },
                    "value": {
                      "type": "object"
                    },
                    "reading": {
                      "type": "string"
                    },
                    "error": {
                      "type": "string"
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    }
  },
  "components": {
    "securitySchemes": {
      "bearer": {
        "type": "http",
        "scheme": "bearer"
      }
    },
    "responses": {
      "Error": {
        "description": "a refusal",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      }
    },
    "schemas": {
      "Error": {
        "type": "object",
        "required": [
          "error"
        ],
        "properties": {
          "error": {
            "type": "string"
          }
        }
      },
      "Account": {
        "type": "object",
        "required": [
          "name",
          "role",
          "key"
        ],
        "properties": {
          "name": {
            "type": "string"
          },
          "role": {
            "type": "string",
            "enum": [
              "admin",
              "editor",
              "viewer"
            ]
          },
          "key": {
            "type": "string"
          }
        }
      },
      "Status": {
        "type": "object",
        "required": [
          "origin",
          "size",
          "root",
          "verified",
          "findings",
          "sources",
          "claims",
          "checkpoint",
          "recent"
        ],
        "properties": {
          "origin": {
            "type": "string"
          },
          "size": {
            "type": "integer"
          },
          "root": {
            "type": "string"
          },
          "verified": {
            "type": "boolean"
          },
          "findings": {
            "type": "array",
            "items": {
              "type": "object"
            }
          },
          "sources": {
            "type": "integer"
          },
          "claims": {
            "type": "integer"
          },
          "checkpoint": {
            "type": [
              "object",
              "null"
            ]
          },
          "recent": {
            "description": "the newest entries, newest first, each in the shape every JSON output gives an entry (schemas/entry-record.schema.json): the envelope as `entry` (its RFC 8785 form is the stored bytes), its leaf hash, seq and, when signed, signature",
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "entry",
                "leaf_hash",
                "seq"
              ],
              "properties": {
                "entry": {
                  "type": "object",
                  "required": [
                    "v",
                    "seq",
                    "prev",
                    "time",
                    "author",
                    "kind",
                    "body"
                  ]
                },
                "leaf_hash": {
                  "type": "string",
                  "pattern": "^[0-9a-f]{64}$"
                },
                "seq": {
                  "type": "integer",
                  "minimum": 0
                },
                "signature": {
                  "type": "string",
                  "pattern": "^[0-9a-f]{128}$"
                }
              },
              "additionalProperties": false
            }
          }
        }
      },
      "Source": {
        "type": "object",
        "required": [
          "id",
          "seq",
          "outlet",
          "lang",
          "captured_at",
          "claims"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "seq": {
            "type": "integer"
          },
          "outlet": {
            "type": "string"
          },
          "lang": {
            "type": "string"
          },
          "url": {
            "type": [
              "string",
              "null"
            ]
          },
          "title": {
            "type": [
              "string",
              "null"
            ]
          },
          "published": {
            "type": [
              "string",
              "null"
            ]
          },
          "captured_at": {
            "type": "string"
          },
          "claims": {
            "type": "integer"
          }
        }
      },
      "Claim": {
        "type": "object",
        "required": [
          "seq",
          "leaf_hash",
          "retracted",
          "source",
          "excerpt",
          "speaker",
          "outlet",
          "lang",
          "text",
          "subject",
          "predicate",
          "value"
        ],
        "description": "a claim: where it was published, who said what about which subject, the quote and the typed value as its entry stores them, and its seq, leaf hash and status",
        "properties": {
          "seq": {
            "type": "integer"
          },
          "leaf_hash": {
            "type": "string"
          },
          "retracted": {
            "type": "boolean"
          },
          "source": {
            "type": "string"
          },
          "excerpt": {
            "description": "the quote as the claim's entry stores it: exact text, context, position in Unicode scalars (end exclusive) and SHA-256 of the exact text",
            "type": "object",
            "required": [
              "exact",
              "prefix",
              "suffix",
              "start",
              "end",
              "sha256"
            ],
            "properties": {
              "exact": {
                "type": "string"
              },
              "prefix": {
                "type": "string"
              },
              "suffix": {
                "type": "string"
              },
              "start": {
                "type": "integer",
                "minimum": 0
              },
              "end": {
                "type": "integer",
                "minimum": 0
              },
              "sha256": {
                "type": "string",
                "pattern": "^[0-9a-f]{64}$"
              }
            },
            "additionalProperties": false
          },
          "speaker": {
            "type": "string"
          },
          "outlet": {
            "type": "string"
          },
          "lang": {
            "type": "string"
          },
          "text": {
            "type": "string"
          },
          "subject": {
            "type": "string"
          },
          "predicate": {
            "type": "string"
          },
          "value": {
            "description": "the typed value as the claim's entry stores it, with the wording as written in `original` (schemas/value.schema.json; decimals are strings)",
            "type": "object",
            "required": [
              "type",
              "original"
            ],
            "properties": {
              "type": {
                "type": "string",
                "enum": [
                  "quantity",
                  "category",
                  "boolean",
                  "date",
                  "duration",
                  "text"
                ]
              },
              "original": {
                "type": "string"
              }
            }
          },
          "relay": {
            "type": "string"
          },
          "origin": {
            "description": "whose reporting the claim traces to, when it was named: a declared entity or a recorded source",
            "oneOf": [
              {
                "type": "object",
                "required": [
                  "entity"
                ],
                "properties": {
                  "entity": {
                    "type": "string"
                  }
                },
                "additionalProperties": false
              },
              {
                "type": "object",
                "required": [
                  "source"
                ],
                "properties": {
                  "source": {
                    "type": "string",
                    "pattern": "^[0-9a-f]{64}$"
                  }
                },
                "additionalProperties": false
              }
            ]
          },
          "event": {
            "type": "string"
          },
          "scope": {
            "type": "string"
          },
          "polarity": {
            "type": "string",
            "enum": [
              "affirmed",
              "denied"
            ]
          },
          "modality": {
            "type": "string",
            "enum": [
              "asserted",
              "reported",
              "hedged"
            ]
          }
        },
        "additionalProperties": true
      },
      "ClaimInput": {
        "type": "object",
        "required": [
          "source",
          "excerpt",
          "speaker",
          "text",
          "subject",
          "predicate",
          "value"
        ],
        "description": "The fields of a `claim import` line (DESIGN §4); `new_subject` says a subject that looks like a recorded one is new.",
        "properties": {
          "source": {
            "type": "string"
          },
          "excerpt": {
            "type": "string"
          },
          "speaker": {
            "type": "string"
          },
          "relay": {
            "type": "string"
          },
          "origin": {
            "type": "string",
            "description": "whose reporting the claim traces to: a declared entity id (org:organisers) or a recorded source's id or unique prefix of at least 8 hex digits; claims tracing to one origin count once in corroborations"
          },
          "outlet": {
            "type": "string"
          },
          "lang": {
            "type": "string"
          },
          "text": {
            "type": "string"
          },
          "subject": {
            "type": "string"
          },
          "predicate": {
            "type": "string"
          },
          "value": {
            "type": "string"
          },
          "as_of": {
            "type": "string"
          },
          "event": {
            "type": "string"
          },
          "scope": {
            "type": "string"
          },
          "occurrence": {
            "type": "integer",
            "minimum": 1
          },
          "polarity": {
            "type": "string",
            "enum": [
              "affirmed",
              "denied"
            ]
          },
          "modality": {
            "type": "string",
            "enum": [
              "asserted",
              "reported",
              "hedged"
            ]
          },
          "new_subject": {
            "type": "boolean"
          },
          "allow_duplicate": {
            "type": "boolean",
            "description": "record it even though an identical current claim exists"
          }
        },
        "additionalProperties": false
      },
      "Predicate": {
        "type": "object",
        "required": [
          "id",
          "type",
          "cardinality"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "type": {
            "type": "string",
            "enum": [
              "quantity",
              "category",
              "boolean",
              "date",
              "duration",
              "text"
            ]
          },
          "cardinality": {
            "type": "string",
            "enum": [
              "single",
              "multi"
            ]
          },
          "tolerance": {
            "type": "string"
          },
          "unit": {
            "type": "string"
          },
          "values": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "id"
              ],
              "properties": {
                "id": {
                  "type": "string"
                },
                "labels": {
                  "type": "object",
                  "additionalProperties": {
                    "type": "string"
                  }
                }
              }
            }
          },
          "labels": {
            "type": "object",
            "additionalProperties": {
              "type": "string"
            }
          }
        }
      },
      "Entity": {
        "type": "object",
        "required": [
          "id",
          "labels"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "labels": {
            "type": "object",
            "minProperties": 1,
            "additionalProperties": {
              "type": "string"
            }
          },
          "aliases": {
            "type": "array",
            "items": {
              "type": "string"
            }
          }
        }
      }
    }
  }
}

"""#
}
