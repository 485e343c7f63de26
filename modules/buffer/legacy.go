package buffer

import (
	"bytes"
	"errors"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/transform"
)

// TextDecoder's legacy encodings (gbk, shift_jis, euc-jp, iso-8859-x, windows-125x, ...) decode
// through golang.org/x/text's WHATWG decoders. The glue holds Node 20's label table: the
// WHATWG encodings its ICU build supports (not iso-8859-16, replacement or x-user-defined).

// newLegacyDecoder returns a decoder for a WHATWG encoding name, or nil if x/text has none.
func newLegacyDecoder(name string, fatal, ignoreBOM bool) *textDecoder {
	enc := legacyEncoding(name)
	if enc == nil {
		return nil
	}
	d := &textDecoder{enc: tdLegacy, fatal: fatal, ignoreBOM: ignoreBOM}
	if name == "iso-8859-8-i" {
		enc = charmap.ISO8859_8 // the same bytes; only the text direction differs
	}
	if cm, ok := enc.(*charmap.Charmap); ok {
		d.table = singleByteTable(name, cm)
	} else {
		d.legacy = enc.NewDecoder()
	}
	return d
}

// legacyEncoding returns x/text's decoder of the legacy encoding with WHATWG name name (the glue
// passes the name its label table resolved to), or nil. A switch rather than
// x/text/encoding/htmlindex, whose package initialisation builds maps of every WHATWG label
// and encoding at each process start.
func legacyEncoding(name string) encoding.Encoding {
	switch name {
	case "ibm866":
		return charmap.CodePage866
	case "iso-8859-2":
		return charmap.ISO8859_2
	case "iso-8859-3":
		return charmap.ISO8859_3
	case "iso-8859-4":
		return charmap.ISO8859_4
	case "iso-8859-5":
		return charmap.ISO8859_5
	case "iso-8859-6":
		return charmap.ISO8859_6
	case "iso-8859-7":
		return charmap.ISO8859_7
	case "iso-8859-8":
		return charmap.ISO8859_8
	case "iso-8859-8-i":
		return charmap.ISO8859_8I
	case "iso-8859-10":
		return charmap.ISO8859_10
	case "iso-8859-13":
		return charmap.ISO8859_13
	case "iso-8859-14":
		return charmap.ISO8859_14
	case "iso-8859-15":
		return charmap.ISO8859_15
	case "iso-8859-16":
		return charmap.ISO8859_16
	case "koi8-r":
		return charmap.KOI8R
	case "koi8-u":
		return charmap.KOI8U
	case "macintosh":
		return charmap.Macintosh
	case "windows-874":
		return charmap.Windows874
	case "windows-1250":
		return charmap.Windows1250
	case "windows-1251":
		return charmap.Windows1251
	case "windows-1252":
		return charmap.Windows1252
	case "windows-1253":
		return charmap.Windows1253
	case "windows-1254":
		return charmap.Windows1254
	case "windows-1255":
		return charmap.Windows1255
	case "windows-1256":
		return charmap.Windows1256
	case "windows-1257":
		return charmap.Windows1257
	case "windows-1258":
		return charmap.Windows1258
	case "x-mac-cyrillic":
		return charmap.MacintoshCyrillic
	case "gbk":
		return simplifiedchinese.GBK
	case "gb18030":
		return simplifiedchinese.GB18030
	case "big5":
		return traditionalchinese.Big5
	case "euc-jp":
		return japanese.EUCJP
	case "iso-2022-jp":
		return japanese.ISO2022JP
	case "shift_jis":
		return japanese.ShiftJIS
	case "euc-kr":
		return korean.EUCKR
	}
	return nil
}

var singleByteTables sync.Map // name -> *[256]uint16

// singleByteTable returns the byte-to-UTF-16 table of a single-byte encoding as Node's ICU
// decodes it: x/text's WHATWG table, except that bytes 0x80-0x9F it leaves unmapped decode to
// the C1 control of the same number, and ICU's own mappings in ibm866, koi8-u, windows-874,
// windows-1253 and windows-1255.
func singleByteTable(name string, cm *charmap.Charmap) *[256]uint16 {
	if t, ok := singleByteTables.Load(name); ok {
		return t.(*[256]uint16)
	}
	t := new([256]uint16)
	for b := 0; b < 256; b++ {
		r := cm.DecodeByte(byte(b))
		if r == utf8.RuneError && b >= 0x80 && b <= 0x9F {
			r = rune(b)
		}
		t[b] = uint16(r)
	}
	switch name {
	case "ibm866":
		t[0x1A], t[0x1C], t[0x7F] = 0x1C, 0x7F, 0x1A
	case "koi8-u":
		t[0xAE], t[0xBE] = 0x255D, 0x256C
	case "windows-874":
		for i, b := range []int{0xDB, 0xDC, 0xDD, 0xDE, 0xFC, 0xFD, 0xFE, 0xFF} {
			t[b] = 0xF8C1 + uint16(i)
		}
	case "windows-1253":
		t[0xAA] = 0xAA
	case "windows-1255":
		t[0xCA] = replacementChar
	}
	v, _ := singleByteTables.LoadOrStore(name, t)
	return v.(*[256]uint16)
}

var replacementUTF8 = []byte("\uFFFD")

// decodeLegacy appends data decoded by d's legacy decoder to u. In streaming mode an incomplete
// trailing sequence waits in d.pending; at the end it becomes U+FFFD. It reports ok=false in
// fatal mode when the input held a byte sequence the encoding does not map.
func (d *textDecoder) decodeLegacy(u units16, data []byte, stream bool) (units16, bool) {
	if d.table != nil {
		ok := true
		for _, b := range data {
			c := d.table[b]
			if c == replacementChar && d.fatal {
				ok = false
			}
			u = append(u, c)
		}
		return u, ok
	}
	out := make([]byte, 0, 2*len(data)+8)
	buf := make([]byte, 4096)
	src := data
	for {
		nDst, nSrc, err := d.legacy.Transform(buf, src, !stream)
		out = append(out, buf[:nDst]...)
		src = src[nSrc:]
		if errors.Is(err, transform.ErrShortDst) {
			continue
		}
		if errors.Is(err, transform.ErrShortSrc) && stream {
			d.pending = append(d.pending, src...)
		} else if err != nil && len(src) > 0 {
			out = append(out, replacementUTF8...)
		}
		break
	}
	if !stream {
		d.legacy.Reset()
	}
	ok := !(d.fatal && bytes.Contains(out, replacementUTF8))
	u, _ = appendUTF8(u, out, true)
	return u, ok
}
