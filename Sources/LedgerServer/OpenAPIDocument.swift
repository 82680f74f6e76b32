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
            "type": "array",
            "items": {
              "type": "object"
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
          "retracted"
        ],
        "description": "the claim's fields as `claimledger show` gives them, plus seq, leaf_hash and retracted",
        "properties": {
          "seq": {
            "type": "integer"
          },
          "leaf_hash": {
            "type": "string"
          },
          "retracted": {
            "type": "boolean"
          }
        },
        "additionalProperties": true
      }
    }
  }
}

"""#
}
