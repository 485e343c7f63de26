package http

import (
	"crypto/tls"
	_ "unsafe" // go:linkname
)

// Go's crypto/tls lets no program choose the TLS 1.3 cipher suites or their order: a client
// offers, and a server prefers, AES-128-GCM first (ChaCha20 first without AES hardware). Node's
// OpenSSL offers and prefers TLS_AES_256_GCM_SHA384, then TLS_CHACHA20_POLY1305_SHA256, then
// TLS_AES_128_GCM_SHA256 (tls.DEFAULT_CIPHERS), whatever the hardware, so two node peers agree on
// AES-256-GCM-SHA384: that shows in getCipher(), in the Finished messages' length, in the
// exported keying material. The two preference lists crypto/tls keeps (published to other
// packages with go:linkname, as quic-go uses them) are put in OpenSSL's order when this package
// is initialised. It is the process's: a Go program embedding gojs gets the same order for its
// own TLS connections (the same suites, only their order changes).

//go:linkname defaultCipherSuitesTLS13 crypto/tls.defaultCipherSuitesTLS13
var defaultCipherSuitesTLS13 []uint16

//go:linkname defaultCipherSuitesTLS13NoAES crypto/tls.defaultCipherSuitesTLS13NoAES
var defaultCipherSuitesTLS13NoAES []uint16

// opensslTLS13Order is OpenSSL's default TLS 1.3 order.
var opensslTLS13Order = []uint16{tls.TLS_AES_256_GCM_SHA384, tls.TLS_CHACHA20_POLY1305_SHA256, tls.TLS_AES_128_GCM_SHA256}

func init() {
	for _, list := range [][]uint16{defaultCipherSuitesTLS13, defaultCipherSuitesTLS13NoAES} {
		// (only if the list holds these three suites, in some order, as it does in Go 1.26)
		if len(list) != len(opensslTLS13Order) {
			continue
		}
		seen := 0
		for _, s := range list {
			for i, o := range opensslTLS13Order {
				if s == o {
					seen |= 1 << i
				}
			}
		}
		if seen == 1<<len(opensslTLS13Order)-1 {
			copy(list, opensslTLS13Order)
		}
	}
}
