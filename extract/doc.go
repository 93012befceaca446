package extract

// The API the stages and the command use (implemented across this package):
//
//	func Open(path string, opts Options) (*Doc, error)                  // open.go
//	func NewReader(r io.ReaderAt, size int64, opts Options) (*Doc, error) // open.go
//	func (d *Doc) Info() Info                                           // page.go
//	func (d *Doc) NumPages() int                                        // page.go
//	func (d *Doc) Page(n int) (*Page, error)                            // page.go: 1-based, one page at a time
//	func (d *Doc) ReadAll() ([]*Page, error)                            // open.go: all pages, ErrNoTextLayer when none has text
//	func (d *Doc) ReadPagesContext(ctx, progress) ([]*Page, error)      // open.go: stops when ctx is done

// Options tune Open.
type Options struct {
	Password string // user or owner password for encrypted files ("" tries the empty one)
	Limits   Limits // bounds on work and memory; zero fields take DefaultLimits (limits.go)
}
