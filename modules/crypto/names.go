package crypto

import (
	"encoding/asn1"
	"fmt"
	"strings"
	"unicode/utf16"

	"github.com/dop251/goja"
	"github.com/gojs-dev/gojs/modules"
)

// rdnNames maps the OIDs of name attributes to OpenSSL's short names (OBJ_nid2sn), which node
// prints a certificate's names with; an attribute OpenSSL does not name prints as its OID.
var rdnNames = modules.Lazy[map[string]string]{Build: func() map[string]string {
	m := map[string]string{}
	add := func(prefix string, first int, names ...string) {
		for i, n := range names {
			if n != "" {
				m[fmt.Sprintf("%s.%d", prefix, first+i)] = n
			}
		}
	}
	add("2.5.4", 3, "CN", "SN", "serialNumber", "C", "L", "ST", "street", "O", "OU", "title",
		"description", "searchGuide", "businessCategory", "postalAddress", "postalCode",
		"postOfficeBox", "physicalDeliveryOfficeName", "telephoneNumber", "telexNumber",
		"teletexTerminalIdentifier", "facsimileTelephoneNumber", "x121Address",
		"internationaliSDNNumber", "registeredAddress", "destinationIndicator",
		"preferredDeliveryMethod", "presentationAddress", "supportedApplicationContext", "member",
		"owner", "roleOccupant", "seeAlso", "userPassword", "userCertificate", "cACertificate",
		"authorityRevocationList", "certificateRevocationList", "crossCertificatePair", "name", "GN",
		"initials", "generationQualifier", "x500UniqueIdentifier", "dnQualifier",
		"enhancedSearchGuide", "protocolInformation", "distinguishedName", "uniqueMember",
		"houseIdentifier", "supportedAlgorithms", "deltaRevocationList", "dmdName")
	add("2.5.4", 65, "pseudonym")
	add("2.5.4", 72, "role")
	add("2.5.4", 97, "organizationIdentifier", "c3", "n3", "dnsName")
	add("1.2.840.113549.1.9", 1, "emailAddress", "unstructuredName", "contentType",
		"messageDigest", "signingTime", "countersignature", "challengePassword",
		"unstructuredAddress", "extendedCertificateAttributes")
	add("1.2.840.113549.1.9", 14, "extReq")
	add("0.9.2342.19200300.100.1", 1, "UID", "textEncodedORAddress", "mail", "info",
		"favouriteDrink", "roomNumber", "photo", "userClass", "host", "manager",
		"documentIdentifier", "documentTitle", "documentVersion", "documentAuthor",
		"documentLocation", "", "", "", "", "homeTelephoneNumber", "secretary", "otherMailbox", "",
		"", "DC", "aRecord", "pilotAttributeType27", "mXRecord", "nSRecord", "sOARecord",
		"cNAMERecord", "", "", "", "", "", "associatedDomain", "associatedName",
		"homePostalAddress", "personalTitle", "mobileTelephoneNumber", "pagerTelephoneNumber",
		"friendlyCountryName", "uid", "organizationalStatus", "janetMailbox",
		"mailPreferenceOption", "buildingName", "dSAQuality", "singleLevelQuality",
		"subtreeMinimumQuality", "subtreeMaximumQuality", "personalSignature", "dITRedirect",
		"audio", "documentPublisher")
	add("1.3.6.1.4.1.311.60.2.1", 1, "jurisdictionL", "jurisdictionST", "jurisdictionC")
	add("1.3.6.1.5.5.7.9", 1, "id-pda-dateOfBirth", "id-pda-placeOfBirth", "id-pda-gender",
		"id-pda-countryOfCitizenship", "id-pda-countryOfResidence")
	add("1.2.643.3.131.1", 1, "INN")
	add("1.2.643.100", 1, "OGRN", "", "SNILS", "", "OGRNIP")
	return m
}}

// rdnName is the short name node prints for a name attribute's type.
func rdnName(oid asn1.ObjectIdentifier) string {
	s := oid.String()
	if n, ok := rdnNames.Get()[s]; ok {
		return n
	}
	return s
}

// nameAttr is one attribute of a certificate's name: its type and its value as encoded.
type nameAttr struct {
	Type  asn1.ObjectIdentifier
	Value asn1.RawValue
}

// nameRDNs reads a Name (its DER) into its relative distinguished names, in order, each the
// attributes of its SET; nil for DER that is no name.
func nameRDNs(der []byte) [][]nameAttr {
	var rdns [][]nameAttr
	for _, set := range generalNames(der) { // (a SEQUENCE OF SET, read as raw values)
		var r []nameAttr
		in := set.Bytes
		for len(in) > 0 {
			var a nameAttr
			var err error
			if in, err = asn1.Unmarshal(in, &a); err != nil {
				return nil
			}
			r = append(r, a)
		}
		rdns = append(rdns, r)
	}
	return rdns
}

// attrText is an attribute value's text as OpenSSL converts it to UTF-8 (ASN1_STRING_to_UTF8
// and the printing of names): a UTF8String as it is, a BMPString and a UniversalString decoded,
// any other value's bytes taken as Latin-1 characters.
func attrText(v asn1.RawValue) string {
	b := v.Bytes
	if v.Class == asn1.ClassUniversal {
		switch v.Tag {
		case asn1.TagUTF8String:
			return string(b)
		case asn1.TagBMPString:
			u := make([]uint16, len(b)/2)
			for j := range u {
				u[j] = uint16(b[2*j])<<8 | uint16(b[2*j+1])
			}
			return string(utf16.Decode(u))
		case 28: // UniversalString
			r := make([]rune, len(b)/4)
			for j := range r {
				r[j] = rune(b[4*j])<<24 | rune(b[4*j+1])<<16 | rune(b[4*j+2])<<8 | rune(b[4*j+3])
			}
			return string(r)
		}
	}
	r := make([]rune, len(b))
	for j, c := range b {
		r[j] = rune(c)
	}
	return string(r)
}

// formatName prints a Name (its DER) as node's X509Certificate subject and issuer: OpenSSL's
// X509_NAME_print_ex with node's multiline flags: one line per RDN, the attributes of a
// multi-valued one joined by " + ", short names, values escaped as RFC 2253 says (a backslash
// before ,+"\<>; a leading space or # and a trailing space) and control characters as \XX.
func formatName(der []byte) string {
	var sb strings.Builder
	for i, rdn := range nameRDNs(der) {
		if i > 0 {
			sb.WriteByte('\n')
		}
		for k, a := range rdn {
			if k > 0 {
				sb.WriteString(" + ")
			}
			sb.WriteString(rdnName(a.Type))
			sb.WriteByte('=')
			sb.WriteString(escape2253(attrText(a.Value), true))
		}
	}
	return sb.String()
}

// nameObject is a certificate name as node's legacy certificate objects show it: a null-prototype
// object of short names in the name's order, a name given more than once as an array, the
// values as UTF-8 without escapes.
func nameObject(vm *goja.Runtime, raw []byte) *goja.Object {
	o := vm.NewObject()
	o.SetPrototype(nil)
	var order []string
	vals := map[string][]any{}
	for _, rdn := range nameRDNs(raw) {
		for _, a := range rdn {
			name := rdnName(a.Type)
			if _, seen := vals[name]; !seen {
				order = append(order, name)
			}
			vals[name] = append(vals[name], attrText(a.Value))
		}
	}
	for _, n := range order {
		if len(vals[n]) == 1 {
			o.Set(n, vals[n][0])
		} else {
			o.Set(n, vm.NewArray(vals[n]...))
		}
	}
	return o
}
