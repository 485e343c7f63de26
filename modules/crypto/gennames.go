package crypto

import (
	"crypto/x509"
	"encoding/asn1"
	"encoding/hex"
	"fmt"
	"strings"
)

// Node prints a certificate's general names (subjectAltName, infoAccess) itself rather than
// with OpenSSL's i2v_GENERAL_NAME, so that the list splits unambiguously: a name holding a
// character that could confuse a reader (quotes, a backslash, a comma, a control character,
// outside UTF-8 strings anything but printable ASCII) is printed as a quoted JSON string.

// altNameSafe tells whether node prints the name as it is.
func altNameSafe(b []byte, isUTF8 bool) bool {
	for _, c := range b {
		switch c {
		case '"', '\\', ',', '\'':
			return false
		}
		if isUTF8 {
			if c < ' ' || c == 0x7f {
				return false
			}
		} else if c < ' ' || c > '~' {
			return false
		}
	}
	return true
}

// altName appends the name (after prefix and a colon, when prefix is given), quoted and escaped
// when it is not safe, as node's PrintAltName does.
func altName(sb *strings.Builder, b []byte, isUTF8 bool, prefix string) {
	if altNameSafe(b, isUTF8) {
		if prefix != "" {
			sb.WriteString(prefix + ":")
		}
		sb.Write(b)
		return
	}
	sb.WriteByte('"')
	if prefix != "" {
		sb.WriteString(prefix + ":")
	}
	for _, c := range b {
		switch {
		case c == '\\':
			sb.WriteString(`\\`)
		case c == '"':
			sb.WriteString(`\"`)
		case (c >= ' ' && c != ',' && c <= '~') || (isUTF8 && c&0x80 != 0):
			sb.WriteByte(c)
		default:
			fmt.Fprintf(sb, `\u%04x`, c)
		}
	}
	sb.WriteByte('"')
}

// otherNamePrefixes are the otherName types node names (with whether the value is a UTF8String
// rather than an IA5String).
var otherNamePrefixes = map[string]struct {
	name   string
	isUTF8 bool
}{
	"1.3.6.1.5.5.7.8.9":      {"SmtpUTF8Mailbox", true},
	"1.3.6.1.5.5.7.8.5":      {"XmppAddr", true},
	"1.3.6.1.5.5.7.8.7":      {"SRVName", false},
	"1.3.6.1.4.1.311.20.2.3": {"UPN", true},
	"1.3.6.1.5.5.7.8.8":      {"NAIRealm", true},
}

// generalName formats one GeneralName (its DER) as node does.
func generalName(sb *strings.Builder, v asn1.RawValue) {
	if v.Class != asn1.ClassContextSpecific {
		return
	}
	switch v.Tag {
	case 0: // otherName: type-id OID, [0] EXPLICIT value
		var on struct {
			Type  asn1.ObjectIdentifier
			Value asn1.RawValue `asn1:"explicit,tag:0"`
		}
		// ([0] IMPLICIT SEQUENCE: read as the SEQUENCE it stands for)
		seq := append([]byte{0x30}, v.FullBytes[1:]...)
		if _, err := asn1.Unmarshal(seq, &on); err != nil {
			sb.WriteString("othername:<unsupported>")
			return
		}
		var val asn1.RawValue // (the explicit [0]'s content)
		if _, err := asn1.Unmarshal(on.Value.Bytes, &val); err != nil {
			sb.WriteString("othername:<unsupported>")
			return
		}
		p, ok := otherNamePrefixes[on.Type.String()]
		want := asn1.TagIA5String
		if p.isUTF8 {
			want = asn1.TagUTF8String
		}
		if !ok || val.Class != asn1.ClassUniversal || val.Tag != want {
			sb.WriteString("othername:<unsupported>")
			return
		}
		sb.WriteString("othername:")
		altName(sb, val.Bytes, p.isUTF8, p.name)
	case 1:
		sb.WriteString("email:")
		altName(sb, v.Bytes, false, "")
	case 2:
		sb.WriteString("DNS:")
		altName(sb, v.Bytes, false, "")
	case 3:
		sb.WriteString("X400Name:<unsupported>")
	case 4:
		sb.WriteString("DirName:")
		altName(sb, []byte(rfc2253Name(v.Bytes)), true, "")
	case 5:
		sb.WriteString("EdiPartyName:<unsupported>")
	case 6:
		sb.WriteString("URI:")
		altName(sb, v.Bytes, false, "")
	case 7:
		sb.WriteString("IP Address:")
		switch b := v.Bytes; len(b) {
		case 4:
			fmt.Fprintf(sb, "%d.%d.%d.%d", b[0], b[1], b[2], b[3])
		case 16:
			for j := 0; j < 8; j++ {
				if j > 0 {
					sb.WriteByte(':')
				}
				fmt.Fprintf(sb, "%X", uint16(b[2*j])<<8|uint16(b[2*j+1]))
			}
		default:
			sb.WriteString("<invalid>")
		}
	case 8:
		var oid asn1.ObjectIdentifier
		full := append([]byte{asn1.TagOID}, v.FullBytes[1:]...)
		if _, err := asn1.Unmarshal(full, &oid); err != nil {
			return
		}
		sb.WriteString("Registered ID:" + oid.String())
	}
}

// rfc2253Name prints a Name (its DER) as OpenSSL's X509_NAME_print_ex with XN_FLAG_RFC2253
// less the escaping of UTF-8 and control characters: the last RDN first, ',' between RDNs,
// '+' within one, RFC 2253's escapes, values that are not strings as #hex of their DER.
func rfc2253Name(der []byte) string {
	rdns := nameRDNs(der)
	var sb strings.Builder
	for i := len(rdns) - 1; i >= 0; i-- {
		if i != len(rdns)-1 {
			sb.WriteByte(',')
		}
		for k, a := range rdns[i] {
			if k > 0 {
				sb.WriteByte('+')
			}
			sb.WriteString(rdnName(a.Type) + "=")
			v := a.Value
			switch {
			case v.Class != asn1.ClassUniversal:
				sb.WriteString("#" + strings.ToUpper(hex.EncodeToString(v.FullBytes)))
			case v.Tag == asn1.TagBMPString && len(v.Bytes)%2 == 0, v.Tag == asn1.TagUTF8String,
				v.Tag == asn1.TagPrintableString, v.Tag == asn1.TagIA5String,
				v.Tag == 26 /* VisibleString */, v.Tag == asn1.TagT61String: // (T61 as Latin-1)
				sb.WriteString(escape2253(attrText(v), false))
			default:
				sb.WriteString("#" + strings.ToUpper(hex.EncodeToString(v.FullBytes)))
			}
		}
	}
	return sb.String()
}

// escape2253 escapes a name's value as RFC 2253 says: a backslash before ,+"\<>; a leading
// space or # and a trailing space; with ctrl, control characters as \XX (ASN1_STRFLGS_ESC_CTRL).
func escape2253(s string, ctrl bool) string {
	var sb strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case strings.IndexByte(`,+"\<>;`, c) >= 0,
			(c == '#' || c == ' ') && i == 0,
			c == ' ' && i == len(s)-1:
			sb.WriteByte('\\')
		case ctrl && (c < 0x20 || c == 0x7f):
			fmt.Fprintf(&sb, "\\%02X", c)
			continue
		}
		sb.WriteByte(c)
	}
	return sb.String()
}

// generalNames parses the SEQUENCE OF GeneralName of an extension.
func generalNames(der []byte) []asn1.RawValue {
	var seq asn1.RawValue
	if _, err := asn1.Unmarshal(der, &seq); err != nil {
		return nil
	}
	var out []asn1.RawValue
	rest := seq.Bytes
	for len(rest) > 0 {
		var v asn1.RawValue
		var err error
		if rest, err = asn1.Unmarshal(rest, &v); err != nil {
			break
		}
		out = append(out, v)
	}
	return out
}

// subjectAltName formats the SAN extension in its own order, as node prints it.
func subjectAltName(c *x509.Certificate) (string, bool) {
	for _, ext := range c.Extensions {
		if !ext.Id.Equal(asn1.ObjectIdentifier{2, 5, 29, 17}) {
			continue
		}
		var parts []string
		for _, v := range generalNames(ext.Value) {
			var sb strings.Builder
			generalName(&sb, v)
			if sb.Len() > 0 {
				parts = append(parts, sb.String())
			}
		}
		return strings.Join(parts, ", "), true
	}
	return "", false
}

// accessDescription is one entry of the authority information access extension as node
// prints it: the method's name and the location ("OCSP", "URI:http://...").
type accessDescription struct{ method, location string }

// infoAccess parses the authority information access extension in its own order.
func infoAccess(c *x509.Certificate) ([]accessDescription, bool) {
	for _, ext := range c.Extensions {
		if !ext.Id.Equal(asn1.ObjectIdentifier{1, 3, 6, 1, 5, 5, 7, 1, 1}) {
			continue
		}
		var ads []struct {
			Method   asn1.ObjectIdentifier
			Location asn1.RawValue
		}
		if _, err := asn1.Unmarshal(ext.Value, &ads); err != nil {
			return nil, false
		}
		out := make([]accessDescription, 0, len(ads))
		for _, ad := range ads {
			m := ad.Method.String()
			switch m {
			case "1.3.6.1.5.5.7.48.1":
				m = "OCSP"
			case "1.3.6.1.5.5.7.48.2":
				m = "CA Issuers"
			}
			var sb strings.Builder
			generalName(&sb, ad.Location)
			out = append(out, accessDescription{m, sb.String()})
		}
		return out, true
	}
	return nil, false
}
