/*
 * The machine's practical limit for what ClaimLedger does, measured in the same run (tools/bench/run):
 * append N entries of a given size to SQLite with an RFC 6962 leaf hash each (SHA-256 over 0x00 || bytes,
 * OpenSSL EVP), with ClaimLedger's durability settings (WAL, synchronous=FULL, one BEGIN IMMEDIATE transaction),
 * then read every entry back and re-hash it.
 *
 *   cc -O2 -o baseline baseline.c -lsqlite3 -lcrypto
 *   ./baseline DBFILE N BYTES      prints {"n":…,"append_seconds":…,"rehash_seconds":…}
 */
#include <openssl/evp.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static void leaf_hash(EVP_MD_CTX *ctx, const EVP_MD *md, const unsigned char *bytes, int n, unsigned char out[32]) {
    unsigned char zero = 0;
    unsigned int len = 32;
    EVP_DigestInit_ex(ctx, md, NULL);
    EVP_DigestUpdate(ctx, &zero, 1);
    EVP_DigestUpdate(ctx, bytes, n);
    EVP_DigestFinal_ex(ctx, out, &len);
}

static void check(int rc, sqlite3 *db, const char *what) {
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
        fprintf(stderr, "baseline: %s: %s\n", what, sqlite3_errmsg(db));
        exit(1);
    }
}

int main(int argc, char **argv) {
    if (argc != 4) { fprintf(stderr, "usage: baseline DBFILE N BYTES\n"); return 64; }
    long n = atol(argv[2]);
    int size = atoi(argv[3]);
    sqlite3 *db;
    check(sqlite3_open(argv[1], &db), db, "open");
    check(sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
                           "CREATE TABLE entries (seq INTEGER PRIMARY KEY, bytes BLOB NOT NULL, leaf_hash BLOB NOT NULL) STRICT;",
                       NULL, NULL, NULL), db, "schema");
    const EVP_MD *md = EVP_MD_fetch(NULL, "SHA256", NULL);
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    unsigned char *entry = malloc(size), hash[32];
    sqlite3_stmt *insert;
    check(sqlite3_prepare_v2(db, "INSERT INTO entries (seq, bytes, leaf_hash) VALUES (?, ?, ?)", -1, &insert, NULL), db, "prepare");

    double t0 = now();
    check(sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL), db, "begin");
    for (long i = 0; i < n; i++) {
        int k = snprintf((char *)entry, size, "{\"v\":1,\"seq\":%ld,\"kind\":\"claim\",\"body\":{\"text\":\"", i);
        for (int j = k; j < size - 3; j++) entry[j] = 'a' + (unsigned char)((i + j) % 26);
        memcpy(entry + size - 3, "\"}}", 3);
        leaf_hash(ctx, md, entry, size, hash);
        sqlite3_bind_int64(insert, 1, i);
        sqlite3_bind_blob(insert, 2, entry, size, SQLITE_TRANSIENT);
        sqlite3_bind_blob(insert, 3, hash, 32, SQLITE_TRANSIENT);
        check(sqlite3_step(insert), db, "insert");
        sqlite3_reset(insert);
    }
    check(sqlite3_exec(db, "COMMIT", NULL, NULL, NULL), db, "commit");
    double t1 = now();

    sqlite3_stmt *select;
    check(sqlite3_prepare_v2(db, "SELECT bytes, leaf_hash FROM entries ORDER BY seq", -1, &select, NULL), db, "select");
    long bad = 0;
    while (sqlite3_step(select) == SQLITE_ROW) {
        leaf_hash(ctx, md, sqlite3_column_blob(select, 0), sqlite3_column_bytes(select, 0), hash);
        if (memcmp(hash, sqlite3_column_blob(select, 1), 32) != 0) bad++;
    }
    double t2 = now();
    printf("{\"n\":%ld,\"bytes\":%d,\"append_seconds\":%.4f,\"rehash_seconds\":%.4f,\"mismatches\":%ld}\n", n, size, t1 - t0, t2 - t1, bad);
    sqlite3_finalize(insert);
    sqlite3_finalize(select);
    sqlite3_close(db);
    return bad != 0;
}
