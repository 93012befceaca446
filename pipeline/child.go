package pipeline

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"time"

	"github.com/budgetpdf/budgetpdf/extract"
	"github.com/budgetpdf/budgetpdf/schema"
)

// ChildCommand is the hidden command of budgetpdf that runs one isolated
// conversion (ServeChild); ConvertInChild starts the running executable
// with it.
const ChildCommand = "__convert-child"

// childRequest is the first line of a child's stdin; the file's bytes
// follow it.
type childRequest struct {
	Path     string `json:"path"`
	SHA256   string `json:"sha256"`
	Password string `json:"password,omitempty"`
	MaxPages int    `json:"max_pages,omitempty"`
	Pages    string `json:"pages,omitempty"` // Options.Pages as a list; "" for all
}

// childResult is the one JSON record a child writes to its stdout: the
// document, or the failure with its code.
type childResult struct {
	Failure  *Failure        `json:"failure,omitempty"`
	Document json.RawMessage `json:"document,omitempty"`
}

// ServeChild is the child's side of ConvertInChild: it reads the request
// and the file's bytes from stdin, converts them and writes the result
// record to stdout. It returns the process's exit code: 0 when a record was
// written, whatever it says.
func ServeChild(stdin io.Reader, stdout io.Writer) int {
	r := bufio.NewReader(stdin)
	var req childRequest
	line, err := r.ReadBytes('\n')
	if err == nil {
		err = json.Unmarshal(line, &req)
	}
	var data []byte
	if err == nil {
		data, err = io.ReadAll(r)
	}
	var pages extract.PageSet
	if err == nil && req.Pages != "" {
		pages, err = extract.ParsePageSet(req.Pages)
	}
	var res childResult
	if err != nil {
		res.Failure = fail(req.Path, fmt.Errorf("%w: isolate: reading the request: %v", ErrInternal, err)).(*Failure)
	} else if doc, err := ConvertFiles([]File{{Path: req.Path, Data: data, SHA256: req.SHA256}}, Options{Password: req.Password, Workers: 1, MaxPages: req.MaxPages, Pages: pages}); err != nil { // batch runs children in parallel
		res.Failure = fail(req.Path, err).(*Failure)
	} else {
		var buf bytes.Buffer
		if err := schema.WriteJSON(&buf, doc); err != nil {
			res.Failure = fail(req.Path, err).(*Failure)
		} else {
			res.Document = buf.Bytes()
		}
	}
	if err := json.NewEncoder(stdout).Encode(res); err != nil {
		fmt.Fprintf(os.Stderr, "budgetpdf: %s: writing the result: %v\n", ChildCommand, err)
		return 1
	}
	return 0
}

// executable is the program ConvertInChild starts (tests replace it).
var executable = os.Executable

// ConvertInChild converts f in a child process (the running executable's
// ChildCommand), which is killed when ctx ends, so that a file that hangs
// costs nothing after its timeout. The child gets the bytes on its stdin and
// hands back a document or a *Failure with its code; a child that dies
// without a record is an internal failure. When ctx ends first it returns
// ctx.Err().
func ConvertInChild(ctx context.Context, f File, opts Options) (*schema.Document, error) {
	exe, err := executable()
	if err != nil {
		return nil, fail(f.Path, fmt.Errorf("%w: isolate: %v", ErrInternal, err))
	}
	req, err := json.Marshal(childRequest{Path: f.Path, SHA256: f.sum(), Password: opts.Password, MaxPages: opts.MaxPages, Pages: pageList(opts.Pages)})
	if err != nil {
		return nil, fail(f.Path, fmt.Errorf("%w: isolate: %v", ErrInternal, err))
	}
	var out bytes.Buffer
	errOut := &headWriter{max: 4 << 10}
	cmd := exec.CommandContext(ctx, exe, ChildCommand)
	cmd.Stdin = io.MultiReader(bytes.NewReader(append(req, '\n')), bytes.NewReader(f.Data))
	cmd.Stdout, cmd.Stderr = &out, errOut
	cmd.WaitDelay = time.Second // a grandchild holding the pipes does not hold the parent
	unlock := ownGroup(cmd)
	runErr := cmd.Run()
	unlock()
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	var res childResult
	if err := json.Unmarshal(out.Bytes(), &res); err != nil || (res.Failure == nil && res.Document == nil) {
		return nil, fail(f.Path, fmt.Errorf("%w: %s", ErrInternal, crashed(runErr, errOut.first())))
	}
	if res.Failure != nil {
		res.Failure.File = f.Path
		return nil, res.Failure
	}
	var doc schema.Document
	if err := json.Unmarshal(res.Document, &doc); err != nil {
		return nil, fail(f.Path, fmt.Errorf("%w: isolate: reading the child's document: %v", ErrInternal, err))
	}
	return &doc, nil
}

// crashed words a child's end without a record: "child crashed (signal 9,
// killed)" or "(exit 2)", then the first line it printed (a Go runtime
// names the fatal error there, not in the trace's last line).
func crashed(runErr error, first string) string {
	why := "no result"
	if ee, ok := errors.AsType[*exec.ExitError](runErr); ok {
		if sig, ok := exitSignal(ee.ProcessState); ok {
			why = fmt.Sprintf("signal %d, %s", int(sig), sig)
		} else {
			why = fmt.Sprintf("exit %d", ee.ExitCode())
		}
	} else if runErr != nil {
		why = runErr.Error()
	}
	msg := "child crashed (" + why + ")"
	if first != "" {
		msg += ": " + extract.Sanitize(first, 160)
	}
	return msg
}

// headWriter keeps the first max bytes written to it.
type headWriter struct {
	max int
	buf []byte
}

func (w *headWriter) Write(p []byte) (int, error) {
	if room := w.max - len(w.buf); room > 0 {
		w.buf = append(w.buf, p[:min(room, len(p))]...)
	}
	return len(p), nil
}

// first is the first line that is not blank.
func (w *headWriter) first() string {
	for line := range strings.SplitSeq(string(w.buf), "\n") {
		if s := strings.TrimSpace(line); s != "" {
			return s
		}
	}
	return ""
}

// pageList is ps as a child request carries it: "" for every page.
func pageList(ps extract.PageSet) string {
	if ps.All() {
		return ""
	}
	return ps.String()
}
