package extract

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

func TestZZFonts(t *testing.T) {
	m, _ := filepath.Glob("../../shared/corpus/national/*/*.pdf")
	tot, totp := 0, 0
	for _, f := range m {
		d, _ := os.ReadFile(f)
		doc, err := openBytes(d, Options{})
		if err != nil {
			continue
		}
		for n := 1; n <= doc.NumPages(); n++ {
			doc.Page(n)
		}
		tot += len(doc.fonts)
		totp += doc.NumPages()
		if len(doc.fonts) > 3*doc.NumPages()/2 {
			fmt.Println(filepath.Base(f), doc.NumPages(), len(doc.fonts))
		}
	}
	fmt.Println("fonts", tot, "pages", totp)
}
