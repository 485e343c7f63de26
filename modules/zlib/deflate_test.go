package zlib

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// The differential test: testdata/deflate/cases.json holds what node's zlib makes for each case
// (regenerate with `node gen.js > cases.json` in that directory); the compressor must make the
// same bytes.

var testWords = strings.Split("lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor "+
	"incididunt ut labore et dolore magna aliqua gojs zlib deflate window hash chain", " ")

// genInput is gen.js's gen.
func genInput(kind string, size int, seed uint32) []byte {
	b := make([]byte, size)
	x := seed
	if x == 0 {
		x = 1
	}
	r := func() uint32 {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		return x
	}
	i := 0
	text := func(end int) {
		for i < end {
			v := r()
			w := testWords[v%uint32(len(testWords))]
			for k := 0; k < len(w) && i < end; k++ {
				b[i] = w[k]
				i++
			}
			if i < end {
				if (v>>8)%16 == 0 {
					b[i] = 10
				} else {
					b[i] = 32
				}
				i++
			}
		}
	}
	switch kind {
	case "zeros":
	case "text":
		text(size)
	case "random":
		for ; i < size; i++ {
			b[i] = byte(r())
		}
	case "rep":
		pat := "abcabcabdxyz0123"
		for ; i < size; i++ {
			v := r()
			if v%64 == 0 {
				b[i] = byte(v >> 24)
			} else {
				b[i] = pat[i%len(pat)]
			}
		}
	case "mixed":
		for i < size {
			end := min(size, i+4096)
			if (i>>12)%3 == 2 {
				for ; i < end; i++ {
					b[i] = byte(r())
				}
			} else {
				text(end)
			}
		}
	case "hello":
		copy(b, strings.Repeat("hello", size/5+1)[:size])
	default:
		panic(kind)
	}
	return b
}

type genSpec struct {
	Gen  string `json:"gen"`
	Size int    `json:"size"`
	Seed uint32 `json:"seed"`
}

type deflateCase struct {
	Mode string `json:"mode"`
	genSpec
	Opts struct {
		Level      *int `json:"level"`
		Strategy   int  `json:"strategy"`
		WindowBits int  `json:"windowBits"`
		MemLevel   int  `json:"memLevel"`
		ChunkSize  int  `json:"chunkSize"`
	} `json:"opts"`
	Dict   *genSpec          `json:"dict"`
	Ops    [][]int           `json:"-"`
	RawOps []json.RawMessage `json:"ops"`
	Len    int               `json:"len"`
	Sha256 string            `json:"sha256"`
	Hex    string            `json:"hex"`
}

func (c *deflateCase) String() string {
	s := fmt.Sprintf("%s %s/%d level=%v strategy=%d wb=%d ml=%d chunk=%d", c.Mode, c.Gen, c.Size, *c.Opts.Level,
		c.Opts.Strategy, c.Opts.WindowBits, c.Opts.MemLevel, c.Opts.ChunkSize)
	if c.Dict != nil {
		s += fmt.Sprintf(" dict=%d", c.Dict.Size)
	}
	if len(c.RawOps) > 0 {
		s += fmt.Sprintf(" ops=%d", len(c.RawOps))
	}
	return s
}

func loadCases(t *testing.T) []*deflateCase {
	data, err := os.ReadFile("testdata/deflate/cases.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []*deflateCase
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
	return cases
}

var modeNames = map[string]int{"deflate": modeDeflate, "deflateRaw": modeDeflateRaw, "gzip": modeGzip}

// runCase compresses as node's stream or *Sync function does for the case.
func runCase(t *testing.T, c *deflateCase) []byte {
	in := genInput(c.Gen, c.Size, c.Seed)
	o := options{mode: modeNames[c.Mode], level: -1, strategy: c.Opts.Strategy, windowBits: c.Opts.WindowBits,
		memLevel: c.Opts.MemLevel, chunk: c.Opts.ChunkSize}
	if c.Opts.Level != nil {
		o.level = *c.Opts.Level
	}
	if c.Dict != nil {
		o.dict = genInput(c.Dict.Gen, c.Dict.Size, c.Dict.Seed)
	}
	z, err := newZCompressor(o)
	if err != nil {
		t.Fatalf("%v: %v", c, err)
	}
	defer z.close()
	var out []byte
	write := func(p []byte, flush int) {
		b, err := z.write(p, flush)
		if err != nil {
			t.Fatalf("%v: %v", c, err)
		}
		out = append(out, b...)
	}
	if len(c.RawOps) == 0 {
		write(in, zFinish)
		return out
	}
	level, strategy := o.level, o.strategy
	for _, raw := range c.RawOps {
		var op []any
		if err := json.Unmarshal(raw, &op); err != nil {
			t.Fatal(err)
		}
		arg := func(i int) int {
			if i < len(op) {
				return int(op[i].(float64))
			}
			return 0
		}
		switch op[0] {
		case "w":
			n := arg(1)
			write(in[:n], zNoFlush)
			in = in[n:]
			if f := arg(2); f != 0 {
				write(nil, f)
			}
		case "f":
			write(nil, arg(1))
		case "p":
			if arg(1) != level || arg(2) != strategy {
				write(nil, zSyncFlush)
				z.params(arg(1), arg(2))
				level, strategy = arg(1), arg(2)
			}
		}
	}
	write(nil, zFinish)
	return out
}

func TestDeflateMatchesNode(t *testing.T) {
	if ranWithoutRace(t) {
		return
	}
	cases := loadCases(t)
	bad, ran := 0, 0
	defer func() { t.Logf("%d cases, %d differ", ran, bad) }()
	for i, c := range cases {
		if (testing.Short() || raceEnabled) && c.Size > 1<<20 {
			continue
		}
		ran++
		out := runCase(t, c)
		sum := sha256.Sum256(out)
		if hex.EncodeToString(sum[:]) == c.Sha256 {
			continue
		}
		bad++
		msg := fmt.Sprintf("case %d %v: %d bytes, node %d", i, c, len(out), c.Len)
		if c.Hex != "" {
			msg += fmt.Sprintf("\n got  %x\n want %s", out, c.Hex)
		} else {
			// where the streams part
			msg += fmt.Sprintf(" (first %x)", out[:min(len(out), 16)])
		}
		t.Error(msg)
		if bad > 40 {
			t.Fatal("too many")
		}
	}
}

// ranWithoutRace runs the test t in a test binary built without the race detector when this one
// has it, and reports whether it did. For a test that is one goroutine's byte loops (the deflate
// corpus: no goroutine, no shared state), where the detector has nothing to find but makes the
// loops ~20x slower: 45 s of CI's race run for TestDeflateMatchesNode, and it had to skip the
// multi-megabyte cases, which the child runs. false (run in place) when this binary has no
// detector, when it is that child, or when there is no go command.
func ranWithoutRace(t *testing.T) bool {
	if !raceEnabled || os.Getenv("GOJS_TEST_WITHOUT_RACE") != "" {
		return false
	}
	goCmd, err := exec.LookPath("go")
	if err != nil {
		return false
	}
	args := []string{"test", "-count=1", "-run=^" + t.Name() + "$"}
	if testing.Short() {
		args = append(args, "-short")
	}
	args = append(args, "-v", ".")
	cmd := exec.Command(goCmd, args...)
	cmd.Env = append(os.Environ(), "GOJS_TEST_WITHOUT_RACE=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go %s (without the race detector): %v\n%s", strings.Join(args, " "), err, out)
	}
	t.Logf("go %s (without the race detector):\n%s", strings.Join(args, " "), out)
	return true
}

// TestDeflateRoundTrip checks the output inflates back, for inputs the corpus does not have.
func TestDeflateRoundTrip(t *testing.T) {
	for _, mode := range []int{modeDeflate, modeGzip, modeDeflateRaw} {
		inv := map[int]int{modeDeflate: modeInflate, modeGzip: modeGunzip, modeDeflateRaw: modeInflateRaw}[mode]
		for level := 0; level <= 9; level++ {
			for _, strategy := range []int{0, 1, 2, 3, 4} {
				in := genInput("mixed", 40000+level*1000, uint32(level+1))
				z, _ := newZCompressor(options{mode: mode, level: level, strategy: strategy, chunk: 1000})
				var out []byte
				for p := in; len(p) > 0; {
					n := min(len(p), 3333)
					b, _ := z.write(p[:n], []int{zNoFlush, zSyncFlush, zFullFlush, zPartialFlush, zBlock}[level%5])
					out = append(out, b...)
					p = p[n:]
				}
				b, _ := z.write(nil, zFinish)
				out = append(out, b...)
				z.close()
				back, err := inflateChunks(inv, out, 1<<20)
				if err != nil || !bytes.Equal(back, in) {
					t.Fatalf("mode %d level %d strategy %d: %v", mode, level, strategy, err)
				}
			}
		}
	}
}
