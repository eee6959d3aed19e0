// compose-check loads docker-compose.yml with compose-go (the loader `docker compose` itself uses) and parses the
// Dockerfile with BuildKit's parser, then checks what a deployment and a build need that can be checked without a
// Docker engine. Usage: scripts/compose-check/run --help.
//
// Findings go to stderr, one line each ("ok: ...", "FAIL: ..."); stdout carries only the normalised project when
// --format is given. Exit status: 0 all checks passed, 1 a check failed, 2 bad usage.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

type stringList []string

func (s *stringList) String() string     { return strings.Join(*s, ",") }
func (s *stringList) Set(v string) error { *s = append(*s, v); return nil }

type options struct {
	composeFile string
	projectDir  string
	envFiles    stringList
	dotenv      string
	noOsEnv     bool
	format      string
	dockerfile  string
}

// report collects findings; any failure makes the exit status 1.
type report struct {
	out    io.Writer
	failed int
}

func (r *report) ok(format string, args ...any) { fmt.Fprintf(r.out, "ok: "+format+"\n", args...) }
func (r *report) fail(format string, args ...any) {
	r.failed++
	fmt.Fprintf(r.out, "FAIL: "+format+"\n", args...)
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	var o options
	fs := flag.NewFlagSet("compose-check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&o.composeFile, "file", "docker-compose.yml", "compose file")
	fs.StringVar(&o.composeFile, "f", "docker-compose.yml", "shorthand for --file")
	fs.StringVar(&o.projectDir, "project-directory", "", "project directory (default: the compose file's directory)")
	fs.Var(&o.envFiles, "env-file", "`file` for interpolation instead of <project>/.env, like docker compose --env-file (repeatable)")
	fs.StringVar(&o.dotenv, "dotenv", "", "use `file` as <project>/.env: for interpolation and for every service's env_file: .env")
	fs.BoolVar(&o.noOsEnv, "no-os-env", false, "do not read variables from the process environment (docker compose always does)")
	fs.StringVar(&o.format, "format", "", "print the normalised project to stdout, as docker compose config does: json or yaml")
	fs.StringVar(&o.dockerfile, "dockerfile", "", "Dockerfile to check (default: Dockerfile in the project directory; its directory is the build context)")
	fs.Usage = func() {
		fmt.Fprintf(stderr, `Usage: compose-check [flags]

Loads the compose file as `+"`docker compose config`"+` does (schema validation, interpolation, merges,
normalisation, consistency, env_file resolution), checks required variables, healthchecks behind
depends_on conditions and bind-mount sources, then parses the Dockerfile with BuildKit and checks the
build context, stage references, CMD/ENTRYPOINT, USER, and that the compose build services use it.

Flags:
`)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "compose-check: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	if o.format != "" && o.format != "json" && o.format != "yaml" {
		fmt.Fprintf(stderr, "compose-check: --format must be json or yaml, not %q\n", o.format)
		return 2
	}
	if o.dotenv != "" && len(o.envFiles) > 0 {
		fmt.Fprintln(stderr, "compose-check: --dotenv already sets the interpolation env file; drop --env-file")
		return 2
	}

	r := &report{out: stderr}
	ctx := context.Background()

	composeFile, err := filepath.Abs(o.composeFile)
	if err != nil {
		fmt.Fprintf(stderr, "compose-check: %v\n", err)
		return 2
	}
	o.composeFile = composeFile
	if o.projectDir == "" {
		o.projectDir = filepath.Dir(composeFile)
	}
	if o.projectDir, err = filepath.Abs(o.projectDir); err != nil {
		fmt.Fprintf(stderr, "compose-check: %v\n", err)
		return 2
	}
	if o.dockerfile == "" {
		o.dockerfile = filepath.Join(o.projectDir, "Dockerfile")
	}
	if o.dockerfile, err = filepath.Abs(o.dockerfile); err != nil {
		fmt.Fprintf(stderr, "compose-check: %v\n", err)
		return 2
	}

	project, err := checkCompose(ctx, o, r)
	if err == nil && o.format != "" {
		var content []byte
		if o.format == "json" {
			content, err = project.MarshalJSON()
		} else {
			content, err = project.MarshalYAML()
		}
		if err != nil {
			r.fail("%s: cannot render the project: %v", rel(o.projectDir, o.composeFile), err)
		} else {
			// As `docker compose config`: a literal $ in the output is written as $$ so that it can be loaded again.
			_, _ = stdout.Write(escapeDollarSign(content))
			if o.format == "json" {
				_, _ = io.WriteString(stdout, "\n")
			}
		}
	}

	df := checkDockerfile(o.dockerfile, r)
	switch {
	case project != nil && df != nil:
		checkBuildServices(project, df, r)
	case project != nil:
		checkDependencies(project, nil, r)
	}

	if r.failed > 0 {
		fmt.Fprintf(stderr, "compose-check: %d check(s) failed\n", r.failed)
		return 1
	}
	fmt.Fprintln(stderr, "compose-check: all checks passed")
	return 0
}

func escapeDollarSign(b []byte) []byte {
	return []byte(strings.ReplaceAll(string(b), "$", "$$"))
}

// rel shows path relative to base when it lies below it, absolute otherwise.
func rel(base, path string) string {
	if r, err := filepath.Rel(base, path); err == nil && !strings.HasPrefix(r, "..") {
		return r
	}
	return path
}
