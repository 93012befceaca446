package main

import (
	"fmt"
	"io"
	"runtime/debug"
)

// runVersion is `budgetpdf version`: the module version and the VCS
// revision of the build, from the binary's build information.
func runVersion(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		return fail(stderr, "", usageErrorf("version takes no arguments, got %q", args[0]))
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		info = nil
	}
	fmt.Fprint(stdout, versionText(info))
	return 0
}

// versionText is what version prints for the build information: the
// module path and version, the revision and its time, "modified" when the
// tree had uncommitted changes, and the Go version.
func versionText(info *debug.BuildInfo) string {
	if info == nil {
		return "budgetpdf: no build information in this binary\n"
	}
	version := info.Main.Version
	if version == "" {
		version = "(unknown)"
	}
	path := info.Main.Path
	if path == "" {
		path = info.Path
	}
	s := fmt.Sprintf("budgetpdf %s (%s)\n", version, path)
	settings := map[string]string{}
	for _, kv := range info.Settings {
		settings[kv.Key] = kv.Value
	}
	if rev := settings["vcs.revision"]; rev != "" {
		s += fmt.Sprintf("revision %s", rev)
		if t := settings["vcs.time"]; t != "" {
			s += " " + t
		}
		if settings["vcs.modified"] == "true" {
			s += " modified"
		}
		s += "\n"
	} else {
		s += "revision unknown (not built from a VCS checkout)\n"
	}
	return s + info.GoVersion + "\n"
}
