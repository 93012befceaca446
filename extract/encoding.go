package extract

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// Simple-font encodings: a base encoding (WinAnsi, MacRoman, Standard) and
// /Differences glyph names, mapped to Unicode.

// baseEncoding returns the text of each code under a named base encoding.
// Codes the encoding leaves undefined are "".
func baseEncoding(name string) [256]string {
	var t [256]string
	switch name {
	case "MacRomanEncoding":
		for c := 0x20; c < 256; c++ {
			t[c] = string(charmap.Macintosh.DecodeByte(byte(c)))
		}
		t[0x7f] = ""
	case "StandardEncoding":
		for c := 0x20; c < 0x7f; c++ {
			t[c] = string(rune(c))
		}
		t[0x27] = "’"
		t[0x60] = "‘"
		for c, s := range standardHigh {
			t[c] = s
		}
	default: // WinAnsiEncoding, and the fallback for anything unknown
		for c := 0x20; c < 256; c++ {
			r := charmap.Windows1252.DecodeByte(byte(c))
			if r == utf8.RuneError || (r >= 0x80 && r < 0xa0) {
				continue
			}
			t[c] = string(r)
		}
		t[0x7f] = ""
		t[0xa0] = " "
		t[0xad] = "-"
	}
	return t
}

var standardHigh = map[int]string{
	0xa1: "¡", 0xa2: "¢", 0xa3: "£", 0xa4: "⁄", 0xa5: "¥", 0xa6: "ƒ", 0xa7: "§",
	0xa8: "¤", 0xa9: "'", 0xaa: "“", 0xab: "«", 0xac: "‹", 0xad: "›", 0xae: "fi",
	0xaf: "fl", 0xb1: "–", 0xb2: "†", 0xb3: "‡", 0xb4: "·", 0xb6: "¶", 0xb7: "•",
	0xb8: "‚", 0xb9: "„", 0xba: "”", 0xbb: "»", 0xbc: "…", 0xbd: "‰", 0xbf: "¿",
	0xc1: "`", 0xc2: "´", 0xc3: "ˆ", 0xc4: "˜", 0xc5: "¯", 0xc6: "˘", 0xc7: "˙",
	0xc8: "¨", 0xca: "˚", 0xcb: "¸", 0xcd: "˝", 0xce: "˛", 0xcf: "ˇ", 0xd0: "—",
	0xe1: "Æ", 0xe3: "ª", 0xe8: "Ł", 0xe9: "Ø", 0xea: "Œ", 0xeb: "º", 0xf1: "æ",
	0xf5: "ı", 0xf8: "ł", 0xf9: "ø", 0xfa: "œ", 0xfb: "ß",
}

// glyphNames maps the glyph names producers use in /Differences (beyond
// single letters and uniXXXX forms) to their text.
var glyphNames = map[string]string{
	"space": " ", "exclam": "!", "quotedbl": "\"", "numbersign": "#", "dollar": "$",
	"percent": "%", "ampersand": "&", "quotesingle": "'", "parenleft": "(",
	"parenright": ")", "asterisk": "*", "plus": "+", "comma": ",", "hyphen": "-",
	"period": ".", "slash": "/", "zero": "0", "one": "1", "two": "2", "three": "3",
	"four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9",
	"colon": ":", "semicolon": ";", "less": "<", "equal": "=", "greater": ">",
	"question": "?", "at": "@", "bracketleft": "[", "backslash": "\\",
	"bracketright": "]", "asciicircum": "^", "underscore": "_", "grave": "`",
	"braceleft": "{", "bar": "|", "braceright": "}", "asciitilde": "~",
	"quoteleft": "‘", "quoteright": "’", "quotedblleft": "“", "quotedblright": "”",
	"quotesinglbase": "‚", "quotedblbase": "„", "bullet": "•", "endash": "–",
	"emdash": "—", "ellipsis": "…", "degree": "°", "copyright": "©",
	"registered": "®", "trademark": "™", "section": "§", "paragraph": "¶",
	"periodcentered": "·", "middot": "·", "multiply": "×", "divide": "÷",
	"plusminus": "±", "yen": "¥", "sterling": "£", "cent": "¢", "Euro": "€",
	"minus": "−", "fi": "fi", "fl": "fl", "nbspace": " ", "nonbreakingspace": " ",
	"sfthyphen": "-", "softhyphen": "-", "dagger": "†", "daggerdbl": "‡",
	"perthousand": "‰", "guillemotleft": "«", "guillemotright": "»",
	"guilsinglleft": "‹", "guilsinglright": "›", "exclamdown": "¡",
	"questiondown": "¿", "florin": "ƒ", "fraction": "⁄", "currency": "¤",
	"brokenbar": "¦", "dieresis": "¨", "ordfeminine": "ª", "ordmasculine": "º",
	"logicalnot": "¬", "macron": "¯", "acute": "´", "mu": "µ", "cedilla": "¸",
	"onesuperior": "¹", "twosuperior": "²", "threesuperior": "³",
	"onequarter": "¼", "onehalf": "½", "threequarters": "¾", "germandbls": "ß",
	"circumflex": "ˆ", "tilde": "˜", "dotlessi": "ı", "arrowright": "→",
	"arrowleft": "←", "arrowup": "↑", "arrowdown": "↓", "checkmark": "✓",
	"square": "□", "circle": "○", "triangle": "△", "lozenge": "◊",
}

// latinAccents maps the glyph names of the accented Latin-1 letters to
// their text: the capitals as listed, the small letters (0x20 above them)
// by the same names in lower case.
var latinAccents = func() map[string]string {
	capitals := map[rune]string{
		'À': "Agrave", 'Á': "Aacute", 'Â': "Acircumflex", 'Ã': "Atilde", 'Ä': "Adieresis",
		'Å': "Aring", 'Æ': "AE", 'Ç': "Ccedilla", 'È': "Egrave", 'É': "Eacute",
		'Ê': "Ecircumflex", 'Ë': "Edieresis", 'Ì': "Igrave", 'Í': "Iacute",
		'Î': "Icircumflex", 'Ï': "Idieresis", 'Ñ': "Ntilde", 'Ò': "Ograve",
		'Ó': "Oacute", 'Ô': "Ocircumflex", 'Õ': "Otilde", 'Ö': "Odieresis",
		'Ø': "Oslash", 'Ù': "Ugrave", 'Ú': "Uacute", 'Û': "Ucircumflex",
		'Ü': "Udieresis", 'Ý': "Yacute",
	}
	m := map[string]string{}
	for r, name := range capitals {
		m[name] = string(r)
		m[strings.ToLower(name[:1])+name[1:]] = string(r + 0x20)
	}
	m["ae"] = "æ"
	return m
}()

// glyphNameText maps a glyph name to its text, or "" when unknown.
func glyphNameText(name string) string {
	if i := strings.IndexByte(name, '.'); i > 0 {
		name = name[:i]
	}
	if len(name) == 1 && name[0] > ' ' && name[0] < 0x7f {
		return name
	}
	if t, ok := glyphNames[name]; ok {
		return t
	}
	if t, ok := latinAccents[name]; ok {
		return t
	}
	// uniXXXX (one or more code points), uXXXX[XX]
	if strings.HasPrefix(name, "uni") && len(name) >= 7 && (len(name)-3)%4 == 0 {
		var b strings.Builder
		for i := 3; i+4 <= len(name); i += 4 {
			v, err := strconv.ParseUint(name[i:i+4], 16, 32)
			if err != nil {
				return ""
			}
			b.WriteRune(rune(v))
		}
		return b.String()
	}
	if name[0] == 'u' && len(name) >= 5 && len(name) <= 7 {
		if v, err := strconv.ParseUint(name[1:], 16, 32); err == nil && v <= 0x10ffff {
			return string(rune(v))
		}
	}
	return ""
}
