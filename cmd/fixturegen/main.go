// Command fixturegen rebuilds the fixture corpus: it prints every budget of
// fixtures/data with every registered producer, writes each PDF's truth
// file, and then runs the registered variant makers.
//
//	go run ./cmd/fixturegen -out fixtures            # everything
//	go run ./cmd/fixturegen -out fixtures -synth     # also rewrite the synthetic data files first
//	go run ./cmd/fixturegen -out fixtures -only luliang-2023   # one budget, no variants
//	go run ./cmd/fixturegen -out fixtures -variants-only       # variants of the files already built
//	go run ./cmd/fixturegen -out fixtures -retruth             # truth files again, same PDFs and pages
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/budgetpdf/budgetpdf/fixtures"
)

func main() {
	out := flag.String("out", "fixtures", "the fixtures directory (data/ in, pdf/ and truth/ out)")
	synth := flag.Bool("synth", false, "regenerate the synthetic data files before printing")
	only := flag.String("only", "", "print only the budget with this name")
	producer := flag.String("producer", "", "run only the producer with this name")
	variants := flag.Bool("variants", true, "run the variant makers after the producers")
	variantsOnly := flag.Bool("variants-only", false, "run only the variant makers, over the files already built")
	retruth := flag.Bool("retruth", false, "only rewrite the truth files of the PDFs already built, keeping their pages")
	flag.Parse()
	if flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: fixturegen [-out DIR] [-synth] [-only NAME] [-producer NAME] [-variants=false] [-variants-only] [-retruth]")
		os.Exit(2)
	}
	if *retruth {
		if err := rewriteTruth(*out); err != nil {
			fmt.Fprintln(os.Stderr, "fixturegen:", err)
			os.Exit(1)
		}
		return
	}
	if err := run(*out, *synth, *only, *producer, *variants, *variantsOnly); err != nil {
		fmt.Fprintln(os.Stderr, "fixturegen:", err)
		os.Exit(1)
	}
}

func run(out string, synth bool, only, producer string, variants, variantsOnly bool) error {
	data := filepath.Join(out, "data")
	if synth {
		paths, err := fixtures.WriteSynth(data)
		if err != nil {
			return err
		}
		for _, p := range paths {
			fmt.Println("wrote", p)
		}
	}
	budgets, err := fixtures.LoadAll(data)
	if err != nil {
		return err
	}
	var built []fixtures.Built
	if variantsOnly {
		built, err = fixtures.Existing(out, budgets)
	} else {
		built, err = fixtures.Build(out, budgets, only, producer)
		for _, b := range built {
			fmt.Println("built", b.PDF, b.Truth)
		}
	}
	if err != nil {
		return err
	}
	if !variants || only != "" || producer != "" {
		return nil
	}
	for _, v := range fixtures.SortedVariants() {
		fmt.Println("variant", v.Name)
		if err := v.Make(out, built); err != nil {
			return fmt.Errorf("variant %s: %w", v.Name, err)
		}
	}
	return nil
}

func rewriteTruth(out string) error {
	budgets, err := fixtures.LoadAll(filepath.Join(out, "data"))
	if err != nil {
		return err
	}
	done, err := fixtures.Retruth(out, budgets)
	for _, p := range done {
		fmt.Println("rewrote", p)
	}
	return err
}
