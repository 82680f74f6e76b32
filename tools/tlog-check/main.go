// Command tlog-check verifies a log published by `claimledger publish` with Go's golang.org/x/mod/sumdb/tlog and
// sumdb/note — an implementation the ClaimLedger project did not write — reading only the published files:
//
//	tlog-check [-old CHECKPOINT] DIR
//
// It opens DIR/checkpoint with the verifier key in DIR/vkey (sumdb/note), reads the hash tiles through
// tlog.TileHashReader (which authenticates every tile it loads against the checkpoint's tree), checks the root
// with tlog.TreeHash, and for every entry of the entry bundles checks an inclusion proof (tlog.ProveRecord and
// tlog.CheckRecord) of its tlog.RecordHash. With -old, it also proves the checkpoint's tree extends the older
// signed checkpoint (tlog.ProveTree and tlog.CheckTree). Tiles and bundles follow c2sp.org/tlog-tiles: the tile
// paths are Go's tile/8/L/N paths without the height element.
//
// Built offline in GOPATH mode from Debian's golang-golang-x-mod-dev:
//
//	GO111MODULE=off GOPATH=/usr/share/gocode GOPROXY=off go run tools/tlog-check/main.go DIR
package main

import (
	"bytes"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

const height = 8

type checkpoint struct {
	origin string
	tree   tlog.Tree
}

// openCheckpoint verifies a signed checkpoint (c2sp.org/tlog-checkpoint) with the verifier and parses its text.
func openCheckpoint(path string, verifier note.Verifier) (checkpoint, error) {
	msg, err := os.ReadFile(path)
	if err != nil {
		return checkpoint{}, err
	}
	n, err := note.Open(msg, note.VerifierList(verifier))
	if err != nil {
		return checkpoint{}, fmt.Errorf("%s: %v", path, err)
	}
	lines := strings.Split(n.Text, "\n")
	if len(lines) < 4 || lines[len(lines)-1] != "" {
		return checkpoint{}, fmt.Errorf("%s: not a checkpoint (origin, size, root)", path)
	}
	size, err := strconv.ParseInt(lines[1], 10, 64)
	if err != nil || size < 0 || strconv.FormatInt(size, 10) != lines[1] {
		return checkpoint{}, fmt.Errorf("%s: bad tree size %q", path, lines[1])
	}
	root, err := base64.StdEncoding.DecodeString(lines[2])
	if err != nil || len(root) != tlog.HashSize {
		return checkpoint{}, fmt.Errorf("%s: bad root hash", path)
	}
	var h tlog.Hash
	copy(h[:], root)
	return checkpoint{origin: lines[0], tree: tlog.Tree{N: size, Hash: h}}, nil
}

// tileReader reads C2SP tiles from the published directory.
type tileReader struct{ dir string }

func (r tileReader) Height() int { return height }

// c2spPath is the tlog-tiles path of t: Go's "tile/8/L/N[.p/W]" without the height.
func c2spPath(t tlog.Tile) string { return "tile/" + strings.TrimPrefix(t.Path(), fmt.Sprintf("tile/%d/", height)) }

func (r tileReader) ReadTiles(tiles []tlog.Tile) ([][]byte, error) {
	data := make([][]byte, len(tiles))
	for i, t := range tiles {
		b, err := os.ReadFile(filepath.Join(r.dir, c2spPath(t)))
		if err != nil {
			return nil, err
		}
		if len(b) != t.W*tlog.HashSize {
			return nil, fmt.Errorf("%s: %d bytes, want %d", c2spPath(t), len(b), t.W*tlog.HashSize)
		}
		data[i] = b
	}
	return data, nil
}

func (r tileReader) SaveTiles([]tlog.Tile, [][]byte) {}

// bundle reads the entries of entry bundle n of a tree of the given size.
func bundle(dir string, n, size int64) ([][]byte, error) {
	w := size - n*256
	if w > 256 {
		w = 256
	}
	t := tlog.Tile{H: height, L: 0, N: n, W: int(w)}
	name := "tile/entries/" + strings.TrimPrefix(c2spPath(t), "tile/0/")
	b, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		return nil, err
	}
	var entries [][]byte
	for len(b) > 0 {
		if len(b) < 2 || len(b) < 2+int(binary.BigEndian.Uint16(b)) {
			return nil, fmt.Errorf("%s: truncated", name)
		}
		l := int(binary.BigEndian.Uint16(b))
		entries = append(entries, b[2:2+l])
		b = b[2+l:]
	}
	if int64(len(entries)) != w {
		return nil, fmt.Errorf("%s: %d entries, want %d", name, len(entries), w)
	}
	return entries, nil
}

func run(dir, old string) error {
	vkey, err := os.ReadFile(filepath.Join(dir, "vkey"))
	if err != nil {
		return err
	}
	verifier, err := note.NewVerifier(string(bytes.TrimSpace(vkey)))
	if err != nil {
		return fmt.Errorf("vkey: %v", err)
	}
	cp, err := openCheckpoint(filepath.Join(dir, "checkpoint"), verifier)
	if err != nil {
		return err
	}
	tree := cp.tree
	hr := tlog.TileHashReader(tree, tileReader{dir})
	root, err := tlog.TreeHash(tree.N, hr)
	if err != nil {
		return fmt.Errorf("tree hash from the tiles: %v", err)
	}
	if root != tree.Hash {
		return errors.New("the tiles' root is not the checkpoint's root")
	}
	for n := int64(0); n*256 < tree.N; n++ {
		entries, err := bundle(dir, n, tree.N)
		if err != nil {
			return err
		}
		for i, e := range entries {
			index := n*256 + int64(i)
			proof, err := tlog.ProveRecord(tree.N, index, hr)
			if err != nil {
				return fmt.Errorf("entry %d: %v", index, err)
			}
			if err := tlog.CheckRecord(proof, tree.N, tree.Hash, index, tlog.RecordHash(e)); err != nil {
				return fmt.Errorf("entry %d is not in the tree: %v", index, err)
			}
		}
	}
	msg := fmt.Sprintf("tlog-check: %s: %d entries, root %s: checkpoint signature, tiles and every entry's inclusion proof verify (golang.org/x/mod/sumdb/tlog)", cp.origin, tree.N, tree.Hash)
	if old != "" {
		prev, err := openCheckpoint(old, verifier)
		if err != nil {
			return err
		}
		if prev.origin != cp.origin || prev.tree.N > tree.N {
			return fmt.Errorf("%s (%d entries of %s) cannot be a prefix of the published tree", old, prev.tree.N, prev.origin)
		}
		proof, err := tlog.ProveTree(tree.N, prev.tree.N, hr)
		if err != nil {
			return fmt.Errorf("consistency proof: %v", err)
		}
		if err := tlog.CheckTree(proof, tree.N, tree.Hash, prev.tree.N, prev.tree.Hash); err != nil {
			return fmt.Errorf("the published tree does not extend %s: %v", old, err)
		}
		msg += fmt.Sprintf("; it extends the checkpoint of %d entries", prev.tree.N)
	}
	fmt.Println(msg)
	return nil
}

func main() {
	old := flag.String("old", "", "an older signed checkpoint the published tree must extend")
	flag.Usage = func() { fmt.Fprintln(os.Stderr, "usage: tlog-check [-old CHECKPOINT] DIR") }
	flag.Parse()
	if flag.NArg() != 1 {
		flag.Usage()
		os.Exit(64)
	}
	if err := run(flag.Arg(0), *old); err != nil {
		fmt.Fprintln(os.Stderr, "tlog-check:", err)
		os.Exit(2)
	}
}
