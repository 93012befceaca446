package pipeline

import (
	"bytes"
	"context"
	"errors"
	"os"
	"testing"
	"time"

	"github.com/budgetpdf/budgetpdf/schema"
)

// TestMain lets the test binary serve as the isolated child, as budgetpdf
// does (ConvertInChild starts the running executable).
func TestMain(m *testing.M) {
	if len(os.Args) > 1 && os.Args[1] == ChildCommand {
		os.Exit(ServeChild(os.Stdin, os.Stdout))
	}
	os.Exit(m.Run())
}

// TestConvertInChild: the child's document is the in-process one, byte for
// byte once written; its failure arrives as a typed record with the code,
// the message and the file, as in process.
func TestConvertInChild(t *testing.T) {
	seed, err := ReadFile(seedDump)
	if err != nil {
		t.Fatal(err)
	}
	want, err := ConvertFiles([]File{seed}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	got, err := ConvertInChild(context.Background(), seed, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var a, b bytes.Buffer
	if err := schema.WriteJSON(&a, want); err != nil {
		t.Fatal(err)
	}
	if err := schema.WriteJSON(&b, got); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("the child's document differs from the in-process one")
	}

	bad := File{Path: "dir/junk.pdf", Data: []byte("<html>junk</html>")}
	_, inErr := ConvertFiles([]File{bad}, Options{})
	_, childErr := ConvertInChild(context.Background(), bad, Options{})
	f, ok := errors.AsType[*Failure](childErr)
	if !ok || f.File != bad.Path || Code(childErr) != CodeNotPDF || Exit(childErr) != 3 ||
		childErr.Error() != inErr.Error() || Reason(childErr) != Reason(inErr) {
		t.Errorf("child: %#v; in process: %v", childErr, inErr)
	}
}

// TestConvertInChildEnds: a child past its time is killed (ctx's error), a
// child that dies without a record is an internal failure.
func TestConvertInChildEnds(t *testing.T) {
	seed, err := ReadFile(seedDump)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Nanosecond)
	defer cancel()
	<-ctx.Done()
	if _, err := ConvertInChild(ctx, seed, Options{}); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("past the deadline: %v", err)
	}

	executable = func() (string, error) { return "/bin/false", nil }
	defer func() { executable = os.Executable }()
	if _, err := os.Stat("/bin/false"); err != nil {
		t.Skip("no /bin/false")
	}
	_, err = ConvertInChild(context.Background(), seed, Options{})
	if Code(err) != CodeInternal || !errors.Is(err, ErrInternal) {
		t.Errorf("a child dying without a record: %v (%s)", err, Code(err))
	}
}
