package main

import (
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// k8sJob is the part of a Kubernetes Job manifest the deploy test reads.
type k8sJob struct {
	Kind string `yaml:"kind"`
	Spec struct {
		CompletionMode string `yaml:"completionMode"`
		Completions    int    `yaml:"completions"`
		Parallelism    int    `yaml:"parallelism"`
		Template       struct {
			Spec struct {
				Containers []struct {
					Args []string `yaml:"args"`
					Env  []struct {
						Name      string `yaml:"name"`
						ValueFrom struct {
							FieldRef struct {
								FieldPath string `yaml:"fieldPath"`
							} `yaml:"fieldRef"`
						} `yaml:"valueFrom"`
					} `yaml:"env"`
				} `yaml:"containers"`
			} `yaml:"spec"`
		} `yaml:"template"`
	} `yaml:"spec"`
}

func readJob(t *testing.T, name string) k8sJob {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(moduleRoot(t), "deploy", "k8s", name))
	if err != nil {
		t.Fatal(err)
	}
	var j k8sJob
	if err := yaml.Unmarshal(data, &j); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if j.Kind != "Job" || len(j.Spec.Template.Spec.Containers) != 1 {
		t.Fatalf("%s: kind %q, %d containers; want one Job container", name, j.Kind, len(j.Spec.Template.Spec.Containers))
	}
	return j
}

// TestDeployManifests: deploy/k8s/job.yaml is an Indexed Job whose
// command, for each completion index, is a batch command line budgetpdf
// accepts, with --shard INDEX/N where N is completions, each shard writing
// its own output folder and SQLite file; merge.yaml's db merge joins
// exactly those files.
func TestDeployManifests(t *testing.T) {
	j := readJob(t, "job.yaml")
	n := j.Spec.Completions
	if j.Spec.CompletionMode != "Indexed" || n < 1 || j.Spec.Parallelism > n {
		t.Fatalf("job.yaml: completionMode %q, completions %d, parallelism %d", j.Spec.CompletionMode, n, j.Spec.Parallelism)
	}
	c := j.Spec.Template.Spec.Containers[0]
	envOK := false
	for _, e := range c.Env {
		envOK = envOK || e.Name == "JOB_COMPLETION_INDEX" && e.ValueFrom.FieldRef.FieldPath == "metadata.annotations['batch.kubernetes.io/job-completion-index']"
	}
	if !envOK {
		t.Errorf("job.yaml: JOB_COMPLETION_INDEX is not declared from the completion-index annotation, so $(JOB_COMPLETION_INDEX) would not expand")
	}
	if len(c.Args) == 0 || c.Args[0] != "batch" {
		t.Fatalf("job.yaml: args %q, want batch ...", c.Args)
	}
	outs, dbs := map[string]bool{}, []string{}
	for i := range n {
		args := make([]string, len(c.Args)-1)
		for k, a := range c.Args[1:] {
			args[k] = strings.ReplaceAll(a, "$(JOB_COMPLETION_INDEX)", strconv.Itoa(i))
		}
		o, err := parseBatch(args)
		if err != nil {
			t.Fatalf("job.yaml, index %d: budgetpdf batch %q: %v", i, args, err)
		}
		if o.Shard != i || o.Shards != n {
			t.Errorf("job.yaml, index %d: --shard %d/%d, want %d/%d (completions)", i, o.Shard, o.Shards, i, n)
		}
		if o.SQLite == "" || outs[o.Out] {
			t.Errorf("job.yaml, index %d: --out %q (shared with another shard?), --sqlite %q", i, o.Out, o.SQLite)
		}
		outs[o.Out] = true
		dbs = append(dbs, o.SQLite)
	}
	m := readJob(t, "merge.yaml")
	args := m.Spec.Template.Spec.Containers[0].Args
	if len(args) < 3 || args[0] != "db" || args[1] != "merge" {
		t.Fatalf("merge.yaml: args %q, want db merge OUT SHARD...", args)
	}
	if !reflect.DeepEqual(args[3:], dbs) {
		t.Errorf("merge.yaml merges %q, the shards write %q", args[3:], dbs)
	}
	if code, _, stderr := runCLI("db", "merge", "--help"); code != 0 {
		t.Errorf("db merge --help: exit %d %s", code, stderr)
	}
}
