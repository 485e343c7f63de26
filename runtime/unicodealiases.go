package runtime

import (
	"unicode"

	"github.com/gojs-dev/gojs/modules"
)

// The names a Unicode property escape may use that Go's unicode package does not spell: the
// binary properties ECMAScript (and V8) accept, by name and short alias, and the short script
// codes of \p{sc=Grek} (PropertyValueAliases.txt). Other binary properties Go has (Hyphen,
// Other_Math...) are not ECMAScript's, and V8 refuses them, as it refuses a bare script name.

var binaryProperties = modules.Lazy[map[string]*unicode.RangeTable]{Build: func() map[string]*unicode.RangeTable {
	m := map[string]*unicode.RangeTable{}
	for _, p := range []struct {
		t     *unicode.RangeTable
		names []string
	}{
		{unicode.ASCII_Hex_Digit, []string{"ASCII_Hex_Digit", "AHex"}},
		{unicode.Bidi_Control, []string{"Bidi_Control", "Bidi_C"}},
		{unicode.Dash, []string{"Dash"}},
		{unicode.Deprecated, []string{"Deprecated", "Dep"}},
		{unicode.Diacritic, []string{"Diacritic", "Dia"}},
		{unicode.Extender, []string{"Extender", "Ext"}},
		{unicode.Hex_Digit, []string{"Hex_Digit", "Hex"}},
		{unicode.IDS_Binary_Operator, []string{"IDS_Binary_Operator", "IDSB"}},
		{unicode.IDS_Trinary_Operator, []string{"IDS_Trinary_Operator", "IDST"}},
		{unicode.Ideographic, []string{"Ideographic", "Ideo"}},
		{unicode.Join_Control, []string{"Join_Control", "Join_C"}},
		{unicode.Logical_Order_Exception, []string{"Logical_Order_Exception", "LOE"}},
		{unicode.Noncharacter_Code_Point, []string{"Noncharacter_Code_Point", "NChar"}},
		{unicode.Pattern_Syntax, []string{"Pattern_Syntax", "Pat_Syn"}},
		{unicode.Pattern_White_Space, []string{"Pattern_White_Space", "Pat_WS"}},
		{unicode.Quotation_Mark, []string{"Quotation_Mark", "QMark"}},
		{unicode.Radical, []string{"Radical"}},
		{unicode.Regional_Indicator, []string{"Regional_Indicator", "RI"}},
		{unicode.Sentence_Terminal, []string{"Sentence_Terminal", "STerm"}},
		{unicode.Soft_Dotted, []string{"Soft_Dotted", "SD"}},
		{unicode.Terminal_Punctuation, []string{"Terminal_Punctuation", "Term"}},
		{unicode.Unified_Ideograph, []string{"Unified_Ideograph", "UIdeo"}},
		{unicode.Variation_Selector, []string{"Variation_Selector", "VS"}},
		{unicode.White_Space, []string{"White_Space", "space", "WSpace"}},
	} {
		for _, n := range p.names {
			m[n] = p.t
		}
	}
	return m
}}

// scriptCodes maps each script's four-letter code to Go's (and Unicode's) long name.
var scriptCodes = modules.Lazy[map[string]string]{Build: func() map[string]string {
	return map[string]string{
		"Adlm": "Adlam", "Aghb": "Caucasian_Albanian", "Ahom": "Ahom", "Arab": "Arabic",
		"Armi": "Imperial_Aramaic", "Armn": "Armenian", "Avst": "Avestan", "Bali": "Balinese",
		"Bamu": "Bamum", "Bass": "Bassa_Vah", "Batk": "Batak", "Beng": "Bengali",
		"Bhks": "Bhaiksuki", "Bopo": "Bopomofo", "Brah": "Brahmi", "Brai": "Braille",
		"Bugi": "Buginese", "Buhd": "Buhid", "Cakm": "Chakma", "Cans": "Canadian_Aboriginal",
		"Cari": "Carian", "Cham": "Cham", "Cher": "Cherokee", "Chrs": "Chorasmian",
		"Copt": "Coptic", "Qaac": "Coptic", "Cpmn": "Cypro_Minoan", "Cprt": "Cypriot",
		"Cyrl": "Cyrillic", "Deva": "Devanagari", "Diak": "Dives_Akuru", "Dogr": "Dogra",
		"Dsrt": "Deseret", "Dupl": "Duployan", "Egyp": "Egyptian_Hieroglyphs", "Elba": "Elbasan",
		"Elym": "Elymaic", "Ethi": "Ethiopic", "Geor": "Georgian", "Glag": "Glagolitic",
		"Gong": "Gunjala_Gondi", "Gonm": "Masaram_Gondi", "Goth": "Gothic", "Gran": "Grantha",
		"Grek": "Greek", "Gujr": "Gujarati", "Guru": "Gurmukhi", "Hang": "Hangul",
		"Hani": "Han", "Hano": "Hanunoo", "Hatr": "Hatran", "Hebr": "Hebrew",
		"Hira": "Hiragana", "Hluw": "Anatolian_Hieroglyphs", "Hmng": "Pahawh_Hmong",
		"Hmnp": "Nyiakeng_Puachue_Hmong", "Hung": "Old_Hungarian", "Ital": "Old_Italic",
		"Java": "Javanese", "Kali": "Kayah_Li", "Kana": "Katakana", "Kawi": "Kawi",
		"Khar": "Kharoshthi", "Khmr": "Khmer", "Khoj": "Khojki", "Kits": "Khitan_Small_Script",
		"Knda": "Kannada", "Kthi": "Kaithi", "Lana": "Tai_Tham", "Laoo": "Lao",
		"Latn": "Latin", "Lepc": "Lepcha", "Limb": "Limbu", "Lina": "Linear_A",
		"Linb": "Linear_B", "Lisu": "Lisu", "Lyci": "Lycian", "Lydi": "Lydian",
		"Mahj": "Mahajani", "Maka": "Makasar", "Mand": "Mandaic", "Mani": "Manichaean",
		"Marc": "Marchen", "Medf": "Medefaidrin", "Mend": "Mende_Kikakui", "Merc": "Meroitic_Cursive",
		"Mero": "Meroitic_Hieroglyphs", "Mlym": "Malayalam", "Modi": "Modi", "Mong": "Mongolian",
		"Mroo": "Mro", "Mtei": "Meetei_Mayek", "Mult": "Multani", "Mymr": "Myanmar",
		"Nagm": "Nag_Mundari", "Nand": "Nandinagari", "Narb": "Old_North_Arabian", "Nbat": "Nabataean",
		"Newa": "Newa", "Nkoo": "Nko", "Nshu": "Nushu", "Ogam": "Ogham",
		"Olck": "Ol_Chiki", "Orkh": "Old_Turkic", "Orya": "Oriya", "Osge": "Osage",
		"Osma": "Osmanya", "Ougr": "Old_Uyghur", "Palm": "Palmyrene", "Pauc": "Pau_Cin_Hau",
		"Perm": "Old_Permic", "Phag": "Phags_Pa", "Phli": "Inscriptional_Pahlavi", "Phlp": "Psalter_Pahlavi",
		"Phnx": "Phoenician", "Plrd": "Miao", "Prti": "Inscriptional_Parthian", "Rjng": "Rejang",
		"Rohg": "Hanifi_Rohingya", "Runr": "Runic", "Samr": "Samaritan", "Sarb": "Old_South_Arabian",
		"Saur": "Saurashtra", "Sgnw": "SignWriting", "Shaw": "Shavian", "Shrd": "Sharada",
		"Sidd": "Siddham", "Sind": "Khudawadi", "Sinh": "Sinhala", "Sogd": "Sogdian",
		"Sogo": "Old_Sogdian", "Sora": "Sora_Sompeng", "Soyo": "Soyombo", "Sund": "Sundanese",
		"Sylo": "Syloti_Nagri", "Syrc": "Syriac", "Tagb": "Tagbanwa", "Takr": "Takri",
		"Tale": "Tai_Le", "Talu": "New_Tai_Lue", "Taml": "Tamil", "Tang": "Tangut",
		"Tavt": "Tai_Viet", "Telu": "Telugu", "Tfng": "Tifinagh", "Tglg": "Tagalog",
		"Thaa": "Thaana", "Thai": "Thai", "Tibt": "Tibetan", "Tirh": "Tirhuta",
		"Tnsa": "Tangsa", "Toto": "Toto", "Ugar": "Ugaritic", "Vaii": "Vai",
		"Vith": "Vithkuqi", "Wara": "Warang_Citi", "Wcho": "Wancho", "Xpeo": "Old_Persian",
		"Xsux": "Cuneiform", "Yezi": "Yezidi", "Yiii": "Yi", "Zanb": "Zanabazar_Square",
		"Zinh": "Inherited", "Qaai": "Inherited", "Zyyy": "Common",
	}
}}

// scriptTable is the script named (long name or four-letter code), or false.
func scriptTable(name string) (*unicode.RangeTable, bool) {
	if long, ok := scriptCodes.Get()[name]; ok {
		name = long
	}
	t, ok := unicode.Scripts[name]
	return t, ok
}
