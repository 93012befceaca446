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
	var res childResult
	if err != nil {
		res.Failure = fail(req.Path, fmt.Errorf("%w: isolate: reading the request: %v", ErrInternal, err)).(*Failure)
	} else if doc, err := ConvertFiles([]File{{Path: req.Path, Data: data, SHA256: req.SHA256}}, Options{Password: req.Password, Workers: 1}); err != nil { // batch runs children in parallel
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
	req, err := json.Marshal(childRequest{Path: f.Path, SHA256: f.sum(), Password: opts.Password})
	if err != nil {
		return nil, fail(f.Path, fmt.Errorf("%w: isolate: %v", ErrInternal, err))
	}
	var out, errOut bytes.Buffer
	cmd := exec.CommandContext(ctx, exe, ChildCommand)
	cmd.Stdin = io.MultiReader(bytes.NewReader(append(req, '\n')), bytes.NewReader(f.Data))
	cmd.Stdout, cmd.Stderr = &out, &errOut
	runErr := cmd.Run()
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	var res childResult
	if err := json.Unmarshal(out.Bytes(), &res); err != nil || (res.Failure == nil && res.Document == nil) {
		why := runErr
		if why == nil {
			why = errors.New("no result")
		}
		msg := strings.TrimSpace(errOut.String())
		if i := strings.LastIndexByte(msg, '\n'); i >= 0 {
			msg = msg[i+1:]
		}
		return nil, fail(f.Path, fmt.Errorf("%w: isolate: the child died: %v %s", ErrInternal, why, msg))
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
